// On-sale day, as a crowd and a hoarder would try it: seats per hold, per customer and per anonymous
// client, live holds, unpaid invoice seats, login throttling (per address, per email, and the proxy's
// X-Forwarded-For only when trusted), sessions per account, and pruning of old records.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <ctime>
#include <thread>

#include "account_helpers.hpp"
#include "order_fixture.hpp"
#include "store/database.hpp"

using namespace encore::test;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const std::string macbeth = "macbeth-2027-01-12-e";

std::vector<std::string> row_seats(const std::string& row, int first, int count) {
    std::vector<std::string> seats;
    for (int i = 0; i < count; ++i) seats.push_back("ST-" + row + "-" + std::to_string(first + i));
    return seats;
}

httplib::Result anonymous_hold(Shop& shop, const std::vector<std::string>& seats, const httplib::Headers& headers = {}) {
    return shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", seats}}.dump(), "", headers);
}

void require_code(const httplib::Result& result, int status, const std::string& code) {
    INFO(result->body);
    REQUIRE(result->status == status);
    CHECK(body_json(result)["code"] == code);
}

}  // namespace

TEST_CASE("one anonymous client cannot hold a whole performance", "[limits][holds]") {
    Shop shop;  // defaults: 10 seats per hold, 20 per customer per performance, 5 live holds
    require_code(anonymous_hold(shop, row_seats("A", 1, 11)), 422, "hold_too_large");
    REQUIRE(anonymous_hold(shop, row_seats("A", 1, 10))->status == 201);
    REQUIRE(anonymous_hold(shop, row_seats("B", 1, 10))->status == 201);
    auto third = anonymous_hold(shop, row_seats("C", 1, 1));
    require_code(third, 409, "seat_limit_reached");
    CHECK(body_json(third)["limit"] == 20);
    CHECK(shop.seat_state(macbeth, "ST-C-1") == 'o');
    // Other performances are still open to the same client, up to its number of live holds.
    for (const char* instance : {"macbeth-2027-01-13-e", "macbeth-2027-01-14-e", "macbeth-2027-01-15-e"}) {
        auto other = shop.send("POST", "/api/holds", json{{"instance", instance}, {"seats", {"ST-D-1"}}}.dump());
        INFO(instance << " " << other->body);
        CHECK((other->status == 201 || other->status == 404));
    }
}

