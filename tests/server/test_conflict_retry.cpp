// The retry around every route: a request whose transaction the database threw away runs again until the
// database answers, for seconds rather than a fixed count of tries, and only then answers 503 server_busy.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>

#include "app/conflict_retry.hpp"
#include "store/database.hpp"

using namespace encore::server;
using Clock = std::chrono::steady_clock;

namespace {

httplib::Request order_request() {
    httplib::Request req;
    req.method = "POST";
    req.path = "/api/orders";
    return req;
}

}  // namespace

TEST_CASE("a database away for 2.5 s (a restarting server) is waited out, whatever the count of tries", "[conflict_retry]") {
    const auto back_at = Clock::now() + std::chrono::milliseconds(2500);
    int tries = 0;
    httplib::Response res;
    run_retrying_conflicts(order_request(), res, [&] {
        ++tries;
        res.set_header("X-Attempt", std::to_string(tries));
        if (Clock::now() < back_at)
            throw db::Error("cannot connect to PostgreSQL: the database system is not yet accepting connections",
                            db::Error::Kind::lost);
        res.status = 201;
        res.set_content("{}", "application/json");
    });
    CHECK(res.status == 201);
    CHECK(tries > 1);
    CHECK(res.get_header_value_count("X-Attempt") == 1);  // what a thrown-away try wrote is not kept
    CHECK(res.get_header_value("X-Attempt") == std::to_string(tries));
}

TEST_CASE("conflicts that never end answer 503 server_busy once the patience has run out", "[conflict_retry]") {
    const auto started = Clock::now();
    int tries = 0;
    httplib::Response res;
    run_retrying_conflicts(order_request(), res, [&] {
        ++tries;
        res.status = 201;
        throw db::Error("could not serialize access", db::Error::Kind::conflict);
    }, std::chrono::milliseconds(400));
    const auto waited = Clock::now() - started;
    CHECK(res.status == 503);
    CHECK(res.get_header_value("Content-Type") == "application/problem+json");
    CHECK(res.body.find("\"server_busy\"") != std::string::npos);
    CHECK(res.get_header_value("Retry-After") == "1");
    CHECK(tries > 1);
    CHECK(waited >= std::chrono::milliseconds(400));  // the whole patience is used, the last try at its end
    CHECK(waited < std::chrono::seconds(3));  // and then it stops
}

TEST_CASE("an error that is not the database's to retry is not retried", "[conflict_retry]") {
    int tries = 0;
    httplib::Response res;
    CHECK_THROWS_AS(run_retrying_conflicts(order_request(), res, [&] {
        ++tries;
        throw db::Error("no such table", db::Error::Kind::other);
    }), db::Error);
    CHECK(tries == 1);
}
