// On-sale day, as an attacker would try it: deep JSON, unknown members, bodies that grow past the
// limit when chunked or decompressed, slow clients, the wrong Content-Type, bad references. Each gets
// a clear 4xx and the server keeps serving everyone else.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <thread>

#include "account_helpers.hpp"
#include "order_fixture.hpp"

using namespace encore::test;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const std::string macbeth = "macbeth-2027-01-12-e";

std::string gzip(const std::string& data) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, data.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::string status_line(const std::string& reply) { return reply.substr(0, reply.find("\r\n")); }

bool answers_health_within(int port, std::chrono::milliseconds limit) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(limit);
    client.set_read_timeout(limit);
    auto health = client.Get("/api/health");
    return health && health->status == 200;
}

std::string nested_array(int depth) { return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']'); }

}  // namespace

TEST_CASE("an order with a member nested 60,000 deep gets 400 json_too_deep, and the server lives", "[hostile][json]") {
    Shop shop;
    const std::string alice = shop.register_customer("deep@test.example");
    json basket = web_basket({ticket_line(macbeth, "ST-H-14")});
    std::string body = shop.order_body(alice, basket, invoice_payment()).dump();
    body.insert(body.size() - 1, ",\"x\":" + nested_array(60000));  // ~120 KB, under the 1 MiB limit
    auto result = shop.send("POST", "/api/orders", body, alice, {{"Idempotency-Key", "deep-1"}});
    INFO(result->body);
    CHECK(result->status == 400);
    CHECK(body_json(result)["code"] == "json_too_deep");
    for (const char* path : {"/api/holds", "/api/auth/login", "/api/me/cards"}) {
        auto deep = shop.send("POST", path, "{\"a\":" + nested_array(60000) + "}", alice);
        INFO(path << " " << deep->body);
        CHECK(deep->status == 400);
        CHECK(body_json(deep)["code"] == "json_too_deep");
    }
    CHECK(answers_health_within(shop.running.server.port(), std::chrono::seconds(2)));
}

TEST_CASE("a number too large for a double is malformed JSON, not a 500", "[hostile][json]") {
    RunningServer running(RunningServer::small_catalog());
    for (const char* path : {"/api/holds", "/api/auth/login"}) {
        auto result = running.client->Post(path, R"({"instance":"x","seats":[5e747],"email":1e999})", "application/json");
        REQUIRE(result);
        INFO(path << " " << result->body);
        CHECK(result->status == 400);
        CHECK(body_json(result)["code"] == "malformed_json");
    }
}

TEST_CASE("closed request schemas name the unknown member with 422", "[hostile][json]") {
    Shop shop;
    const std::string alice = shop.register_customer("closed@test.example");
    json body = shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-H-16")}), invoice_payment());
    body["discount"] = 100;
    auto extra = shop.post_order(alice, body, "closed-1");
    INFO(extra->body);
    REQUIRE(extra->status == 422);
    CHECK(body_json(extra)["field"] == "discount");
    body.erase("discount");
    body["basket"]["lines"][0]["price"] = 1;
    auto line = shop.post_order(alice, body, "closed-2");
    REQUIRE(line->status == 422);
    CHECK(body_json(line)["field"] == "basket/lines/0/price");
    auto login = shop.send("POST", "/api/auth/login", R"({"email":"closed@test.example","password":"password123","admin":true})");
    REQUIRE(login->status == 422);
    CHECK(body_json(login)["field"] == "admin");
    CHECK(shop.count("orders") == 0);
}

TEST_CASE("a chunked body over the limit gets 413 before it is all read", "[hostile][limits]") {
    RunningServer running(RunningServer::small_catalog());
    std::string request = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n";
    const std::string chunk(64 * 1024, 'x');
    for (int i = 0; i < 40; ++i) request += "10000\r\n" + chunk + "\r\n";  // 2.5 MiB in 64 KiB chunks
    request += "0\r\n\r\n";
    const std::string reply = raw_exchange(running.server.port(), request);
    INFO(reply.substr(0, 300));
    CHECK(status_line(reply) == "HTTP/1.1 413 Payload Too Large");
    CHECK(reply.find("payload_too_large") != std::string::npos);
    CHECK(answers_health_within(running.server.port(), std::chrono::seconds(2)));
}

