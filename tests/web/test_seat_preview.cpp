// Seats before they are chosen: a locked seat is marked for everyone and says who may book it; on touch a
// first tap shows the seat (with the core's price explanation) and a second adds it; a click adds at once; a
// seat kept from the customer is refused with a notice instead of a failed hold.
#include <catch2/catch.hpp>

#include "encore/pricing_json.hpp"
#include "logic/map_source.hpp"
#include "logic/season_basket.hpp"
#include "logic/seat_preview.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

// The small season with the Friends membership and its block: Circle A-1 and A-2.
nlohmann::json with_friends_block() {
    nlohmann::json c = webtest::small_catalog();
    c["memberships"] = nlohmann::json::parse(R"([{"id": "friends", "name": "Friends of the Hall", "price": 6000,
        "validity": {"months": 12}, "on_sale": {"web": "2026-09-01T10:00:00Z"}}])");
    c["lock_types"] = nlohmann::json::parse(R"([{"id": "friends-block", "name": "Friends' Block",
        "who": {"membership_active": "friends"}}])");
    c["seat_locks"] = nlohmann::json::parse(R"([{"lock_type": "friends-block", "venue": "hall", "seats": ["CI-A-1", "CI-A-2"]}])");
    return c;
}

void become_member(WebClient& c) {
    encore::Problems problems;
    c.app.account.token = "s-1";
    c.app.account.customer = *encore::customer_from_json(
        nlohmann::json::parse(R"({"memberships": [{"membership": "friends", "starts": "2026-10-01T00:00:00Z",
                                                    "ends": "2027-10-01T00:00:00Z"}]})"), problems);
    ++c.app.account.customer_revision;
}

}  // namespace

TEST_CASE("locked seats are marked for everyone and say who may book them", "[preview][locks]") {
    WebClient c;
    c.load(with_friends_block());
    const std::uint32_t locked = c.seat("CI-A-1"), open = c.seat("ST-A-2");
    REQUIRE(web::map_seat_lock(c.app, locked));
    CHECK_FALSE(web::map_seat_lock(c.app, open));
    CHECK(web::map_seat_kept(c.app, locked));
    REQUIRE(web::map_lock_types(c.app).size() == 1);
    CHECK(web::lock_words(c.app, *web::map_lock_types(c.app)[0]) == "Friends' Block: for members of the Friends of the Hall");

    web::SeatFacts f = web::seat_facts(c.app, locked, false);
    CHECK(f.name == "Circle, Row A, Seat 1");
    CHECK(f.lock == "Friends' Block: for members of the Friends of the Hall");
    CHECK(f.kept_from_customer);
    CHECK_FALSE(f.can_add);
    CHECK(f.action == "Kept for members of the Friends of the Hall: you cannot book it.");
    CHECK(f.marks == std::vector<std::string>{"Restricted view", "Aisle seat"});

    become_member(c);  // a member: still marked, now theirs to book
    CHECK(web::map_seat_lock(c.app, locked));
    CHECK_FALSE(web::map_seat_kept(c.app, locked));
    f = web::seat_facts(c.app, locked, false);
    CHECK(f.can_add);
    CHECK(f.action == "Click to select it.");
}

TEST_CASE("a click on a seat kept from the customer is refused before any hold, naming who may book it", "[preview][locks]") {
    WebClient c;
    c.load(with_friends_block());
    CHECK(web::tap_seat(c.app, c.seat("CI-A-2"), false) == web::SeatTap::refused);
    CHECK(c.app.picks.empty());
    CHECK(c.app.hold.queue.empty());
    CHECK(c.app.notice == "Circle, Row A, Seat 2 is kept for members of the Friends of the Hall (Friends' Block).");
    become_member(c);
    CHECK(web::tap_seat(c.app, c.seat("CI-A-2"), false) == web::SeatTap::added);
    CHECK(c.app.picks.size() == 1);
}

TEST_CASE("touch: a first tap shows the seat and its price explanation, a second adds it", "[preview]") {
    WebClient c;
    c.load(with_friends_block());
    const std::uint32_t a1 = c.seat("ST-A-1"), a2 = c.seat("ST-A-2");
    CHECK(web::tap_seat(c.app, a1, true) == web::SeatTap::previewed);
    CHECK(web::previewed_seat(c.app) == a1);
    CHECK(c.app.picks.empty());
    web::SeatFacts f = web::seat_facts(c.app, a1, true);
    CHECK(f.price == "£45.00 Adult");
    CHECK(f.state == "Available");
    CHECK(f.action == "Tap again to add it to your basket.");
    CHECK(f.explanation.find("£45.00") != std::string::npos);
    CHECK(f.explanation.find("booking fee £1.50") != std::string::npos);  // the core names the fee, once

    CHECK(web::tap_seat(c.app, a2, true) == web::SeatTap::previewed);  // another seat: preview moves
    CHECK(web::previewed_seat(c.app) == a2);
    CHECK(web::tap_seat(c.app, a2, true) == web::SeatTap::added);
    CHECK(c.app.picks.size() == 1);
    CHECK_FALSE(web::previewed_seat(c.app));

    CHECK(web::tap_seat(c.app, a2, true) == web::SeatTap::previewed);  // a seat in the basket: shown, then removed
    CHECK(web::seat_facts(c.app, a2, true).action == "Tap again to remove it.");
    CHECK(web::tap_seat(c.app, a2, true) == web::SeatTap::removed);
    CHECK(c.app.picks.empty());

    CHECK(web::tap_seat(c.app, a1, true) == web::SeatTap::previewed);
    web::choose_instance(c.app, "macbeth-2");  // another performance: no preview
    CHECK_FALSE(web::previewed_seat(c.app));
}

TEST_CASE("seat locks are judged with the customer's holdings plus the basket, like the map's every other decision",
          "[preview][locks]") {
    WebClient c;
    c.load(with_friends_block());
    const std::uint32_t locked = c.seat("CI-A-1");
    CHECK(web::map_seat_kept(c.app, locked));
    CHECK_FALSE(web::can_select(c.app, locked));
    REQUIRE(web::add_product(c.app, encore::LineKind::membership, encore::ProductId{"friends"}));  // joining in this basket
    CHECK_FALSE(web::map_seat_kept(c.app, locked));
    CHECK(web::can_select(c.app, locked));
    CHECK(web::seat_facts(c.app, locked, false).can_add);
    CHECK(web::tap_seat(c.app, locked, false) == web::SeatTap::added);
    web::remove_product(c.app, 0);  // leaving again: the block is kept from them once more
    CHECK(web::map_seat_kept(c.app, locked));
    CHECK(web::seat_facts(c.app, c.seat("CI-A-2"), false).action == "Kept for members of the Friends of the Hall: you cannot book it.");
}

TEST_CASE("a mouse click adds at once; a sold seat is refused", "[preview]") {
    WebClient c;
    c.load(with_friends_block(), "osoooo");
    CHECK(web::tap_seat(c.app, c.seat("ST-A-1"), false) == web::SeatTap::added);
    CHECK(web::tap_seat(c.app, c.seat("ST-A-2"), false) == web::SeatTap::refused);
    CHECK(web::seat_facts(c.app, c.seat("ST-A-2"), false).state == "Sold");
    CHECK(web::tap_seat(c.app, c.seat("ST-A-1"), false) == web::SeatTap::removed);
}
