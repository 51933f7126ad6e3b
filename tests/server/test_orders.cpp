// Orders over loopback: re-priced by the server, committed whole or not at all, idempotent by key,
// readable only by their owner and staff, and what they create (passes, memberships, subscriptions).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <thread>

#include "order_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::string macbeth = "macbeth-2027-01-12-e";
const std::string visa = "4242424242424242";

void require_problem(const httplib::Result& result, int status, const std::string& code) {
    INFO(result->body);
    REQUIRE(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    CHECK(body_json(result)["code"] == code);
}

json pass_line() { return {{"kind", "pass"}, {"pass", "flex-4"}}; }
json membership_line() { return {{"kind", "membership"}, {"membership", "friends"}}; }
json redeem_line(const std::string& instance, const std::string& seat, const json& redeem) {
    json line = ticket_line(instance, seat);
    line["redeem"] = redeem;
    return line;
}

}  // namespace

TEST_CASE("a card order sells its seats and the owner can read it", "[orders]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string card = shop.store_card(alice, visa);
    const std::string hold = shop.hold(alice, macbeth, {"ST-H-14"});
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 'h');

    json basket = web_basket({ticket_line(macbeth, "ST-H-14"), ticket_line(macbeth, "ST-H-15")});
    auto result = shop.post_order(alice, shop.order_body(alice, basket, card_payment(card), {hold}), "order-1");
    INFO(result->body);
    REQUIRE(result->status == 201);
    json order = body_json(result)["order"];
    CHECK(order["reference"].get<std::string>().starts_with("ord_"));
    CHECK(order["status"] == "paid");
    CHECK(order["total"] == 5500 * 2 + 150 * 2);
    CHECK(order["total_text"] == "£113.00");
    CHECK(order["lines"].size() == 2);
    CHECK(order["lines"][0]["items"][0]["seat"] == "ST-H-14");
    CHECK(order["payment"]["method"] == "card");
    CHECK(order["payment"]["status"] == "approved");
    CHECK(order["payment"]["card"]["last4"] == "4242");
    CHECK(!order.contains("due_at"));
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 's');
    CHECK(shop.seat_state(macbeth, "ST-H-15") == 's');

    const std::string reference = order["reference"];
    auto read = shop.get_as("/api/orders/" + reference, alice);
    REQUIRE(read->status == 200);
    CHECK(body_json(read)["order"] == order);
    auto mine = body_json(shop.get_as("/api/me/orders", alice));
    REQUIRE(mine["orders"].size() == 1);
    CHECK(mine["orders"][0]["reference"] == reference);
    CHECK(mine["orders"][0]["status"] == "paid");

    SECTION("the same seat cannot be sold again") {
        const std::string bob = shop.register_customer("bob@test.example");
        auto again = shop.post_order(bob, shop.order_body(bob, web_basket({ticket_line(macbeth, "ST-H-15")}), invoice_payment()),
                                     "bob-1");
        require_problem(again, 409, "seats_unavailable");
        CHECK(body_json(again)["line"] == 0);
        CHECK(body_json(again)["seat"] == "ST-H-15");
        CHECK(shop.count("orders") == 1);
    }
}

TEST_CASE("an order takes part of a hold seat by seat, and what is left of it at once, ending the hold", "[orders]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string hold = shop.hold(alice, macbeth, {"ST-H-14", "ST-H-15", "ST-H-16"});

    auto first = shop.post_order(alice, shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-H-14")}), invoice_payment(), {hold}),
                                 "part");
    INFO(first->body);
    REQUIRE(first->status == 201);
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 'r');
    CHECK(shop.seat_state(macbeth, "ST-H-15") == 'h');
    CHECK(shop.seat_state(macbeth, "ST-H-16") == 'h');
    auto left = shop.get_as("/api/holds/" + hold, alice);
    REQUIRE(left->status == 200);
    CHECK(body_json(left)["hold"]["seats"].size() == 2);

    auto rest = shop.post_order(
        alice, shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-H-16"), ticket_line(macbeth, "ST-H-15")}), invoice_payment(), {hold}),
        "rest");
    INFO(rest->body);
    REQUIRE(rest->status == 201);
    CHECK(shop.seat_state(macbeth, "ST-H-15") == 'r');
    CHECK(shop.seat_state(macbeth, "ST-H-16") == 'r');
    CHECK(shop.get_as("/api/holds/" + hold, alice)->status == 404);
    CHECK(shop.count("holds") == 0);
}

