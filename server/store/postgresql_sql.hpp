// The store's SQL, written in SQLite's style, as PostgreSQL reads it: `?` and `?N` parameters become
// `$N`, LIKE becomes ILIKE (SQLite's LIKE ignores ASCII case) and `AS INTEGER` becomes `AS BIGINT`.
#pragma once
#include <string>
#include <string_view>

namespace encore::server::db {

std::string postgresql_sql(std::string_view sqlite_sql);

}  // namespace encore::server::db
