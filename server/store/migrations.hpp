// The database schema as numbered migrations, each written for SQLite and for PostgreSQL; a new feature
// appends one, never edits an applied one.
#pragma once
#include <span>
#include <string_view>

namespace encore::server {

struct Migration {
    int version;            // 1, 2, 3 ... without gaps
    std::string_view name;  // recorded in schema_migrations
    std::string_view sqlite;
    std::string_view postgresql;  // the same schema for PostgreSQL (rules at the top of migrations.cpp)
};

std::span<const Migration> migrations();

}  // namespace encore::server
