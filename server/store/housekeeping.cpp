// Batched deletes by the age indexes of migration 3.
#include "store/housekeeping.hpp"

namespace encore::server {

int prune_idempotency_keys(db::Connection& db, Instant before) {
    db.prepare("DELETE FROM idempotency_keys WHERE rowid IN "
               "(SELECT rowid FROM idempotency_keys WHERE created_at < ? LIMIT ?)")
        .bind(1, before.unix_seconds)
        .bind(2, std::int64_t{prune_batch})
        .run();
    return db.changes();
}

int prune_seat_changes(db::Connection& db, std::int64_t before_unix_seconds) {
    db.prepare("DELETE FROM seat_changes WHERE (instance_id, version, seat_id) IN "
               "(SELECT instance_id, version, seat_id FROM seat_changes WHERE changed_at < ? LIMIT ?)")
        .bind(1, before_unix_seconds)
        .bind(2, std::int64_t{prune_batch})
        .run();
    return db.changes();
}

int prune_rate_buckets(db::Connection& db, std::int64_t before_ms) {
    db.prepare("DELETE FROM rate_buckets WHERE key IN (SELECT key FROM rate_buckets WHERE refilled_ms < ? LIMIT ?)")
        .bind(1, before_ms)
        .bind(2, std::int64_t{prune_batch})
        .run();
    return db.changes();
}

}  // namespace encore::server
