// The rate limiter's buckets for several servers on one PostgreSQL database: kept in the database
// (store/rate_buckets.hpp) on connections of their own, READ COMMITTED, so takes wait and never conflict.
#pragma once
#include <string>

#include "http/token_buckets.hpp"
#include "store/connection_pool.hpp"

namespace encore::server {

class SharedRateLimits final : public TokenBuckets {
public:
    explicit SharedRateLimits(const std::string& location);
    double take(const std::string& key, int per_minute) override;

private:
    ConnectionPool pool_;
};

}  // namespace encore::server
