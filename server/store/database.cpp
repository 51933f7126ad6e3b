// Which engine a location names.
#include "store/database.hpp"

#include "store/postgresql_connection.hpp"
#include "store/sqlite_connection.hpp"

namespace encore::server::db {

bool is_postgresql_location(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<Connection> open(const std::string& location) {
    if (is_postgresql_location(location)) return std::make_unique<postgresql::Connection>(location);
    return std::make_unique<sqlite::Connection>(location);
}

}  // namespace encore::server::db
