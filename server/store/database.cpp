// Which engine a location names.
#include "store/database.hpp"

#include "store/postgresql_connection.hpp"
#include "store/sqlite_connection.hpp"

namespace encore::server::db {

bool is_postgresql_location(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string printable_location(std::string_view location) {
    if (!is_postgresql_location(location)) return std::string(location);
    const std::size_t scheme = location.find("://") + 3;
    const std::size_t at = location.find('@', scheme);
    const std::size_t colon = location.find(':', scheme);
    if (at == std::string_view::npos || colon == std::string_view::npos || colon > at) return std::string(location);
    return std::string(location.substr(0, colon + 1)) + "***" + std::string(location.substr(at));
}

std::unique_ptr<Connection> open(const std::string& location) {
    if (is_postgresql_location(location)) return std::make_unique<postgresql::Connection>(location);
    return std::make_unique<sqlite::Connection>(location);
}

}  // namespace encore::server::db
