// The seats of one instance that changed after a version, from the seat_changes log, for
// GET /api/instances/{id}/availability?since=V.
#pragma once
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "encore/ids.hpp"
#include "store/connection_pool.hpp"

namespace encore::server {

// {"instance","version","since","changes":[{"seat","state"}]} with the latest state of each seat
// changed after `since`; nullopt when `since` is not a whole number >= 0, is newer than the
// instance's version, or older than the log still covers (the caller then sends the full map).
std::optional<nlohmann::json> availability_changes(ConnectionPool& pool, const InstanceId& instance,
                                                   std::string_view since);

}  // namespace encore::server
