// The store's SQL as PostgreSQL reads it (store/postgresql_sql.hpp), table-driven.
#include <catch2/catch.hpp>

#include "store/postgresql_sql.hpp"

using encore::server::db::postgresql_sql;

TEST_CASE("SQLite-style SQL is rewritten for PostgreSQL outside quotes only", "[postgresql]") {
    struct Case {
        const char* sqlite;
        const char* postgresql;
    };
    const Case cases[] = {
        {"SELECT 1", "SELECT 1"},
        {"SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2"},
        {"UPDATE t SET a = ?1 WHERE b = ?2 OR c = ?1", "UPDATE t SET a = $1 WHERE b = $2 OR c = $1"},
        {"SELECT '?', \"a?\" FROM t WHERE x = ?", "SELECT '?', \"a?\" FROM t WHERE x = $1"},
        {"SELECT id FROM accounts WHERE name LIKE ?1 ESCAPE '\\'", "SELECT id FROM accounts WHERE name ILIKE $1 ESCAPE '\\'"},
        {"SELECT 'LIKE' FROM t WHERE a like ?", "SELECT 'LIKE' FROM t WHERE a ILIKE $1"},
        {"SELECT unlike, likely FROM t", "SELECT unlike, likely FROM t"},
        {"SELECT CAST(? AS INTEGER)", "SELECT CAST($1 AS BIGINT)"},
        {"CREATE TABLE t (a INTEGER)", "CREATE TABLE t (a INTEGER)"},
        {"SELECT 'it''s ?' WHERE a = ?", "SELECT 'it''s ?' WHERE a = $1"},
    };
    for (const Case& c : cases) {
        INFO(c.sqlite);
        CHECK(postgresql_sql(c.sqlite) == c.postgresql);
    }
}
