// Runs a route's handler again when the database rolled its transaction back for a conflict with
// another server's transaction (PostgreSQL's serialization failures and deadlocks) or lost the
// connection: nothing of the attempt was kept, so the whole request runs again until its patience runs out.
#pragma once
#include <chrono>
#include <functional>

namespace httplib {
struct Request;
struct Response;
}

namespace encore::server {

// How long a request keeps trying: long enough to wait out a restarting database server or a few
// seconds of colliding writers, short enough for a person still looking at the page.
constexpr std::chrono::milliseconds conflict_patience{5000};

// Calls `handler`; after a retryable database error, restores `res` and calls it again after a random
// pause of up to 2, 4, 8 … 512 ms, the last try when `patience` has passed since the first. If that one
// fails too, answers 503 server_busy with Retry-After and logs the request and the last error.
void run_retrying_conflicts(const httplib::Request& req, httplib::Response& res, const std::function<void()>& handler,
                            std::chrono::milliseconds patience = conflict_patience);

}  // namespace encore::server