TEST_CASE("an order gets a short reference that finds it again; its long reference still works", "[orders]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string card = shop.store_card(alice, visa);
    auto result = shop.post_order(alice, shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-J-3")}), card_payment(card)),
                                  "short-1");
    REQUIRE(result->status == 201);
    const json order = body_json(result)["order"];
    const std::string short_reference = order["short_reference"];
    REQUIRE(short_reference.size() == 8);
    for (char c : short_reference) CHECK(std::string("23456789ABCDEFGHJKMNPQRSTUVWXYZ").find(c) != std::string::npos);
    CHECK(!order.contains("invoice"));  // a card order has no invoice

    std::string typed = short_reference.substr(0, 4) + "-" + short_reference.substr(4);
    std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const std::string& reference : {short_reference, typed, order["reference"].get<std::string>()}) {
        auto read = shop.get_as("/api/orders/" + reference, alice);
        INFO(reference);
        REQUIRE(read->status == 200);
        CHECK(body_json(read)["order"] == order);
    }
    CHECK(body_json(shop.get_as("/api/me/orders", alice))["orders"][0]["short_reference"] == short_reference);

    const std::string bob = shop.register_customer("bob@test.example");
    require_problem(shop.get_as("/api/orders/" + short_reference, bob), 404, "order_not_found");
    require_problem(shop.get_as("/api/orders/" + short_reference.substr(0, 7), alice), 404, "order_not_found");

    // A second order gets another short reference.
    auto second = shop.post_order(alice, shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-J-4")}), card_payment(card)),
                                  "short-2");
    REQUIRE(second->status == 201);
    CHECK(body_json(second)["order"]["short_reference"] != short_reference);
}

TEST_CASE("a seat held by someone else cannot be ordered", "[orders]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string bob = shop.register_customer("bob@test.example");
    const std::string bobs_hold = shop.hold(bob, macbeth, {"ST-H-14"});
    json basket = web_basket({ticket_line(macbeth, "ST-H-10"), ticket_line(macbeth, "ST-H-14")});
    auto result = shop.post_order(alice, shop.order_body(alice, basket, invoice_payment(), {bobs_hold}), "k1");
    require_problem(result, 409, "seats_unavailable");
    CHECK(body_json(result)["line"] == 1);
    CHECK(shop.seat_state(macbeth, "ST-H-10") == 'o');
    CHECK(shop.seat_state(macbeth, "ST-H-14") == 'h');
    CHECK(shop.count("orders") == 0);
    CHECK(shop.count("payments") == 0);
}

TEST_CASE("replaying an idempotency key returns the same answer and makes one order", "[orders][idempotency]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json body = shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-J-1")}), invoice_payment());
    auto first = shop.post_order(alice, body, "same-key");
    REQUIRE(first->status == 201);
    auto second = shop.post_order(alice, body, "same-key");
    CHECK(second->status == 201);
    CHECK(second->body == first->body);
    CHECK(shop.count("orders") == 1);
    CHECK(shop.count("payments") == 1);

    SECTION("the same key with a different body is refused") {
        json other = shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-J-2")}), invoice_payment());
        require_problem(shop.post_order(alice, other, "same-key"), 422, "idempotency_key_reused");
        CHECK(shop.count("orders") == 1);
        CHECK(shop.seat_state(macbeth, "ST-J-2") == 'o');
    }
    SECTION("keys belong to an account: another customer's same key is a new order") {
        const std::string bob = shop.register_customer("bob@test.example");
        json bobs = shop.order_body(bob, web_basket({ticket_line(macbeth, "ST-J-3")}), invoice_payment());
        CHECK(shop.post_order(bob, bobs, "same-key")->status == 201);
        CHECK(shop.count("orders") == 2);
    }
}

