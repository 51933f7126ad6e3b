// Per-client request limits for the endpoints that change seats: a token bucket per (bucket, client
// address), refilled continuously. An exhausted bucket answers 429 with Retry-After.
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

class RateLimiter {
public:
    // Takes one token from `bucket` for the request's client; false after answering 429.
    bool admit(const std::string& bucket, int per_minute, const httplib::Request& req, httplib::Response& res);

private:
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point refilled;
    };
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace encore::server
