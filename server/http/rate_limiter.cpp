// Token buckets per client address.
#include "http/rate_limiter.hpp"

#include <httplib.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "http/token_buckets.hpp"
#include "http/problem.hpp"

namespace encore::server {

bool RateLimiter::admit(const std::string& bucket, int per_minute, const httplib::Request& req, httplib::Response& res) {
    return admit_key(bucket, per_minute, req.remote_addr, res);
}

double RateLimiter::take_here(const std::string& key, int per_minute) {
    const auto now = std::chrono::steady_clock::now();
    const double rate = per_minute / 60.0;  // tokens per second
    {
        std::lock_guard lock(mutex_);
        if (buckets_.size() > 100000) buckets_.clear();  // bounded memory under address churn
        auto [it, created] = buckets_.try_emplace(key);
        Bucket& b = it->second;
        if (created) {
            b.tokens = per_minute;
            b.refilled = now;
        }
        b.tokens = std::min<double>(per_minute, b.tokens + std::chrono::duration<double>(now - b.refilled).count() * rate);
        b.refilled = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return (1 - b.tokens) / rate;
    }
}

bool RateLimiter::admit_key(const std::string& bucket, int per_minute, const std::string& key, httplib::Response& res) {
    const std::string bucket_key = bucket + "|" + key;
    double wait_seconds = 0;
    try {
        wait_seconds = shared_ ? shared_->take(bucket_key, per_minute) : take_here(bucket_key, per_minute);
    } catch (const std::exception& error) {
        // The shared buckets could not be reached: count here rather than refuse everyone.
        std::cerr << "encore-server: rate limits: " << error.what() << "\n";
        wait_seconds = take_here(bucket_key, per_minute);
    }
    if (wait_seconds <= 0) return true;
    const int retry_after = std::max(1, static_cast<int>(std::ceil(wait_seconds)));
    res.set_header("Retry-After", std::to_string(retry_after));
    send_problem(res, 429, ApiProblem::rate_limited, "Too many requests",
                 "Too many requests; try again in " + std::to_string(retry_after) + " seconds.");
    return false;
}

}  // namespace encore::server
