// Rate-limit token buckets in the database (table rate_buckets), for several servers on one database.
#pragma once
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace encore::server {

// Takes one token from the bucket `key` (at most `per_minute` tokens, refilled at `per_minute` a minute)
// in one upsert: 0 when taken, else the seconds until a token is there. `now_ms`: system time in ms.
// Run it outside a transaction on a READ COMMITTED connection, so concurrent takes wait, never conflict.
double take_rate_token(db::Connection& db, const std::string& key, int per_minute, std::int64_t now_ms);

}  // namespace encore::server
