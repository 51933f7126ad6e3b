// The hold client: queued adds and releases sent one at a time into one token, seats taken by others, an
// expired token, the hold's expiry, and extension only while the customer is active.
#include <catch2/catch.hpp>

#include "logic/display_format.hpp"
#include "logic/hold_client.hpp"
#include "web_client_fixture.hpp"

using webtest::hold_answer;
using webtest::WebClient;

namespace {

nlohmann::json body_of(const web::HttpRequest& r) { return nlohmann::json::parse(r.body); }

std::vector<std::string> picked(const web::AppState& app) {
    std::vector<std::string> seats;
    for (const web::Pick& p : app.picks) seats.push_back(p.seat_id.value + (p.held ? "" : "?"));
    return seats;
}

const char* released_notice = "Your seats were held for you for a limited time and have been released. Choose them again.";

void check_basket_released(const web::AppState& app) {
    CHECK(app.picks.empty());
    CHECK(app.hold.token.empty());
    CHECK(app.notice == released_notice);
}

// A loaded client whose basket holds `seats` under token "T1".
void hold_seats(WebClient& c, const std::vector<std::string>& seats) {
    std::vector<std::string> held;
    for (const std::string& s : seats) {
        REQUIRE(c.toggle(s));
        c.tick();
        held.push_back(s);
        c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", held));
    }
    REQUIRE(c.app.hold.token == "T1");
}

}  // namespace

TEST_CASE("toggling seats queues holds and releases; they go one at a time into the same token", "[holds]") {
    WebClient c;
    c.load();
    REQUIRE(c.toggle("ST-A-1"));
    REQUIRE(c.toggle("ST-A-2"));
    CHECK(picked(c.app) == std::vector<std::string>{"ST-A-1?", "ST-A-2?"});
    CHECK(c.app.hold.queue.size() == 2);

    c.tick();
    REQUIRE(c.http.waiting() == std::vector<std::string>{"POST /api/holds"});
    CHECK(body_of(c.http.peek("POST /api/holds")) == nlohmann::json{{"instance", "macbeth-1"}, {"seats", {"ST-A-1"}}});
    c.tick();
    CHECK(c.http.waiting().size() == 1);  // the second add waits for the first answer (and its token)

    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {"ST-A-1"}));
    CHECK(picked(c.app) == std::vector<std::string>{"ST-A-1", "ST-A-2?"});
    c.tick();
    CHECK(body_of(c.http.peek("POST /api/holds")) ==
          nlohmann::json{{"instance", "macbeth-1"}, {"seats", {"ST-A-2"}}, {"hold", "T1"}});
    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {"ST-A-1", "ST-A-2"}));
    CHECK(picked(c.app) == std::vector<std::string>{"ST-A-1", "ST-A-2"});
    CHECK(c.app.hold.queue.empty());

    REQUIRE(c.toggle("ST-A-1"));  // deselect: released from the hold
    c.tick();
    const web::HttpRequest& release = c.http.peek("POST /api/holds/T1/release");
    CHECK(body_of(release) == nlohmann::json{{"seats", {{{"instance", "macbeth-1"}, {"seat", "ST-A-1"}}}}});
    c.http.answer("POST /api/holds/T1/release", 200, hold_answer(c.app, "T1", {"ST-A-2"}));
    CHECK(picked(c.app) == std::vector<std::string>{"ST-A-2"});

    REQUIRE(c.toggle("ST-A-2"));  // the last seat: the whole hold goes
    c.tick();
    CHECK(c.http.is_waiting("DELETE /api/holds/T1"));
    CHECK_FALSE(c.http.is_waiting("POST /api/holds"));
    CHECK(c.app.hold.token.empty());
    c.http.answer("DELETE /api/holds/T1", 204, std::string());
    CHECK(c.app.picks.empty());
}

TEST_CASE("only open seats of a performance on sale can be picked", "[holds]") {
    WebClient c;
    c.load(webtest::small_catalog(), "ohoooo");
    CHECK_FALSE(c.toggle("ST-A-2"));  // held by someone else
    CHECK(c.toggle("ST-A-1"));
    REQUIRE(web::choose_instance(c.app, "hamlet-1"));
    c.tick();
    c.http.answer("GET /api/instances/hamlet-1/availability", 200,
                  nlohmann::json{{"instance", "hamlet-1"}, {"version", 1}, {"seats", "oooooo"}});
    CHECK_FALSE(c.toggle("ST-A-1"));  // Hamlet is not on sale yet
    CHECK(c.app.picks.size() == 1);
}

TEST_CASE("a seat someone else took leaves the basket, shows as taken and says so", "[holds]") {
    WebClient c;
    c.load();
    REQUIRE(c.toggle("ST-A-3"));
    c.tick();
    c.http.answer("POST /api/holds", 409, webtest::problem(409, "seats_unavailable", "Seat ST-A-3 is taken."));
    CHECK(c.app.picks.empty());
    CHECK(c.app.seats[c.seat("ST-A-3")] == encore::SeatState::held);
    CHECK(c.app.notice == "Stalls, Row A, Seat 3 has just been taken by someone else.");
    c.tick();  // the map is read again at once
    CHECK(c.http.waiting() == std::vector<std::string>{"GET /api/instances/macbeth-1/availability?since=1"});
}

TEST_CASE("a release queued behind a refused add is dropped", "[holds]") {
    WebClient c;
    c.load();
    REQUIRE(c.toggle("ST-A-1"));
    c.tick();
    REQUIRE(c.toggle("ST-A-1"));  // changed their mind while the add is under way
    CHECK(c.app.hold.queue.size() == 1);
    c.http.answer("POST /api/holds", 409, webtest::problem(409, "seats_unavailable"));
    CHECK(c.app.hold.queue.empty());
    CHECK(c.app.notice == "ST-A-1 has just been taken by someone else.");
}