TEST_CASE("a tampered price is refused naming the line, and nothing is written", "[orders][pricing]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json body = shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-H-1"), ticket_line(macbeth, "ST-H-2")}),
                                invoice_payment());
    const json shown = body["expected"];
    SECTION("a line") {
        body["expected"]["lines"][1] = 100;
        auto result = shop.post_order(alice, body, "tamper");
        require_problem(result, 409, "price_changed");
        json problem = body_json(result);
        CHECK(problem["line"] == 1);
        CHECK(problem["expected"] == 100);
        CHECK(problem["actual"] == shown["lines"][1]);
        CHECK(problem["actual_total"] == shown["total"]);
    }
    SECTION("the total") {
        body["expected"]["total"] = 1;
        auto result = shop.post_order(alice, body, "tamper");
        require_problem(result, 409, "price_changed");
        CHECK(body_json(result)["line"].is_null());
        CHECK(body_json(result)["expected_total"] == 1);
    }
    CHECK(shop.count("orders") == 0);
    CHECK(shop.count("idempotency_keys") == 0);
    CHECK(shop.seat_state(macbeth, "ST-H-1") == 'o');
}

TEST_CASE("an invalid basket is refused with the core's problems per line", "[orders][pricing]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json basket = web_basket({ticket_line(macbeth, "ST-H-1"), ticket_line(macbeth, "DC-A-18"), ticket_line(macbeth, "NO-SUCH-SEAT")});
    json body{{"basket", basket}, {"expected", {{"total", 0}, {"lines", json::array({0, 0, 0})}}}, {"payment", invoice_payment()}};
    auto result = shop.post_order(alice, body, "invalid");
    require_problem(result, 422, "basket_invalid");
    json problems = body_json(result)["problems"];
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == json{{"line", 1}, {"code", "locked_seat"}, {"message", problems[0]["message"]}});
    CHECK(problems[1]["line"] == 2);
    CHECK(problems[1]["code"] == "unknown_seat");
    CHECK(shop.count("orders") == 0);
}

TEST_CASE("a pass bought is redeemed in later orders until its allowance runs out", "[orders][passes]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string card = shop.store_card(alice, visa);
    // Bought with one ticket redeemed in the same basket.
    json first = web_basket({pass_line(), redeem_line(macbeth, "ST-K-1", {{"line", 0}})});
    auto bought = shop.post_order(alice, shop.order_body(alice, first, card_payment(card)), "buy-pass");
    INFO(bought->body);
    REQUIRE(bought->status == 201);
    json order = body_json(bought)["order"];
    CHECK(order["total"] == 14000);
    REQUIRE(order["passes"].size() == 1);
    const std::string code = order["passes"][0]["code"];
    CHECK(code.size() == 24);
    CHECK(code.starts_with("FLEX-"));
    CHECK(order["lines"][1]["items"][0]["pass_code"] == "basket:0");

    auto passes = body_json(shop.get_as("/api/me/passes", alice))["passes"];
    REQUIRE(passes.size() == 1);
    CHECK(passes[0]["code"] == code);
    CHECK(passes[0]["remaining"] == 3);
    CHECK(passes[0]["redemptions"][0]["seat"] == "ST-K-1");

    json three = web_basket({redeem_line("the-cherry-orchard-2027-01-26-e", "ST-K-1", {{"code", code}}),
                             redeem_line("twelfth-night-2027-02-09-e", "ST-K-1", {{"code", code}}),
                             redeem_line("a-dolls-house-2027-02-23-e", "ST-K-1", {{"code", code}})});
    auto redeemed = shop.post_order(alice, shop.order_body(alice, three, card_payment(card)), "redeem-3");
    INFO(redeemed->body);
    REQUIRE(redeemed->status == 201);
    CHECK(body_json(redeemed)["order"]["total"] == 0);
    CHECK(body_json(shop.get_as("/api/me/passes", alice))["passes"][0]["remaining"] == 0);

    json fifth = web_basket({redeem_line("she-stoops-to-conquer-2027-03-09-e", "ST-K-1", {{"code", code}})});
    json body{{"basket", fifth}, {"expected", {{"total", 0}, {"lines", json::array({0})}}}, {"payment", card_payment(card)}};
    auto exhausted = shop.post_order(alice, body, "redeem-5");
    require_problem(exhausted, 422, "basket_invalid");
    CHECK(body_json(exhausted)["problems"][0]["code"] == "pass_exhausted");
    CHECK(shop.count("pass_redemptions") == 4);

    SECTION("the customer record the browser prices with shows the pass and its redemptions") {
        auto customer = body_json(shop.get_as("/api/me/customer", alice));
        REQUIRE(customer["passes"].size() == 1);
        CHECK(customer["passes"][0]["code"] == code);
        CHECK(customer["passes"][0]["redeemed"].size() == 4);
    }
}

