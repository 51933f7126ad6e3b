// Token buckets in the database (table rate_buckets), for several servers on one PostgreSQL database:
// one upsert per token, run READ COMMITTED on connections of its own so clients never conflict.
#pragma once
#include <cstdint>
#include <string>

#include "context/token_buckets.hpp"
#include "store/connection_pool.hpp"

namespace encore::server {

class SharedTokenBuckets final : public TokenBuckets {
public:
    explicit SharedTokenBuckets(const std::string& location);
    double take(const std::string& key, int per_minute) override;

private:
    ConnectionPool pool_;
};

}  // namespace encore::server
