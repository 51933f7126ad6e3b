// Runs a route's handler again when the database rolled its transaction back for a conflict with
// another server's transaction (PostgreSQL's serialization failures and deadlocks) or lost the
// connection: nothing of the attempt was kept, so the whole request runs again, a bounded number of times.
#pragma once
#include <functional>

namespace httplib {
struct Request;
struct Response;
}

namespace encore::server {

constexpr int max_conflict_attempts = 12;

// Calls `handler`; after a retryable database error, restores `res` and calls it again after a random
// pause of up to 2, 4, 8 … 512 ms (about 1.5 s in all), up to max_conflict_attempts times, then answers
// 503 server_busy.
void run_retrying_conflicts(const httplib::Request& req, httplib::Response& res, const std::function<void()>& handler);

}  // namespace encore::server