TEST_CASE("a membership opens the Friends' block once it is paid, not while its invoice is unpaid", "[orders][memberships]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json block = web_basket({ticket_line(macbeth, "DC-A-18")});
    json refused{{"basket", block}, {"expected", {{"total", 0}, {"lines", json::array({0})}}}, {"payment", invoice_payment()}};
    auto locked = shop.post_order(alice, refused, "before");
    require_problem(locked, 422, "basket_invalid");
    CHECK(body_json(locked)["problems"][0]["code"] == "locked_seat");

    auto joined = shop.post_order(alice, shop.order_body(alice, web_basket({membership_line()}), invoice_payment()), "join");
    INFO(joined->body);
    REQUIRE(joined->status == 201);
    auto memberships = body_json(shop.get_as("/api/me/memberships", alice))["memberships"];
    REQUIRE(memberships.size() == 1);
    CHECK(memberships[0]["membership"] == "friends");
    CHECK(memberships[0]["paid"] == false);
    CHECK(memberships[0]["starts_at"].get<std::string>().starts_with("2026-12-01T12:0"));
    CHECK(body_json(shop.get_as("/api/me/customer", alice))["memberships"].empty());

    auto unpaid = shop.post_order(alice, refused, "while-unpaid");
    require_problem(unpaid, 422, "basket_invalid");
    CHECK(body_json(unpaid)["problems"][0]["code"] == "locked_seat");

    const std::string reference = body_json(joined)["order"]["reference"];
    REQUIRE(shop.send("POST", "/api/orders/" + reference + "/mark-paid", "", shop.admin)->status == 200);
    CHECK(body_json(shop.get_as("/api/me/memberships", alice))["memberships"][0]["paid"] == true);
    auto booked = shop.post_order(alice, shop.order_body(alice, block, invoice_payment()), "after");
    INFO(booked->body);
    REQUIRE(booked->status == 201);
    json line = body_json(booked)["order"]["lines"][0];
    CHECK(line["items"][0]["offer"] == "friends-10");
    CHECK(shop.count("offer_uses") == 1);
    CHECK(shop.seat_state(macbeth, "DC-A-18") == 'r');
}

TEST_CASE("a series order books the seat at every instance and records the subscription", "[orders][series]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json series{{"kind", "series"}, {"series", "five-play-package"}, {"group", "tue"}, {"seat", "ST-F-10"}};
    auto result = shop.post_order(alice, shop.order_body(alice, web_basket({series}), invoice_payment()), "series");
    INFO(result->body);
    REQUIRE(result->status == 201);
    CHECK(body_json(result)["order"]["lines"][0]["items"].size() == 5);
    for (const char* instance : {"macbeth-2027-01-12-e", "the-cherry-orchard-2027-01-26-e", "twelfth-night-2027-02-09-e",
                                 "a-dolls-house-2027-02-23-e", "she-stoops-to-conquer-2027-03-09-e"})
        CHECK(shop.seat_state(instance, "ST-F-10") == 'r');
    auto subscriptions = body_json(shop.get_as("/api/me/subscriptions", alice))["subscriptions"];
    REQUIRE(subscriptions.size() == 1);
    CHECK(subscriptions[0]["series"] == "five-play-package");
    CHECK(subscriptions[0]["group"] == "tue");
    CHECK(subscriptions[0]["seat"] == "ST-F-10");

    SECTION("a series whose seat is taken at one instance books none of them") {
        const std::string bob = shop.register_customer("bob@test.example");
        shop.hold(bob, "twelfth-night-2027-02-09-e", {"ST-F-11"});
        json taken{{"kind", "series"}, {"series", "five-play-package"}, {"group", "tue"}, {"seat", "ST-F-11"}};
        auto refused = shop.post_order(alice, shop.order_body(alice, web_basket({taken}), invoice_payment()), "series-2");
        require_problem(refused, 409, "seats_unavailable");
        CHECK(body_json(refused)["instance"] == "twelfth-night-2027-02-09-e");
        CHECK(shop.seat_state("macbeth-2027-01-12-e", "ST-F-11") == 'o');
        CHECK(shop.count("subscriptions") == 1);
    }
}

