// Payments over loopback: invoices reserve seats until staff mark them paid or they lapse at their due
// time; the stored-card test provider tokenises cards and approves or declines them by number.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "order_fixture.hpp"
#include "store/database.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::string macbeth = "macbeth-2027-01-12-e";

void require_problem(const httplib::Result& result, int status, const std::string& code) {
    INFO(result->body);
    REQUIRE(result->status == status);
    CHECK(body_json(result)["code"] == code);
}

json invoice_order(Shop& shop, const std::string& token, const json& basket, const std::string& key) {
    auto result = shop.post_order(token, shop.order_body(token, basket, invoice_payment()), key);
    INFO(result->body);
    REQUIRE(result->status == 201);
    return body_json(result)["order"];
}

std::string order_status(Shop& shop, const std::string& token, const std::string& reference) {
    return body_json(shop.get_as("/api/orders/" + reference, token))["order"]["status"];
}

}  // namespace

TEST_CASE("an invoice reserves its seats until staff mark it paid", "[payments][invoice]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json order = invoice_order(shop, alice, web_basket({ticket_line(macbeth, "ST-H-14")}), "invoice");
    CHECK(order["status"] == "reserved");
    CHECK(order["payment"] == json{{"method", "invoice"}, {"status", "pending"}});
    CHECK(order["due_at"].get<std::string>().starts_with("2026-12-08T12:0"));  // 7 days, before the performance
    CHECK(order["invoice"]["number"] == "INV-" + order["short_reference"].get<std::string>());
    CHECK(order["invoice"]["status"] == "pending");
    CHECK(order["invoice"]["amount"] == order["total"]);
    CHECK(order["invoice"]["due_at"] == order["due_at"]);
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 'r');
    const std::string reference = order["short_reference"];  // staff find it by the number the customer reads out
    const std::string mark_paid = "/api/orders/" + reference + "/mark-paid";

    CHECK(shop.send("POST", mark_paid, "", alice)->status == 403);
    CHECK(shop.send("POST", mark_paid, "", "")->status == 401);
    CHECK(order_status(shop, alice, reference) == "reserved");

    const std::string staff = shop.create_staff("staff@test.example");
    auto paid = shop.send("POST", mark_paid, "", staff);
    INFO(paid->body);
    REQUIRE(paid->status == 200);
    CHECK(body_json(paid)["order"]["status"] == "paid");
    CHECK(body_json(paid)["order"]["payment"]["status"] == "paid");
    CHECK(body_json(paid)["order"]["invoice"]["status"] == "paid");
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 's');
    CHECK(shop.send("POST", mark_paid, "", staff)->status == 200);
    require_problem(shop.send("POST", "/api/orders/ord_000000000000000000000000/mark-paid", "", staff), 404, "order_not_found");
}

TEST_CASE("an invoice due at the performance when that comes first", "[payments][invoice]") {
    Shop shop;
    shop.set_clock("2027-01-10T12:00:00Z");
    const std::string alice = shop.register_customer("alice@test.example");
    json order = invoice_order(shop, alice, web_basket({ticket_line(macbeth, "ST-H-14")}), "late");
    CHECK(order["due_at"] == "2027-01-12T19:30:00Z");
}

TEST_CASE("an unpaid invoice lapses at its due time: seats freed, what it created removed", "[payments][invoice]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json basket = web_basket({{{"kind", "pass"}, {"pass", "flex-4"}},
                              {{"kind", "membership"}, {"membership", "friends"}},
                              {{"kind", "ticket"}, {"instance", macbeth}, {"seat", "ST-H-14"}, {"ticket_type", "adult"},
                               {"redeem", {{"line", 0}}}},
                              {{"kind", "series"}, {"series", "five-play-package"}, {"group", "tue"}, {"seat", "ST-H-15"}}});
    json order = invoice_order(shop, alice, basket, "lapsing");
    const std::string reference = order["reference"];
    CHECK(shop.count("passes") == 1);
    CHECK(shop.count("memberships") == 1);
    CHECK(shop.count("subscriptions") == 1);
    CHECK(shop.count("pass_redemptions") == 1);

    shop.set_clock("2026-12-08T11:59:00Z");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(order_status(shop, alice, reference) == "reserved");

    shop.set_clock("2026-12-08T12:01:00Z");
    for (int i = 0; i < 40 && order_status(shop, alice, reference) != "lapsed"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    json lapsed = body_json(shop.get_as("/api/orders/" + reference, alice))["order"];
    CHECK(lapsed["status"] == "lapsed");
    CHECK(lapsed["payment"]["status"] == "lapsed");
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 'o');
    CHECK(shop.seat_state(macbeth, "ST-H-15") == 'o');
    CHECK(shop.seat_state("she-stoops-to-conquer-2027-03-09-e", "ST-H-15") == 'o');
    CHECK(shop.count("passes") == 0);
    CHECK(shop.count("memberships") == 0);
    CHECK(shop.count("subscriptions") == 0);
    CHECK(shop.count("pass_redemptions") == 0);
    CHECK(body_json(shop.get_as("/api/me/passes", alice))["passes"].empty());

    const std::string staff = shop.create_staff("staff@test.example");
    require_problem(shop.send("POST", "/api/orders/" + reference + "/mark-paid", "", staff), 409, "order_not_payable");
}