TEST_CASE("live holds per client are limited and adding to a hold counts its seats", "[limits][holds]") {
    Shop shop(demo_catalog_path(), {"--max-holds-per-client", "2", "--max-seats-per-hold", "3"});
    const std::string alice = shop.register_customer("hoarder@test.example");
    const std::string first = shop.hold(alice, macbeth, {"ST-E-1"});
    shop.hold(alice, macbeth, {"ST-E-2"});
    auto third = shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", {"ST-E-3"}}}.dump(), alice);
    require_code(third, 409, "too_many_holds");
    auto grow = shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", {"ST-E-3", "ST-E-4", "ST-E-5"}}, {"hold", first}}.dump(), alice);
    require_code(grow, 422, "hold_too_large");
    CHECK(shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", {"ST-E-3"}}, {"hold", first}}.dump(), alice)->status == 201);
    // Another customer is not affected.
    const std::string bob = shop.register_customer("bob-limits@test.example");
    CHECK(shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", {"ST-E-9"}}}.dump(), bob)->status == 201);
}

TEST_CASE("orders count against seats per customer, and staff are not limited", "[limits][orders]") {
    Shop shop(demo_catalog_path(), {"--max-seats-per-customer", "3"});
    const std::string alice = shop.register_customer("limit-order@test.example");
    const std::string card = shop.store_card(alice, "4242424242424242");
    json two = web_basket({ticket_line(macbeth, "ST-F-1"), ticket_line(macbeth, "ST-F-2")});
    REQUIRE(shop.post_order(alice, shop.order_body(alice, two, card_payment(card)), "lim-1")->status == 201);
    json more = web_basket({ticket_line(macbeth, "ST-F-3"), ticket_line(macbeth, "ST-F-4")});
    auto refused = shop.post_order(alice, shop.order_body(alice, more, card_payment(card)), "lim-2");
    require_code(refused, 409, "seat_limit_reached");
    CHECK(shop.seat_state(macbeth, "ST-F-3") == 'o');
    require_code(shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", row_seats("F", 5, 2)}}.dump(), alice), 409,
                 "seat_limit_reached");
    const std::string staff = shop.create_staff("limit-staff@test.example");
    CHECK(shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", row_seats("G", 1, 5)}}.dump(), staff)->status == 201);
}

TEST_CASE("a series the box office holds for a customer counts as their seats, not as one of their live holds",
          "[limits][holds][renewals]") {
    Shop shop(demo_catalog_path(), {"--max-seats-per-customer", "2", "--max-holds-per-client", "1"});
    const std::string staff = shop.create_staff("limit-box@test.example");
    const std::string alice = shop.register_customer("limit-subscriber@test.example");
    const long long alice_id = body_json(shop.get_as("/api/me", alice))["account"]["id"];
    auto held = shop.send("POST", "/api/staff/customers/" + std::to_string(alice_id) + "/holds",
                          json{{"series", "five-play-package"}, {"group", "tue"}, {"seats", {"ST-F-10"}}}.dump(), staff);
    INFO(held->body);
    REQUIRE(held->status == 201);
    CHECK(shop.seat_state(macbeth, "ST-F-10") == 'h');
    require_code(shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", {"ST-E-1", "ST-E-2"}}}.dump(), alice), 409,
                 "seat_limit_reached");
    CHECK(shop.send("POST", "/api/holds", json{{"instance", macbeth}, {"seats", {"ST-E-1"}}}.dump(), alice)->status == 201);
}

TEST_CASE("the renewal, box-office and webhook bodies are closed schemas", "[limits][renewals]") {
    Shop shop;
    const std::string staff = shop.create_staff("closed-box@test.example");
    const std::string alice = shop.register_customer("closed-alice@test.example");
    const long long alice_id = body_json(shop.get_as("/api/me", alice))["account"]["id"];
    auto hold = shop.send("POST", "/api/staff/customers/" + std::to_string(alice_id) + "/holds",
                          json{{"series", "five-play-package"}, {"group", "tue"}, {"seats", {"ST-F-10"}}, {"until", "never"}}.dump(), staff);
    require_code(hold, 422, "invalid_request");
    CHECK(body_json(hold)["field"] == "until");
    CHECK(shop.count("holds") == 0);
    auto action = shop.send("POST", "/api/me/subscriber-records/1/actions",
                            json{{"action", "renew"}, {"payment", {{"method", "card"}, {"card_token", "tok_x"}, {"cvc", "1"}}}}.dump(), alice);
    require_code(action, 422, "invalid_request");
    CHECK(body_json(action)["field"] == "payment/cvc");
    const std::string admin = shop.admin;
    auto webhook = shop.send("POST", "/api/admin/webhooks", json{{"url", "http://127.0.0.1:9/x"}, {"events", "all"}}.dump(), admin);
    require_code(webhook, 422, "invalid_request");
    CHECK(body_json(webhook)["field"] == "events");
    CHECK(shop.count("webhook_endpoints") == 0);
    auto form = shop.running.client->Put(("/api/admin/house-holds/" + macbeth).c_str(), {{"Authorization", "Bearer " + admin}},
                                         "seats=ST-A-1", "application/x-www-form-urlencoded");
    REQUIRE(form);
    CHECK(form->status == 415);
}

TEST_CASE("unpaid invoice seats per account are limited", "[limits][invoices]") {
    Shop shop(demo_catalog_path(), {"--max-invoice-seats", "4"});
    const std::string alice = shop.register_customer("invoices@test.example");
    json three = web_basket({ticket_line(macbeth, "ST-K-1"), ticket_line(macbeth, "ST-K-2"), ticket_line(macbeth, "ST-K-3")});
    REQUIRE(shop.post_order(alice, shop.order_body(alice, three, invoice_payment()), "inv-1")->status == 201);
    json two = web_basket({ticket_line(macbeth, "ST-K-4"), ticket_line(macbeth, "ST-K-5")});
    auto refused = shop.post_order(alice, shop.order_body(alice, two, invoice_payment()), "inv-2");
    require_code(refused, 409, "invoice_limit_reached");
    CHECK(body_json(refused)["limit"] == 4);
    CHECK(shop.seat_state(macbeth, "ST-K-4") == 'o');
    const std::string card = shop.store_card(alice, "4242424242424242");
    CHECK(shop.post_order(alice, shop.order_body(alice, two, card_payment(card)), "inv-3")->status == 201);
}

TEST_CASE("one new account cannot reserve 300 seats by invoice with the defaults", "[limits][invoices]") {
    Shop shop;
    const std::string alice = shop.register_customer("three-hundred@test.example");
    std::vector<json> lines;
    for (const std::string& seat : row_seats("L", 1, 30)) lines.push_back(ticket_line(macbeth, seat));
    auto refused = shop.post_order(alice, shop.order_body(alice, web_basket(lines), invoice_payment()), "inv-300");
    INFO(refused->body);
    CHECK(refused->status == 409);
    CHECK(shop.count("orders") == 0);
}

TEST_CASE("logins are limited per address and per email, and answer 429 with Retry-After", "[limits][logins]") {
    RunningServer running(with_admin({"--login-rate", "6", "--login-rate-per-account", "3"}));
    auto attempt = [&](const std::string& email, const httplib::Headers& headers = {}) {
        return send_json(*running.client, "POST", "/api/auth/login", {{"email", email}, {"password", "wrong-password"}}, headers);
    };
    for (int i = 0; i < 3; ++i) CHECK(attempt("target@test.example")->status == 401);
    auto fourth = attempt("target@test.example");
    require_code(fourth, 429, "rate_limited");
    CHECK(!fourth->get_header_value("Retry-After").empty());
    CHECK(attempt("other@test.example")->status == 401);
    CHECK(attempt("third@test.example")->status == 401);
    require_code(attempt("fourth@test.example"), 429, "rate_limited");  // the address's 6 are used
}

TEST_CASE("X-Forwarded-For is believed only from a --trusted-proxy", "[limits][proxy]") {
    SECTION("trusted: each forwarded client has its own bucket") {
        RunningServer running(with_admin({"--login-rate", "2", "--trusted-proxy", "127.0.0.1/32"}));
        for (const char* client : {"203.0.113.1", "203.0.113.2", "203.0.113.3"}) {
            for (int i = 0; i < 2; ++i)
                CHECK(send_json(*running.client, "POST", "/api/auth/login",
                                {{"email", std::string("u") + client + "@test.example"}, {"password", "wrong-pass"}},
                                {{"X-Forwarded-For", std::string("198.51.100.7, ") + client}})->status == 401);
        }
        auto over = send_json(*running.client, "POST", "/api/auth/login", {{"email", "x@test.example"}, {"password", "wrong-pass"}},
                              {{"X-Forwarded-For", "203.0.113.1"}});
        CHECK(over->status == 429);
    }
    SECTION("not trusted: the header changes nothing") {
        RunningServer running(with_admin({"--login-rate", "2"}));
        for (int i = 0; i < 2; ++i)
            CHECK(send_json(*running.client, "POST", "/api/auth/login", {{"email", "y@test.example"}, {"password", "wrong-pass"}},
                            {{"X-Forwarded-For", "203.0.113." + std::to_string(i)}})->status == 401);
        auto over = send_json(*running.client, "POST", "/api/auth/login", {{"email", "y@test.example"}, {"password", "wrong-pass"}},
                              {{"X-Forwarded-For", "203.0.113.99"}});
        CHECK(over->status == 429);
    }
}

TEST_CASE("128 parallel logins at full argon2id cost do not starve the health check", "[limits][logins][slow]") {
    RunningServer running({"--catalog", fixture("small_catalog.json"), "--admin", "admin@test.example:adminpass1"});
    std::vector<std::thread> crowd;
    std::atomic<int> answered{0};
    for (int k = 0; k < 128; ++k)
        crowd.emplace_back([&, k] {
            auto client = running.server.client();
            client->set_read_timeout(std::chrono::seconds(60));
            auto result = client->Post("/api/auth/login",
                                       json{{"email", "crowd-" + std::to_string(k) + "@test.example"}, {"password", "guess-password"}}.dump(),
                                       "application/json");
            if (result) ++answered;
        });
    double worst_ms = 0;
    for (int i = 0; i < 10; ++i) {
        const auto started = Clock::now();
        auto client = running.server.client();
        client->set_read_timeout(std::chrono::seconds(10));
        auto health = client->Get("/api/health");
        worst_ms = std::max(worst_ms, std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        CHECK((health && health->status == 200));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (auto& t : crowd) t.join();
    INFO("slowest health check " << worst_ms << " ms");
    CHECK(worst_ms < 1000);
    CHECK(answered == 128);
}

TEST_CASE("an account keeps at most --max-sessions-per-account sessions; the oldest ends", "[limits][sessions]") {
    RunningServer running(with_admin({"--max-sessions-per-account", "3"}));
    register_customer(*running.client, "sessions@test.example");  // its first session
    std::vector<std::string> tokens;
    for (int i = 0; i < 3; ++i) tokens.push_back(login(*running.client, "sessions@test.example", "customer-pass")["token"]);
    auto me = [&](const std::string& token) { return get(*running.client, "/api/me", bearer(token))->status; };
    CHECK(me(tokens[0]) == 200);
    CHECK(me(tokens[2]) == 200);
    tokens.push_back(login(*running.client, "sessions@test.example", "customer-pass")["token"]);
    CHECK(me(tokens[0]) == 401);
    CHECK(me(tokens[1]) == 200);
    CHECK(me(tokens[3]) == 200);
}

TEST_CASE("old idempotency records and seat changes are pruned by the maintenance thread", "[limits][pruning]") {
    TempDir dir;
    const std::vector<std::string> args{"--db", dir.database(), "--catalog", demo_catalog_path(), "--demo-sales"};
    {
        ServerProcess first(args, dir.file("first.log"));
        first.stop();
    }
    {
        auto db_connection = encore::server::db::open(dir.database());
        auto& db = *db_connection;
        db.execute("INSERT INTO accounts (id, email, name, password_hash, role, created_at) VALUES (900, 'old@test.example', 'Old', 'x', 'customer', 0)");
        const std::string now = std::to_string(std::time(nullptr));
        db.execute("INSERT INTO idempotency_keys (account_id, key, request_hash, status, response, created_at) VALUES "
                   "(900, 'ancient', 'h', 201, '{}', 0), (900, 'fresh', 'h', 201, '{}', " + now + ")");
        db.execute("INSERT INTO seat_changes (instance_id, version, seat_id, state, changed_at) VALUES "
                   "('macbeth-2027-01-12-e', 1000, 'ST-A-1', 'open', 0), "
                   "('macbeth-2027-01-12-e', 1001, 'ST-A-2', 'open', " + now + ")");
    }
    ServerProcess second(args, dir.file("second.log"));
    auto count = [&](const std::string& sql) {
        auto db_connection = encore::server::db::open(dir.database());
        auto& db = *db_connection;
        auto select = db.prepare(sql);
        select.step();
        return select.integer(0);
    };
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (count("SELECT COUNT(*) FROM idempotency_keys WHERE key = 'ancient'") != 0 && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(count("SELECT COUNT(*) FROM idempotency_keys WHERE key = 'ancient'") == 0);
    CHECK(count("SELECT COUNT(*) FROM idempotency_keys WHERE key = 'fresh'") == 1);
    CHECK(count("SELECT COUNT(*) FROM seat_changes WHERE version = 1000") == 0);
    CHECK(count("SELECT COUNT(*) FROM seat_changes WHERE version = 1001") == 1);
}
