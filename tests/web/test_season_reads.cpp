// What the page reads besides the catalog for the season flows: the server's clock (the page's rules run at the
// server's time), offers' remaining counts (the page prices as the server will), and "Your account".
#include <catch2/catch.hpp>

#include "encore/pricing.hpp"
#include "logic/account_records_client.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/season_display.hpp"
#include "logic/seat_names.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

// The small season with an offer of £5 off limited to 2 tickets in all.
nlohmann::json catalog_with_limited_offer() {
    nlohmann::json c = webtest::small_catalog();
    c["offers"] = nlohmann::json::parse(R"([{"id": "early", "name": "Early bird", "kind": "amount_off", "amount": 500, "limit_total": 2}])");
    return c;
}

}  // namespace

TEST_CASE("the page runs its rules at the server's clock once it knows it", "[season][clock]") {
    WebClient c;
    c.answer_background_reads = false;
    c.tick();
    REQUIRE(c.http.is_waiting("GET /api/health"));
    std::int64_t browser = static_cast<std::int64_t>(c.wall_ms / 1000);
    c.http.answer("GET /api/health", 200, nlohmann::json{{"status", "ok"}, {"now", encore::format_instant(encore::Instant{browser + 3600})}});
    c.tick(1000);
    CHECK(c.app.now.unix_seconds == browser + 1 + 3600);
    CHECK(c.app.season.clock.known);

    SECTION("it asks again each minute and follows a moved clock") {
        c.tick(60'000);
        REQUIRE(c.http.is_waiting("GET /api/health"));
        std::int64_t asked = c.app.now.unix_seconds - 3600;
        c.http.answer("GET /api/health", 200, nlohmann::json{{"now", encore::format_instant(encore::Instant{asked - 86400})}});
        c.tick(0);
        CHECK(c.app.now.unix_seconds == asked - 86400);
    }
    SECTION("an answer without a clock changes nothing") {
        c.tick(60'000);
        c.http.answer("GET /api/health", 200, nlohmann::json{{"status", "ok"}});
        c.tick(0);
        CHECK(c.app.season.clock.offset_seconds == 3600);
    }
}

TEST_CASE("offers limited in total are priced with the server's remaining counts", "[season][offers]") {
    WebClient c;
    c.answer_background_reads = false;
    c.tick();
    c.http.answer("GET /api/catalog", 200, catalog_with_limited_offer());
    c.http.answer("GET /api/health", 200, nlohmann::json{{"now", encore::format_instant(encore::Instant{static_cast<std::int64_t>(c.wall_ms / 1000)})}});
    c.tick();
    c.http.answer("GET /api/instances/macbeth-1/availability", 200, nlohmann::json{{"instance", "macbeth-1"}, {"version", 1}, {"seats", "oooooo"}});
    REQUIRE(c.toggle("ST-A-1"));
    REQUIRE(c.toggle("ST-A-2"));
    const std::int64_t unlimited = web::priced_basket(c.app).total;

    c.http.answer("GET /api/offers/remaining", 200, nlohmann::json{{"offers", {{"early", 1}}}});
    CHECK(c.app.season.offers.known);
    const std::int64_t one_left = web::priced_basket(c.app).total;
    CHECK(one_left == unlimited + 500);  // only one ticket still gets it, as the server would price it

    encore::OfferUsage usage{{{encore::OfferId{"early"}, 1}}};
    encore::PricedBasket direct = encore::price_basket(*c.app.catalog, web::current_basket(c.app), c.app.account.customer, c.app.now, usage);
    CHECK(direct.total == one_left);

    c.tick(30'000);
    c.http.answer("GET /api/offers/remaining", 200, nlohmann::json{{"offers", {{"early", 0}}}});
    CHECK(web::priced_basket(c.app).total == unlimited + 1000);
}

TEST_CASE("your account: the four lists are read with the session and worded from them", "[season][account]") {
    WebClient c;
    c.load();
    c.sign_in("ada@example.org");
    web::load_account_records(c.app, c.http);  // what showing "Your account" does each frame
    for (const char* what : {"orders", "passes", "memberships", "subscriptions"}) {
        INFO(what);
        CHECK(c.http.peek(std::string("GET /api/me/") + what).bearer_token == "session-ada@example.org");
    }
    c.http.answer("GET /api/me/orders", 200, nlohmann::json::parse(R"({"orders":[
        {"reference":"ord_2","short_reference":"K7QX4M2P","status":"reserved","total":11300,"total_text":"£113.00","payment_method":"invoice",
         "created_at":"2026-12-01T12:00:00Z","due_at":"2026-12-08T12:00:00Z",
         "performances":[{"instance":"macbeth-1","seats":["ST-A-1","ST-A-2"]}],"lines":[{"kind":"ticket","description":"x"}]},
        {"reference":"ord_1","status":"paid","total":14000,"total_text":"£140.00","payment_method":"card",
         "created_at":"2026-11-30T12:00:00Z","performances":[],"lines":[{"kind":"pass","description":"Flex 4 Pass","total_text":"£140.00"}]}]})"));
    c.http.answer("GET /api/me/passes", 200, nlohmann::json::parse(R"({"passes":[{"code":"FLEX-1","pass":"flex-4","name":"Flex 4 Pass",
        "expires_at":"2027-04-30T00:00:00Z","expired":false,"allowance":4,"used":1,"remaining":3,
        "redemptions":[{"instance":"macbeth-1","seat":"ST-A-3","order":"ord_2"}],"order":"ord_1"}]})"));
    CHECK(c.app.season.records.state == web::AccountRecords::State::loading);
    c.http.answer("GET /api/me/memberships", 200, nlohmann::json::parse(R"({"memberships":[{"membership":"friends","name":"Friends",
        "starts_at":"2026-12-01T12:00:00Z","ends_at":"2027-12-01T12:00:00Z","active":true,"order":"ord_2"}]})"));
    c.http.answer("GET /api/me/subscriptions", 200, nlohmann::json::parse(R"({"subscriptions":[{"series":"s","name":"Series","group":"tue",
        "group_name":"Tuesdays","seat":"ST-A-1","order":"ord_2","order_status":"reserved","performances":["macbeth-1","macbeth-2"]}]})"));
    const web::AccountRecords& r = c.app.season.records;
    REQUIRE(r.state == web::AccountRecords::State::ready);
    REQUIRE(r.orders.size() == 2);
    CHECK(r.orders[0].performances[0].seats == std::vector<std::string>{"ST-A-1", "ST-A-2"});
    CHECK(web::performance_name(c.app, r.orders[0].performances[0].instance) == "Macbeth, Tue 12 Jan 2027, 19:30");
    // Orders by their short references (older ones by the long), seats by their names.
    CHECK(web::order_record_reference(r.orders[0]) == "K7QX4M2P");
    CHECK(web::order_record_reference(r.orders[1]) == "ord_1");
    CHECK(web::order_reference_words(r, r.passes[0].redemptions[0].order) == "K7QX4M2P");
    CHECK(web::order_reference_words(r, "ord_9") == "ord_9");
    CHECK(web::seat_list_words(*c.app.catalog, r.orders[0].performances[0].instance, r.orders[0].performances[0].seats) ==
          "Stalls, Row A, Seats 1 and 2");
    CHECK(web::seat_list_words(*c.app.catalog, encore::InstanceId{"macbeth-1"}, {"ST-A-1", "CI-A-2", "ST-A-3", "ST-A-4", "X-9"}) ==
          "Stalls, Row A, Seats 1, 3 and 4; Circle, Row A, Seat 2; X-9");
    std::vector<const web::OrderRecord*> due = web::invoices_to_pay(r);
    REQUIRE(due.size() == 1);
    CHECK(web::invoice_words(*due[0]) == "Pay £113.00 by Tue 8 Dec 2026, 12:00 UTC");
    CHECK(web::order_status_text(r.orders[1].status) == "Paid");
    CHECK(web::pass_record_summary(r.passes[0]) == "3 of 4 tickets left · expires Fri 30 Apr 2027, 00:00 UTC");
    CHECK(r.passes[0].redemptions[0].seat == "ST-A-3");
    CHECK(web::membership_record_summary(r.memberships[0]) == "Tue 1 Dec 2026 – Wed 1 Dec 2027 · active");
    CHECK(r.subscriptions[0].performances.size() == 2);

    web::load_account_records(c.app, c.http);
    CHECK(c.http.waiting().empty());  // read once ...
    c.app.season.records.stale = true;  // ... and again after an order
    web::load_account_records(c.app, c.http);
    CHECK(c.http.waiting().size() == 4);

    SECTION("another customer signing in never sees these") {
        c.sign_in("bob@example.org");
        web::load_account_records(c.app, c.http);
        CHECK(c.app.season.records.orders.empty());
        CHECK(c.app.season.records.token == "session-bob@example.org");
    }
    SECTION("signed out, nothing is kept") {
        c.app.account.token.clear();
        web::load_account_records(c.app, c.http);
        CHECK(c.app.season.records.state == web::AccountRecords::State::none);
        CHECK(c.app.season.records.orders.empty());
    }
}

TEST_CASE("an account list the page cannot read is an error in words, not a crash", "[season][account]") {
    web::AccountRecords records;
    CHECK_FALSE(web::accept_account_answer(records, "orders", nlohmann::json{{"nope", 1}}));
    CHECK_FALSE(web::accept_account_answer(records, "passes", nlohmann::json::array()));
    CHECK(web::accept_account_answer(records, "memberships", nlohmann::json{{"memberships", {1, "x", nullptr}}}));
    CHECK(records.memberships.empty());
}

TEST_CASE("what a pass covers reads grouped by what it costs with it", "[season][display]") {
    encore::PassView pass;
    pass.covers = {{"Macbeth", "free"}, {"Sunday Classics: Mozart", "50% off"}, {"Hamlet", "free"}};
    CHECK(web::pass_covers_text(pass) == "Free: Macbeth, Hamlet; 50% off: Sunday Classics: Mozart");
    CHECK(web::pass_covers_text(encore::PassView{}).empty());
}