TEST_CASE("a declined card leaves nothing behind: no order, seats still held", "[payments][card]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string hold = shop.hold(alice, macbeth, {"ST-H-14"});
    for (auto [number, reason] : {std::pair{"4000000000000002", "card_declined"}, {"4000000000009995", "insufficient_funds"}}) {
        const std::string card = shop.store_card(alice, number);
        json basket = web_basket({ticket_line(macbeth, "ST-H-14"), ticket_line(macbeth, "ST-H-15"),
                                  {{"kind", "pass"}, {"pass", "flex-4"}}});
        auto result = shop.post_order(alice, shop.order_body(alice, basket, card_payment(card), {hold}), std::string("declined-") + reason);
        require_problem(result, 402, "payment_declined");
        CHECK(body_json(result)["reason"] == reason);
    }
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 'h');
    CHECK(shop.seat_state(macbeth, "ST-H-15") == 'o');
    for (const char* table : {"orders", "payments", "passes", "idempotency_keys", "offer_uses"}) {
        INFO(table);
        CHECK(shop.count(table) == 0);
    }

    SECTION("the same hold then pays with a good card") {
        const std::string card = shop.store_card(alice, "5555555555554444");
        auto result = shop.post_order(alice, shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-H-14")}), card_payment(card), {hold}),
                                      "good-card");
        REQUIRE(result->status == 201);
        CHECK(body_json(result)["order"]["payment"]["card"]["brand"] == "mastercard");
        CHECK(shop.seat_state(macbeth, "ST-H-14") == 's');
    }
}

TEST_CASE("the test provider stores a token, never the card number", "[payments][card]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    auto stored = shop.send("POST", "/api/me/cards", R"({"number":"4242 4242 4242 4242","expiry":"12/29","cvc":"123"})", alice);
    INFO(stored->body);
    REQUIRE(stored->status == 201);
    json card = body_json(stored)["card"];
    CHECK(card["token"].get<std::string>().starts_with("tok_"));
    CHECK(card["brand"] == "visa");
    CHECK(card["last4"] == "4242");
    CHECK(card["expires"] == "12/29");
    CHECK(body_json(shop.get_as("/api/me/cards", alice))["cards"] == json::array({card}));

    auto refused = [&](const std::string& body, const std::string& code, const std::string& field) {
        auto result = shop.send("POST", "/api/me/cards", body, alice);
        INFO(body << " -> " << result->body);
        CHECK(result->status == 422);
        CHECK(body_json(result)["code"] == code);
        CHECK(body_json(result)["field"] == field);
    };
    refused(R"({"number":"4242424242424241","expiry":"12/29","cvc":"123"})", "card_number_invalid", "number");
    refused(R"({"number":"4242424242424242","expiry":"11/26","cvc":"123"})", "card_expired", "expiry");
    refused(R"({"number":"4242424242424242","expiry":"13/29","cvc":"123"})", "expiry_invalid", "expiry");
    refused(R"({"number":"4242424242424242","expiry":"12/29","cvc":"12"})", "cvc_invalid", "cvc");
    refused(R"({"number":4242424242424242,"expiry":"12/29","cvc":"123"})", "invalid_request", "number");
    CHECK(shop.send("POST", "/api/me/cards", "{", alice)->status == 400);
    CHECK(shop.count("cards") == 1);

    // No stored card row holds the number (on any engine) ...
    {
        auto db_connection = encore::server::db::open(shop.running.dir.database());
        auto rows = db_connection->prepare(
            "SELECT c.token || ' ' || c.brand || ' ' || c.last4 || ' ' || c.expires || ' ' || t.outcome "
            "FROM cards c JOIN test_provider_cards t ON t.token = c.token");
        int stored = 0;
        while (rows.step()) {
            ++stored;
            CHECK(rows.text(0).find("42424242") == std::string::npos);
        }
        CHECK(stored == 1);
    }
    // ... and on SQLite neither the database file nor its write-ahead log holds it anywhere.
    for (const char* file : {"encore.db", "encore.db-wal"}) {
        const auto path = shop.running.dir.path() / file;
        if (!std::filesystem::exists(path)) continue;
        const std::string bytes = read_text(path);
        CHECK(bytes.find("4242424242424242") == std::string::npos);
        CHECK(bytes.find("4242 4242 4242 4242") == std::string::npos);
    }
}
