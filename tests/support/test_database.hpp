// Where a test keeps its database: a SQLite file in its folder, or, when ENCORE_TEST_POSTGRES names a
// PostgreSQL admin URL, a fresh database created on that cluster for the test.
#pragma once
#include <string>

namespace encore::test_database {

// The admin URL of ENCORE_TEST_POSTGRES, or "" when tests run on SQLite.
std::string postgres_admin_url();
bool on_postgres();

// CREATE DATABASE <prefix>_<pid>_<n> (C locale) on the admin URL's cluster; returns the new database's URL.
std::string create_postgres_database(const std::string& admin_url, const std::string& prefix);
// DROP DATABASE (forcing connections off); failures are ignored: it only tidies the cluster.
void drop_postgres_database(const std::string& admin_url, const std::string& database_url);

// A new database location for a test whose files live in `folder`: `folder`/`file_name` on SQLite, a
// fresh database on PostgreSQL.
std::string fresh_location(const std::string& folder, const std::string& file_name = "encore.db");

}  // namespace encore::test_database
