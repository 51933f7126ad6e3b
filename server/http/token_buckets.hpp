// Token buckets kept outside this process for the rate limiter (in the database several servers share,
// app/shared_rate_limits.hpp), so a client's allowance is the same whichever server its requests reach.
#pragma once
#include <string>

namespace encore::server {

class TokenBuckets {
public:
    virtual ~TokenBuckets() = default;
    // Takes one token from the bucket `key` (holding at most `per_minute`, refilled at `per_minute` a
    // minute): 0 when taken, else the seconds until a token is there.
    virtual double take(const std::string& key, int per_minute) = 0;
};

}  // namespace encore::server