TEST_CASE("a small chunked body is read like any other", "[hostile][limits]") {
    RunningServer running(RunningServer::small_catalog());
    const std::string body = R"({"email":"nobody@test.example","password":"whatever1"})";
    char size[16];
    std::snprintf(size, sizeof size, "%zx", body.size() - 10);
    const std::string request = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                "Transfer-Encoding: chunked\r\n\r\n" + std::string(size) + "\r\n" + body.substr(0, body.size() - 10) +
                                "\r\na\r\n" + body.substr(body.size() - 10) + "\r\n0\r\n\r\n";
    const std::string reply = raw_exchange(running.server.port(), request);
    CHECK(status_line(reply) == "HTTP/1.1 401 Unauthorized");
    CHECK(reply.find("invalid_credentials") != std::string::npos);
}

TEST_CASE("a gzip body is inflated with a cap: a 200 MiB bomb gets 413, a small one is read", "[hostile][limits]") {
    RunningServer running(RunningServer::small_catalog());
    const std::string bomb = gzip(std::string(200u * 1024 * 1024, ' '));
    REQUIRE(bomb.size() < 1024 * 1024);
    const std::string head = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Content-Encoding: gzip\r\nContent-Length: ";
    const std::string reply = raw_exchange(running.server.port(), head + std::to_string(bomb.size()) + "\r\n\r\n" + bomb);
    INFO(reply.substr(0, 300));
    CHECK(status_line(reply) == "HTTP/1.1 413 Payload Too Large");
    const std::string small = gzip(R"({"email":"nobody@test.example","password":"whatever1"})");
    const std::string fine = raw_exchange(running.server.port(), head + std::to_string(small.size()) + "\r\n\r\n" + small);
    CHECK(status_line(fine) == "HTTP/1.1 401 Unauthorized");
    CHECK(answers_health_within(running.server.port(), std::chrono::seconds(2)));
}