TEST_CASE("orders and what they created are private to their owner; staff can read them", "[orders][access]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string bob = shop.register_customer("bob@test.example");
    const std::string card = shop.store_card(alice, visa);
    json basket = web_basket({pass_line(), membership_line(),
                              {{"kind", "series"}, {"series", "five-play-package"}, {"group", "tue"}, {"seat", "ST-G-1"}}});
    auto created = shop.post_order(alice, shop.order_body(alice, basket, card_payment(card)), "everything");
    INFO(created->body);
    REQUIRE(created->status == 201);
    const std::string reference = body_json(created)["order"]["reference"];

    require_problem(shop.get_as("/api/orders/" + reference, bob), 404, "order_not_found");
    require_problem(shop.get_as("/api/orders/ord_000000000000000000000000", alice), 404, "order_not_found");
    CHECK(body_json(shop.get_as("/api/me/orders", bob))["orders"].empty());
    CHECK(body_json(shop.get_as("/api/me/passes", bob))["passes"].empty());
    CHECK(body_json(shop.get_as("/api/me/memberships", bob))["memberships"].empty());
    CHECK(body_json(shop.get_as("/api/me/subscriptions", bob))["subscriptions"].empty());
    CHECK(body_json(shop.get_as("/api/me/cards", bob))["cards"].empty());
    CHECK(body_json(shop.get_as("/api/me/customer", bob))["passes"].empty());
    CHECK(body_json(shop.get_as("/api/me/cards", alice))["cards"].size() == 1);

    SECTION("another customer's card token is an unknown card") {
        json body = shop.order_body(bob, web_basket({ticket_line(macbeth, "ST-L-1")}), card_payment(card));
        auto refused = shop.post_order(bob, body, "bob-card");
        require_problem(refused, 402, "payment_declined");
        CHECK(body_json(refused)["reason"] == "unknown_card");
        CHECK(shop.seat_state(macbeth, "ST-L-1") == 'o');
    }
    SECTION("staff read any order") {
        const std::string staff = shop.create_staff("staff@test.example");
        CHECK(shop.get_as("/api/orders/" + reference, staff)->status == 200);
        CHECK(shop.get_as("/api/orders/" + reference, shop.admin)->status == 200);
    }
}

TEST_CASE("every order and /api/me endpoint needs a login", "[orders][access]") {
    Shop shop;
    for (const char* path : {"/api/me/orders", "/api/me/passes", "/api/me/memberships", "/api/me/subscriptions",
                             "/api/me/customer", "/api/me/cards", "/api/orders/ord_0123456789abcdef01234567"}) {
        INFO(path);
        CHECK(shop.get_as(path, "")->status == 401);
    }
    for (const char* path : {"/api/orders", "/api/me/cards", "/api/orders/ord_0123456789abcdef01234567/mark-paid"}) {
        auto result = shop.send("POST", path, "{}", "", {{"Idempotency-Key", "anon"}});
        INFO(path);
        CHECK(result->status == 401);
    }
    auto bogus = shop.get_as("/api/me/orders", "not-a-session");
    CHECK(bogus->status == 401);
}

TEST_CASE("the box office channel is for staff", "[orders][access]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string staff = shop.create_staff("staff@test.example");
    json basket{{"channel", "box_office"}, {"lines", json::array({ticket_line(macbeth, "ST-M-1")})}};
    require_problem(shop.post_order(alice, shop.order_body(alice, basket, invoice_payment()), "bo"), 403, "channel_forbidden");
    json body = shop.order_body(staff, basket, invoice_payment());
    auto sold = shop.post_order(staff, body, "bo");
    INFO(sold->body);
    REQUIRE(sold->status == 201);
    json order = body_json(sold)["order"];
    CHECK(order["channel"] == "box_office");
    CHECK(order["total"] == body["expected"]["total"]);
    CHECK(order["total"] == order["lines"][0]["items"][0]["base"]);  // the booking fee is for the web only
}

