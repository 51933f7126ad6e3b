// Per-client request limits for the endpoints that change seats or hash passwords: a token bucket per
// (bucket, client address) or (bucket, key), refilled continuously. The client address is the one the
// front end resolved (X-Forwarded-For only from trusted proxies). An exhausted bucket answers 429 with Retry-After.
#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

class TokenBuckets;

class RateLimiter {
public:
    // Buckets in this process's memory, unless `shared` (buckets several servers share) is given.
    explicit RateLimiter(TokenBuckets* shared = nullptr) : shared_(shared) {}
    // Takes one token from `bucket` for the request's client; false after answering 429.
    bool admit(const std::string& bucket, int per_minute, const httplib::Request& req, httplib::Response& res);
    // The same for a key of the caller's choosing (an email), whoever sends it.
    bool admit_key(const std::string& bucket, int per_minute, const std::string& key, httplib::Response& res);

private:
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point refilled;
    };
    double take_here(const std::string& key, int per_minute);

    TokenBuckets* shared_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace encore::server
