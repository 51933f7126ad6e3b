// Hostile or clumsy clients: malformed and oversized requests get a 4xx and the server keeps serving.
#include <catch2/catch.hpp>

#include <thread>

#include "server_fixture.hpp"
#include "store/database.hpp"

using namespace encore::test;

namespace {

bool still_serving(RunningServer& running) {
    auto health = running.client->Get("/api/health");
    return health && health->status == 200;
}

}  // namespace

TEST_CASE("a malformed request line gets 400 and the server keeps serving", "[robustness]") {
    RunningServer running(RunningServer::small_catalog());
    auto reply = raw_exchange(running.server.port(), "THIS IS NOT HTTP\r\n\r\n");
    CHECK(reply.rfind("HTTP/1.1 400", 0) == 0);
    auto binary = raw_exchange(running.server.port(), std::string("\x16\x03\x01\x02\x00\x01\xfc\x03\r\n\r\n", 12));
    CHECK(binary.rfind("HTTP/1.1 400", 0) == 0);
    CHECK(still_serving(running));
}

TEST_CASE("an oversized body gets 413 payload_too_large and the server keeps serving", "[robustness]") {
    RunningServer running(RunningServer::small_catalog());
    const std::string body(3 * 1024 * 1024, 'x');
    auto reply = raw_exchange(running.server.port(),
                              "POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    CHECK(reply.rfind("HTTP/1.1 413", 0) == 0);
    CHECK(reply.find("payload_too_large") != std::string::npos);

    auto big = running.client->Post("/api/nope", std::string(2 * 1024 * 1024, 'x'), "application/json");
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(still_serving(running));
}

TEST_CASE("a POST without Content-Length gets 411 at once", "[robustness]") {
    RunningServer running(RunningServer::small_catalog());
    auto reply = raw_exchange(running.server.port(), "POST /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(reply.rfind("HTTP/1.1 411", 0) == 0);
    CHECK(reply.find("length_required") != std::string::npos);
    CHECK(still_serving(running));
}

TEST_CASE("an overlong URI gets a 4xx and the server keeps serving", "[robustness]") {
    RunningServer running(RunningServer::small_catalog());
    auto reply = raw_exchange(running.server.port(),
                              "GET /api/" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(reply.rfind("HTTP/1.1 4", 0) == 0);
    CHECK(still_serving(running));
}

TEST_CASE("concurrent readers all get the same availability", "[robustness]") {
    RunningServer running(RunningServer::small_catalog(true));
    const std::string path = "/api/instances/tempest-2027-01-12-e/availability";
    const std::string expected = get(*running.client, path)->body;
    std::vector<std::thread> readers;
    std::atomic<int> good{0};
    for (int t = 0; t < 6; ++t) {
        readers.emplace_back([&] {
            auto client = running.server.client();
            for (int i = 0; i < 25; ++i) {
                auto result = client->Get(path.c_str());
                if (result && result->status == 200 && result->body == expected) ++good;
            }
        });
    }
    for (auto& reader : readers) reader.join();
    CHECK(good == 150);
}

TEST_CASE("an internal error is a 500 problem that keeps the detail in the log", "[robustness]") {
    RunningServer running(RunningServer::small_catalog());
    encore::server::db::open(running.dir.database())->execute("DROP TABLE seat_states");

    auto result = get(*running.client, "/api/instances/tempest-2027-01-12-e/availability");
    CHECK(result->status == 500);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    auto problem = body_json(result);
    CHECK(problem["code"] == "internal_error");
    CHECK(result->body.find("seat_states") == std::string::npos);
    CHECK(still_serving(running));
    running.server.stop();
    const std::string engine_says =
        on_postgres() ? "relation \"seat_states\" does not exist" : "no such table: seat_states";
    CHECK(running.server.log().find(engine_says) != std::string::npos);
}
