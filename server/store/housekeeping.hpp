// Pruning what would otherwise grow for ever: stored order answers older than the replay window and
// availability changes older than the change log's window. Each call deletes one bounded batch.
#pragma once
#include <cstdint>

#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

inline constexpr int prune_batch = 5000;

// Idempotency records created before `before` (server clock); how many were deleted.
int prune_idempotency_keys(db::Connection& db, Instant before);
// Seat changes logged before `before_unix_seconds` (system time); how many were deleted. A client
// asking for changes since a version older than the log then gets the full map.
int prune_seat_changes(db::Connection& db, std::int64_t before_unix_seconds);
// Shared rate-limit buckets last refilled before `before_ms` (system time, ms; such a bucket is full
// again, so it needs no row); how many were deleted.
int prune_rate_buckets(db::Connection& db, std::int64_t before_ms);

}  // namespace encore::server