TEST_CASE("a hold the core refuses says why in the server's words", "[holds]") {
    WebClient c;
    c.load();
    REQUIRE(c.toggle("CI-A-2"));
    c.tick();
    c.http.answer("POST /api/holds", 422,
                  webtest::problem(422, "hold_refused", "These seats cannot be held: seat CI-A-2 is kept for members."));
    CHECK(c.app.picks.empty());
    CHECK(c.app.notice == "These seats cannot be held: seat CI-A-2 is kept for members.");
}

TEST_CASE("hold_not_found: the basket goes, and the seat being added starts a new hold", "[holds]") {
    WebClient c;
    c.load();
    hold_seats(c, {"ST-A-1"});
    REQUIRE(c.toggle("ST-A-2"));
    c.tick();
    CHECK(body_of(c.http.peek("POST /api/holds"))["hold"] == "T1");
    c.http.answer("POST /api/holds", 404, webtest::problem(404, "hold_not_found"));
    CHECK(picked(c.app) == std::vector<std::string>{"ST-A-2?"});
    CHECK(c.app.hold.token.empty());
    CHECK(c.app.notice == released_notice);
    c.tick();
    CHECK(body_of(c.http.peek("POST /api/holds")) == nlohmann::json{{"instance", "macbeth-1"}, {"seats", {"ST-A-2"}}});
}

TEST_CASE("a release or extension finding the hold gone empties the basket", "[holds]") {
    WebClient c;
    c.load();
    hold_seats(c, {"ST-A-1", "ST-A-2"});
    SECTION("release") {
        REQUIRE(c.toggle("ST-A-1"));
        c.tick();
        c.http.answer("POST /api/holds/T1/release", 404, webtest::problem(404, "hold_not_found"));
    }
    SECTION("extension") {
        c.tick(301'000);
        web::note_activity(c.app, c.ms);
        c.tick();
        c.http.answer("POST /api/holds/T1/extend", 404, webtest::problem(404, "hold_not_found"));
    }
    check_basket_released(c.app);
}

TEST_CASE("when the hold expires the basket empties with a notice", "[holds]") {
    WebClient c;
    c.load();
    hold_seats(c, {"ST-A-1", "ST-A-2"});
    CHECK(web::hold_seconds_left(c.app) == 600);
    c.tick(599'000);
    CHECK(c.app.picks.size() == 2);
    CHECK(web::hold_seconds_left(c.app) == 1);
    c.tick(1'000);
    CHECK(web::hold_seconds_left(c.app) == -1);
    check_basket_released(c.app);
}

TEST_CASE("an expired hold is kept while the order is being placed", "[holds]") {
    WebClient c;
    c.load();
    hold_seats(c, {"ST-A-1"});
    c.app.checkout.step = web::CheckoutStep::placing_order;
    c.tick(601'000);
    CHECK(c.app.picks.size() == 1);
    CHECK(c.app.hold.token == "T1");
}

TEST_CASE("the hold is extended only while the customer is active", "[holds]") {
    WebClient c;
    c.load();
    c.tick(100'000);  // the customer has been idle for more than 90 s
    hold_seats(c, {"ST-A-1"});
    c.tick(301'000);  // under half of the hold's 10 minutes left
    CHECK(web::hold_seconds_left(c.app) == 299);
    CHECK_FALSE(c.http.is_waiting("POST /api/holds/T1/extend"));

    web::note_activity(c.app, c.ms);
    c.tick();
    const web::HttpRequest& extend = c.http.peek("POST /api/holds/T1/extend");
    CHECK(extend.body == "{}");
    c.http.answer("POST /api/holds/T1/extend", 200, hold_answer(c.app, "T1", {"ST-A-1"}, 200));
    CHECK(web::hold_seconds_left(c.app) == 200);

    web::note_activity(c.app, c.ms);
    c.tick(20'000);  // still under half left, but the last extension was under 30 s ago
    CHECK_FALSE(c.http.is_waiting("POST /api/holds/T1/extend"));
    web::note_activity(c.app, c.ms);
    c.tick(11'000);
    CHECK(c.http.is_waiting("POST /api/holds/T1/extend"));
}

TEST_CASE("no extension past the hold's maximum", "[holds]") {
    WebClient c;
    c.load();
    hold_seats(c, {"ST-A-1"});
    c.tick(301'000);
    web::note_activity(c.app, c.ms);
    c.tick();
    nlohmann::json capped = hold_answer(c.app, "T1", {"ST-A-1"}, 100);
    capped["hold"]["max_expires_at"] = capped["hold"]["expires_at"];
    c.http.answer("POST /api/holds/T1/extend", 200, capped);
    web::note_activity(c.app, c.ms);
    c.tick(40'000);
    web::note_activity(c.app, c.ms);
    c.tick();
    CHECK(web::hold_seconds_left(c.app) == 60);
    CHECK_FALSE(c.http.is_waiting("POST /api/holds/T1/extend"));
}

TEST_CASE("the hold's countdown reads minutes and seconds", "[holds]") {
    CHECK(web::hold_countdown_text(600) == "10:00");
    CHECK(web::hold_countdown_text(59) == "0:59");
    CHECK(web::hold_countdown_text(61) == "1:01");
    WebClient c;
    c.load();
    CHECK(web::hold_seconds_left(c.app) == -1);
}
