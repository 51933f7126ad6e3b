// The box office acting for a customer over loopback: find them, hold a series for them until the series'
// hold timeout, store a card for them, sell to them at the box office, move a pass's expiry — each act
// recorded with who did it — and a customer refused every one of the same acts.
#include <catch2/catch.hpp>

#include <tuple>

#include "account_helpers.hpp"
#include "order_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::string visa = "4242424242424242";

json series_line(const std::string& seat) {
    return {{"kind", "series"}, {"series", "five-play-package"}, {"group", "tue"}, {"seat", seat}};
}

}  // namespace

TEST_CASE("staff find a customer, hold a series for them until its hold timeout, store a card, sell, move a pass's expiry",
          "[renewals][staff]") {
    Shop shop;
    const std::string staff = shop.create_staff("box@test.example");
    const std::string alice = shop.register_customer("alice@test.example");
    const long long staff_id = body_json(shop.get_as("/api/me", staff))["account"]["id"];
    const long long alice_id = body_json(shop.get_as("/api/me", alice))["account"]["id"];
    const std::string customer_path = "/api/staff/customers/" + std::to_string(alice_id);

    auto found = body_json(shop.get_as("/api/staff/customers?q=ALICE%40test", staff))["customers"];
    REQUIRE(found.size() == 1);
    CHECK(found[0]["id"] == alice_id);
    require_problem(shop.get_as("/api/staff/customers?q=a", staff), 422, "invalid_request");
    require_problem(shop.get_as("/api/staff/customers/999", staff), 404, "customer_not_found");

    auto held = shop.send("POST", customer_path + "/holds", json{{"series", "five-play-package"}, {"group", "tue"}, {"seats", {"ST-F-10"}}}.dump(),
                          staff);
    INFO(held->body);
    REQUIRE(held->status == 201);
    const json hold = body_json(held)["hold"];
    CHECK(hold["expires_at"] == "2026-12-31T23:59:00Z");  // the series' hold timeout, not 15 minutes
    CHECK(hold["kind"] == "subscription");
    CHECK(hold["seats"].size() == 5);
    CHECK(shop.seat_state("macbeth-2027-01-12-e", "ST-F-10") == 'h');
    shop.set_clock("2026-12-01T14:00:00Z");  // two hours on, a basket's hold would be long gone
    const json mine = body_json(shop.get_as("/api/me/holds", alice))["holds"];
    REQUIRE(mine.size() == 1);
    CHECK(mine[0]["token"] == hold["token"]);

    auto card = shop.send("POST", customer_path + "/cards", R"({"number":"4242 4242 4242 4242","expiry":"12/29","cvc":"123"})", staff);
    INFO(card->body);
    REQUIRE(card->status == 201);
    const std::string card_token = body_json(card)["card"]["token"];
    CHECK(body_json(shop.get_as("/api/me/cards", alice))["cards"][0]["token"] == card_token);

    json basket{{"channel", "box_office"}, {"lines", {series_line("ST-F-10")}}};
    json order_request = shop.order_body(alice, basket, card_payment(card_token), {hold["token"]});
    auto sold = shop.send("POST", customer_path + "/orders", order_request.dump(), staff, {{"Idempotency-Key", "counter-1"}});
    INFO(sold->body);
    REQUIRE(sold->status == 201);
    const std::string reference = body_json(sold)["order"]["reference"];
    CHECK(body_json(shop.get_as("/api/me/orders", alice))["orders"][0]["reference"] == reference);
    CHECK(body_json(shop.get_as("/api/me/orders", staff))["orders"].empty());
    CHECK(shop.seat_state("macbeth-2027-01-12-e", "ST-F-10") == 's');
    const json records = body_json(shop.get_as("/api/me/subscriber-records", alice))["subscriber_records"];
    REQUIRE(records.size() == 1);
    const json history = body_json(shop.get_as("/api/staff/subscriber-records/" + std::to_string(records[0]["id"].get<long long>()), staff))["history"];
    CHECK(history[0]["action"] == "Subscribe");
    CHECK(history[0]["actor"] == "staff:" + std::to_string(staff_id));
    auto by_reference = body_json(shop.get_as("/api/staff/customers?q=" + reference, staff))["customers"];
    REQUIRE(by_reference.size() == 1);
    CHECK(by_reference[0]["id"] == alice_id);

    auto pass = shop.post_order(alice, shop.order_body(alice, web_basket({{{"kind", "pass"}, {"pass", "flex-4"}}}), card_payment(card_token)),
                                "pass");
    REQUIRE(pass->status == 201);
    const std::string code = body_json(pass)["order"]["passes"][0]["code"];
    auto moved = shop.send("PUT", "/api/staff/passes/" + code + "/expiry", R"({"expires_at":"2027-06-30T23:00:00Z"})", staff);
    INFO(moved->body);
    REQUIRE(moved->status == 200);
    CHECK(body_json(shop.get_as("/api/me/passes", alice))["passes"][0]["expires_at"] == "2027-06-30T23:00:00Z");
    auto past = shop.send("PUT", "/api/staff/passes/" + code + "/expiry", R"({"expires_at":"2026-01-01T00:00:00Z"})", staff);
    require_problem(past, 422, "expiry_refused");
    require_problem(shop.send("PUT", "/api/staff/passes/FLEX-NONE/expiry", R"({"expires_at":"2027-06-30T23:00:00Z"})", staff), 404,
                    "pass_not_found");

    const json customer = body_json(shop.get_as(customer_path, staff));
    std::vector<std::string> acts;
    for (const json& act : customer["staff_acts"]) {
        acts.push_back(act["act"]);
        CHECK(act["staff"] == staff_id);
    }
    CHECK(acts == std::vector<std::string>{"pass_expiry", "sell", "store_card", "hold_series"});
    CHECK(customer["subscriber_records"].size() == 1);
    CHECK(customer["cards"].size() == 1);
}

