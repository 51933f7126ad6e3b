// The bucket arithmetic in one statement, in thousandths of a token and milliseconds: refill by the
// time since the last take, cap at the bucket's size, take one if there is one.
#include "store/rate_buckets.hpp"

namespace encore::server {
namespace {

// ?1 key, ?2 capacity (milli-tokens), ?3 now (ms), ?4 tokens per minute.
const std::string refilled =
    "CASE WHEN rate_buckets.tokens_milli + (CASE WHEN CAST(?3 AS BIGINT) > rate_buckets.refilled_ms "
    "THEN CAST(?3 AS BIGINT) - rate_buckets.refilled_ms ELSE 0 END) * CAST(?4 AS BIGINT) / 60 > CAST(?2 AS BIGINT) "
    "THEN CAST(?2 AS BIGINT) ELSE rate_buckets.tokens_milli + (CASE WHEN CAST(?3 AS BIGINT) > rate_buckets.refilled_ms "
    "THEN CAST(?3 AS BIGINT) - rate_buckets.refilled_ms ELSE 0 END) * CAST(?4 AS BIGINT) / 60 END";

const std::string take_sql =
    "INSERT INTO rate_buckets (key, tokens_milli, refilled_ms, admitted) "
    "VALUES (?1, CAST(?2 AS BIGINT) - 1000, CAST(?3 AS BIGINT), 1) ON CONFLICT (key) DO UPDATE SET "
    "tokens_milli = CASE WHEN " + refilled + " >= 1000 THEN " + refilled + " - 1000 ELSE " + refilled + " END, "
    "admitted = CASE WHEN " + refilled + " >= 1000 THEN 1 ELSE 0 END, "
    "refilled_ms = CASE WHEN CAST(?3 AS BIGINT) > rate_buckets.refilled_ms THEN CAST(?3 AS BIGINT) ELSE rate_buckets.refilled_ms END "
    "RETURNING admitted, tokens_milli";

}  // namespace

double take_rate_token(db::Connection& db, const std::string& key, int per_minute, std::int64_t now_ms) {
    auto take = db.prepare(take_sql);
    take.bind(1, key).bind(2, std::int64_t{per_minute} * 1000).bind(3, now_ms).bind(4, std::int64_t{per_minute});
    take.step();
    const bool admitted = take.integer(0) == 1;
    const std::int64_t tokens_milli = take.integer(1);
    take.reset();
    if (admitted) return 0;
    return static_cast<double>(1000 - tokens_milli) * 60.0 / (1000.0 * per_minute);
}

}  // namespace encore::server
