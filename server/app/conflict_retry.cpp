// Bounded retry with exponential, jittered back-off (writers that collided spread out instead of colliding again); the response is put back as it was before the first attempt.
#include "app/conflict_retry.hpp"

#include <httplib.h>

#include <algorithm>
#include <iostream>
#include <random>
#include <thread>

#include "http/problem.hpp"
#include "store/database.hpp"

namespace encore::server {

void run_retrying_conflicts(const httplib::Request& req, httplib::Response& res, const std::function<void()>& handler,
                            std::chrono::milliseconds patience) {
    const httplib::Response before = res;
    const auto give_up_at = std::chrono::steady_clock::now() + patience;
    thread_local std::minstd_rand random{std::random_device{}()};
    for (int attempt = 1;; ++attempt) {
        try {
            handler();
            return;
        } catch (const db::Error& error) {
            if (!error.retryable()) throw;
            res = before;
            const auto now = std::chrono::steady_clock::now();
            if (now >= give_up_at) {
                std::cerr << "encore-server: " << req.method << " " << printable(req.path) << ": gave up after "
                          << attempt << " tries: " << error.what() << "\n";
                res.set_header("Retry-After", "1");
                send_problem(res, 503, ApiProblem::server_busy, "Server busy",
                             "Other requests changed the same records at the same moment; try again in a second.");
                return;
            }
            std::uniform_int_distribution<int> pause_ms(1, 1 << std::min(attempt, 9));
            std::this_thread::sleep_until(std::min(give_up_at, now + std::chrono::milliseconds(pause_ms(random))));
        }
    }
}

}  // namespace encore::server