TEST_CASE("a customer calling the box office's acts is refused with 403 and nothing changes", "[renewals][staff]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example"), bob = shop.register_customer("bob@test.example");
    const long long alice_id = body_json(shop.get_as("/api/me", alice))["account"]["id"];
    const std::string customer_path = "/api/staff/customers/" + std::to_string(alice_id);
    const std::vector<std::tuple<std::string, std::string, std::string>> acts{
        {"GET", "/api/staff/customers?q=alice", ""},
        {"GET", customer_path, ""},
        {"POST", customer_path + "/holds", json{{"series", "five-play-package"}, {"group", "tue"}, {"seats", {"ST-F-10"}}}.dump()},
        {"POST", customer_path + "/cards", R"({"number":"4242424242424242","expiry":"12/29","cvc":"123"})"},
        {"POST", customer_path + "/orders", "{}"},
        {"GET", "/api/staff/subscriber-records", ""},
        {"GET", "/api/staff/subscriber-records/1", ""},
        {"POST", "/api/staff/subscriber-records/1/actions", R"({"action":"renew","payment":{"method":"recorded"}})"},
        {"PUT", "/api/staff/passes/FLEX-AAAA/expiry", R"({"expires_at":"2027-06-30T23:00:00Z"})"},
        {"GET", "/api/staff/renewals", ""},
        {"POST", "/api/admin/webhooks", R"({"url":"http://127.0.0.1:9/hook"})"},
        {"PUT", "/api/admin/house-holds/macbeth-2027-01-12-e", R"({"seats":["ST-F-10"]})"},
    };
    for (const auto& [method, path, body] : acts) {
        INFO(method << " " << path);
        require_problem(shop.send(method, path, body, bob, {{"Idempotency-Key", "k"}}), 403, "forbidden");
    }
    CHECK(shop.count("holds") == 0);
    CHECK(shop.count("cards") == 0);
    CHECK(shop.count("staff_acts") == 0);
    CHECK(shop.count("webhook_endpoints") == 0);
    CHECK(shop.seat_state("macbeth-2027-01-12-e", "ST-F-10") == 'o');
}
