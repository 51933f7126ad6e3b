// Schema migrations of the server database, applied in order by Store at start-up.
#include "migrations.hpp"

#include <array>

namespace encore::server {
namespace {

// 1: the catalog document and per-instance seat states (an open seat has no row).
constexpr std::string_view catalog_and_seat_states = R"sql(
CREATE TABLE catalog (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    json       TEXT NOT NULL,
    etag       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE instance_versions (
    instance_id TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0)
);
CREATE TABLE seat_states (
    instance_id     TEXT NOT NULL REFERENCES instance_versions (instance_id),
    seat_id         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('held', 'reserved', 'sold', 'blocked')),
    changed_version INTEGER NOT NULL,
    PRIMARY KEY (instance_id, seat_id)
) WITHOUT ROWID;
)sql";

constexpr std::array<Migration, 1> all_migrations{{
    {1, "catalog_and_seat_states", catalog_and_seat_states},
}};

}  // namespace

std::span<const Migration> migrations() { return all_migrations; }

}  // namespace encore::server