TEST_CASE("malformed and oversized order requests are refused and write nothing", "[orders][robustness]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    json good = shop.order_body(alice, web_basket({ticket_line(macbeth, "ST-N-1")}), invoice_payment());

    require_problem(shop.send("POST", "/api/orders", good.dump(), alice), 400, "idempotency_key_missing");
    require_problem(shop.send("POST", "/api/orders", good.dump(), alice, {{"Idempotency-Key", "bad key!"}}), 400,
                    "invalid_request");
    require_problem(shop.send("POST", "/api/orders", good.dump(), alice, {{"Idempotency-Key", std::string(101, 'k')}}), 400,
                    "invalid_request");
    require_problem(shop.send("POST", "/api/orders", "{\"basket\":", alice, {{"Idempotency-Key", "k"}}), 400, "malformed_json");
    require_problem(shop.send("POST", "/api/orders", "[1,2]", alice, {{"Idempotency-Key", "k"}}), 422, "invalid_request");

    auto field_of = [&](json body) {
        auto result = shop.post_order(alice, body, "k");
        INFO(result->body);
        CHECK(result->status == 422);
        return body_json(result)["field"];
    };
    json no_basket = good;
    no_basket.erase("basket");
    CHECK(field_of(no_basket) == "basket");
    json bad_seat = good;
    bad_seat["basket"]["lines"][0]["seat"] = 14;
    CHECK(field_of(bad_seat) == "basket/lines/0/seat");
    json no_expected = good;
    no_expected.erase("expected");
    CHECK(field_of(no_expected) == "expected");
    json short_lines = good;
    short_lines["expected"]["lines"] = json::array();
    CHECK(field_of(short_lines) == "expected/lines");
    json money_as_text = good;
    money_as_text["expected"]["total"] = "56.50";
    CHECK(field_of(money_as_text) == "expected/total");
    json bad_method = good;
    bad_method["payment"]["method"] = "cash";
    CHECK(field_of(bad_method) == "payment/method");
    json no_card = good;
    no_card["payment"] = {{"method", "card"}};
    CHECK(field_of(no_card) == "payment/card_token");
    json bad_hold = good;
    bad_hold["holds"] = {"ok", 7};
    CHECK(field_of(bad_hold) == "holds/1");
    json empty = good;
    empty["basket"]["lines"] = json::array();
    empty["expected"]["lines"] = json::array();
    CHECK(field_of(empty) == "basket/lines");

    auto huge = shop.send("POST", "/api/orders", std::string(2 * 1024 * 1024, ' '), alice, {{"Idempotency-Key", "k"}});
    CHECK(huge->status == 413);
    CHECK(shop.count("orders") == 0);
    CHECK(shop.count("idempotency_keys") == 0);
    CHECK(shop.seat_state(macbeth, "ST-N-1") == 'o');
    CHECK(shop.post_order(alice, good, "k")->status == 201);
}

TEST_CASE("customers racing for one seat: exactly one order wins, the same key racing makes one order", "[orders][concurrency]") {
    Shop shop;
    constexpr int racers = 8;
    std::vector<std::string> tokens;
    std::vector<json> bodies;
    for (int i = 0; i < racers; ++i) {
        tokens.push_back(shop.register_customer("racer" + std::to_string(i) + "@test.example"));
        bodies.push_back(shop.order_body(tokens.back(), web_basket({ticket_line(macbeth, "ST-P-5")}), invoice_payment()));
    }
    auto race = [&](auto key_of, const std::string& key) {
        std::vector<int> statuses(racers);
        std::vector<std::string> answers(racers);
        std::vector<std::thread> threads;
        for (int i = 0; i < racers; ++i)
            threads.emplace_back([&, i] {
                auto client = shop.running.server.client();
                auto result = client->Post("/api/orders", {{"Authorization", "Bearer " + tokens[key_of(i)]}, {"Idempotency-Key", key}},
                                           bodies[key_of(i)].dump(), "application/json");
                statuses[i] = result ? result->status : -1;
                answers[i] = result ? result->body : "";
            });
        for (auto& thread : threads) thread.join();
        return std::pair{statuses, answers};
    };

    auto [statuses, answers] = race([](int i) { return i; }, "race");
    CHECK(std::count(statuses.begin(), statuses.end(), 201) == 1);
    CHECK(std::count(statuses.begin(), statuses.end(), 409) == racers - 1);
    CHECK(shop.count("orders") == 1);

    bodies[0] = shop.order_body(tokens[0], web_basket({ticket_line(macbeth, "ST-P-6")}), invoice_payment());
    auto [same_statuses, same_answers] = race([](int) { return 0; }, "same-key-race");
    CHECK(std::count(same_statuses.begin(), same_statuses.end(), 201) == racers);
    CHECK(std::count(same_answers.begin(), same_answers.end(), same_answers[0]) == racers);
    CHECK(shop.count("orders") == 2);
}