TEST_CASE("eight clients trickling their headers do not stop the health check", "[hostile][slow]") {
    RunningServer running(RunningServer::small_catalog());
    std::vector<int> slow;
    for (int i = 0; i < 8; ++i) {
        slow.push_back(connect_loopback(running.server.port()));
        const std::string start = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
        REQUIRE(send(slow.back(), start.data(), start.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(start.size()));
    }
    for (int round = 0; round < 3; ++round) {
        for (int sock : slow) send(sock, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL);
        const auto started = Clock::now();
        CHECK(answers_health_within(running.server.port(), std::chrono::seconds(1)));
        CHECK(Clock::now() - started < std::chrono::seconds(1));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    for (int sock : slow) close(sock);
}

TEST_CASE("a head that never ends gets 408 after --header-timeout", "[hostile][slow]") {
    std::vector<std::string> args = RunningServer::small_catalog();
    args.insert(args.end(), {"--header-timeout", "1"});
    RunningServer running(args);
    const auto started = Clock::now();
    const std::string reply = raw_exchange(running.server.port(), "GET /api/health HTTP/1.1\r\nHost: x\r\n",
                                           std::chrono::seconds(5));
    CHECK(status_line(reply) == "HTTP/1.1 408 Request Timeout");
    CHECK(reply.find("request_timeout") != std::string::npos);
    CHECK(Clock::now() - started < std::chrono::seconds(3));
}

TEST_CASE("a burst of 100 simultaneous connections is answered in full", "[hostile][burst]") {
    RunningServer running(RunningServer::small_catalog());
    constexpr int clients = 100;
    std::vector<int> sockets;
    for (int i = 0; i < clients; ++i) sockets.push_back(connect_loopback(running.server.port()));
    const std::string request = "GET /api/instances/tempest-2027-01-12-e/availability HTTP/1.1\r\nHost: x\r\n\r\n";
    for (int sock : sockets) REQUIRE(send(sock, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    std::atomic<int> answered{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t)
        readers.emplace_back([&, t] {
            for (std::size_t i = static_cast<std::size_t>(t); i < sockets.size(); i += 4) {
                timeval timeout{10, 0};
                setsockopt(sockets[i], SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
                char buffer[256];
                const ssize_t n = recv(sockets[i], buffer, sizeof buffer, 0);
                if (n > 12 && std::string(buffer, 12) == "HTTP/1.1 200") ++answered;
            }
        });
    for (auto& reader : readers) reader.join();
    for (int sock : sockets) close(sock);
    CHECK(answered == clients);
}

TEST_CASE("a JSON endpoint refuses a body that is not JSON with 415", "[hostile][content-type]") {
    RunningServer running(RunningServer::small_catalog());
    auto result = running.client->Post("/api/auth/login", R"({"email":"a@b.example","password":"whatever1"})", "text/plain");
    REQUIRE(result);
    CHECK(result->status == 415);
    CHECK(body_json(result)["code"] == "unsupported_media_type");
    auto json_ok = running.client->Post("/api/auth/login", R"({"email":"a@b.example","password":"whatever1"})",
                                        "application/json; charset=utf-8");
    REQUIRE(json_ok);
    CHECK(json_ok->status == 401);
}

TEST_CASE("an order reference that is not UTF-8 is a 404, never a 500", "[hostile][references]") {
    Shop shop;
    const std::string staff = shop.create_staff("staff-utf8@test.example");
    for (const std::string path : {"/api/orders/ord_%FF%FE/mark-paid", "/api/orders/%C3%28/mark-paid"}) {
        auto result = shop.send("POST", path, "", staff);
        INFO(path << " " << result->body);
        CHECK(result->status == 404);
        CHECK(body_json(result)["code"] == "order_not_found");
    }
    auto read = shop.get_as("/api/orders/ord_%FF", staff);
    CHECK(read->status == 404);
}

TEST_CASE("hold tokens do not appear in the request log", "[hostile][log]") {
    Shop shop;
    auto held = shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", {"ST-J-3"}}}.dump());
    REQUIRE(held->status == 201);
    const std::string token = body_json(held)["hold"]["token"];
    REQUIRE(shop.send("GET", "/api/holds/" + token, "")->status == 200);
    REQUIRE(shop.send("POST", "/api/holds/" + token + "/extend", "")->status == 200);
    shop.running.server.stop();
    const std::string log = shop.running.server.log();
    CHECK(log.find(token) == std::string::npos);
    CHECK(log.find(token.substr(0, 16)) == std::string::npos);
    CHECK(log.find("/api/holds/{token}/extend") != std::string::npos);
}

TEST_CASE("the admin clock refuses years outside 2000-2100", "[hostile][clock]") {
    Shop shop;
    for (const char* now : {"9999-01-01T00:00:00Z", "1970-01-02T00:00:00Z", "2101-01-01T00:00:00Z"}) {
        auto result = shop.send("PUT", "/api/admin/clock", json{{"now", now}}.dump(), shop.admin);
        INFO(now << " " << result->body);
        CHECK(result->status == 422);
        CHECK(body_json(result)["field"] == "now");
    }
    CHECK(shop.send("PUT", "/api/admin/clock", json{{"now", "2100-12-31T23:59:59Z"}}.dump(), shop.admin)->status == 200);
}

TEST_CASE("every answer carries nosniff and a CSP whose frame-ancestors follows --frame-ancestors", "[hostile][headers]") {
    {
        RunningServer running(RunningServer::small_catalog());
        for (const char* path : {"/api/health", "/api/nope"}) {
            auto result = get(*running.client, path);
            CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
            CHECK(result->get_header_value("Content-Security-Policy").find("frame-ancestors 'self'") != std::string::npos);
        }
        const std::string refused = raw_exchange(running.server.port(), "BROKEN\r\n\r\n");
        CHECK(refused.find("X-Content-Type-Options: nosniff") != std::string::npos);
    }
    std::vector<std::string> args = RunningServer::small_catalog();
    args.insert(args.end(), {"--frame-ancestors", "'self' https://venue.example"});
    RunningServer embedded(args);
    auto result = get(*embedded.client, "/api/health");
    CHECK(result->get_header_value("Content-Security-Policy").find("frame-ancestors 'self' https://venue.example") !=
          std::string::npos);
}
