// One upsert per request that counts against a limit.
#include "app/shared_rate_limits.hpp"

#include <chrono>

#include "store/rate_buckets.hpp"

namespace encore::server {

SharedRateLimits::SharedRateLimits(const std::string& location)
    : pool_(location, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED") {}

double SharedRateLimits::take(const std::string& key, int per_minute) {
    using namespace std::chrono;
    const auto now_ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    auto db = pool_.lease();
    return take_rate_token(*db, key, per_minute, now_ms);
}

}  // namespace encore::server
