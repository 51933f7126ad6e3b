// What the server keeps in SQLite: the catalog document and seat states. Opening applies migrations.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encore/availability.hpp"
#include "encore/ids.hpp"
#include "store/connection_pool.hpp"
#include "store/seat_mark.hpp"

namespace encore::server {

// The catalog as stored: normalised JSON text and its ETag.
struct StoredCatalog {
    std::string json;
    std::string etag;
};

// Seat rows of one instance (seats without a row are open) and the instance's version.
struct InstanceSeatStates {
    std::int64_t version = 0;
    std::vector<std::pair<SeatId, SeatState>> seats;
};

// What replace_catalog did: replaced it, found the stored catalog changed since `expected_etag`, or
// refused because instances left out still have seat states (listed in `instances_in_use`).
struct CatalogReplacement {
    enum class Outcome { replaced, stale, instances_in_use };
    Outcome outcome = Outcome::replaced;
    std::vector<InstanceId> instances_in_use;
};

class Store {
public:
    // Opens or creates the database (and its folder) and applies pending migrations.
    // Throws db::Error naming the problem.
    // `max_connections` caps the connection pool (0: no cap; SQLite opens one per thread as needed).
    explicit Store(const std::string& location, std::size_t max_connections = 0);

    // The highest applied migration.
    int schema_version();
    std::optional<StoredCatalog> catalog();
    // The stored catalog's ETag only (cheap: asked every second to notice another server's change).
    std::optional<std::string> catalog_etag();
    // Stores the first catalog, a version row per instance and initial seat states, in one
    // transaction. Returns false (and changes nothing) if a catalog is already stored.
    bool import_first_catalog(const StoredCatalog& catalog, std::string_view updated_at,
                              const std::vector<InstanceId>& instances, const std::vector<SeatMark>& marks);
    InstanceSeatStates seat_states(const InstanceId& instance);
    // Replaces the stored catalog (or stores the first one when `expected_etag` is empty) and adds a
    // version row for each new instance, in one transaction; changes nothing unless it replaced.
    CatalogReplacement replace_catalog(const StoredCatalog& catalog, std::string_view expected_etag,
                                       std::string_view updated_at, const std::vector<InstanceId>& instances);
    // Connections to the same database, for the modules that keep their own tables.
    ConnectionPool& pool() { return pool_; }

private:
    void migrate();
    ConnectionPool pool_;
};

}  // namespace encore::server
