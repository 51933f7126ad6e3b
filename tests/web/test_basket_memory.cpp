// The basket across reloads: stored on every change, read back by a new page (GET the hold, extend it, the
// picks with their ticket types), dropped when the hold is gone; and the request a closing page sends.
#include <catch2/catch.hpp>

#include "logic/basket_memory.hpp"
#include "logic/hold_client.hpp"
#include "web_client_fixture.hpp"

using webtest::hold_answer;
using webtest::WebClient;

namespace {

nlohmann::json stored(const WebClient& c) { return nlohmann::json::parse(c.store.values.at(web::basket_storage_key)); }

// ST-A-1 (as a child) and ST-A-2 held under T1.
void hold_two(WebClient& c) {
    REQUIRE(c.toggle("ST-A-1"));
    c.tick();
    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {"ST-A-1"}));
    REQUIRE(c.toggle("ST-A-2"));
    c.tick();
    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {"ST-A-1", "ST-A-2"}));
    c.app.picks[0].ticket_type = encore::TicketTypeId{"child"};
    ++c.app.picks_revision;
    c.tick();
}

// A page opened later on the same storage (a reload): catalog and seats load.
void reload(WebClient& page, const WebClient& before, double later_ms = 5000) {
    page.store.values = before.store.values;
    page.wall_ms = before.wall_ms + later_ms;
    page.load();
}

}  // namespace

TEST_CASE("the basket is stored on every change, and removed once empty", "[memory]") {
    WebClient c;
    c.load();
    c.tick();
    CHECK_FALSE(c.store.values.contains(web::basket_storage_key));
    hold_two(c);
    nlohmann::json s = stored(c);
    CHECK(s["hold"] == "T1");
    CHECK(s["picks"] == nlohmann::json::parse(R"([{"instance":"macbeth-1","seat":"ST-A-1","ticket_type":"child"},
                                                 {"instance":"macbeth-1","seat":"ST-A-2","ticket_type":"adult"}])"));
    CHECK(s["saved_at"] == c.wall_ms);
    web::clear_selection(c.app);
    c.tick();
    c.http.answer("DELETE /api/holds/T1", 204, std::string());
    c.tick();
    CHECK_FALSE(c.store.values.contains(web::basket_storage_key));
}

TEST_CASE("after a reload the page reads its hold back, extends it and shows the same basket", "[memory]") {
    WebClient before;
    before.load();
    hold_two(before);

    WebClient c;
    reload(c, before);
    c.tick();
    CHECK(c.app.page.memory.phase == web::BasketMemory::Phase::restoring);
    REQUIRE(c.http.is_waiting("GET /api/holds/T1"));
    REQUIRE(web::toggle_seat(c.app, c.seat("CI-A-2")));  // a seat chosen meanwhile waits for the old hold
    c.tick();
    CHECK_FALSE(c.http.is_waiting("POST /api/holds"));
    nlohmann::json abandoned = hold_answer(c.app, "T1", {"ST-A-1", "ST-A-2"}, 20);  // the old page abandoned it
    c.http.answer("GET /api/holds/T1", 200, abandoned);
    REQUIRE(c.app.picks.size() == 3);  // the hold's seats in the stored order, then the seat picked meanwhile
    CHECK(c.app.picks[0].seat_id.value == "ST-A-1");
    CHECK(c.app.picks[0].ticket_type.value == "child");
    CHECK(c.app.picks[0].held);
    CHECK(c.app.picks[1].seat_id.value == "ST-A-2");
    CHECK(c.app.picks[2].seat_id.value == "CI-A-2");
    CHECK_FALSE(c.app.picks[2].held);
    web::HttpRequest extend = c.http.answer("POST /api/holds/T1/extend", 200, hold_answer(c.app, "T1", {"ST-A-1", "ST-A-2"}, 900));
    CHECK(extend.body == "{}");
    CHECK(web::hold_seconds_left(c.app) == 900);
    CHECK(c.app.page.memory.phase == web::BasketMemory::Phase::done);
    c.tick();  // the seat picked meanwhile joins the same hold
    CHECK(nlohmann::json::parse(c.http.peek("POST /api/holds").body)["hold"] == "T1");
    CHECK(stored(c)["picks"].size() == 3);
}

TEST_CASE("a hold gone while the page was closed: the basket is dropped with a note", "[memory]") {
    WebClient before;
    before.load();
    hold_two(before);
    WebClient c;
    reload(c, before, 60'000);
    c.tick();
    c.http.answer("GET /api/holds/T1", 404, webtest::problem(404, "hold_not_found"));
    CHECK(c.app.picks.empty());
    CHECK(c.app.hold.token.empty());
    CHECK(c.app.notice == "The seats in your basket were released while the page was closed. Choose them again.");
    CHECK_FALSE(c.store.values.contains(web::basket_storage_key));
    REQUIRE(c.toggle("ST-A-3"));  // and a new basket starts a new hold
    c.tick();
    CHECK(nlohmann::json::parse(c.http.peek("POST /api/holds").body).contains("hold") == false);
}

TEST_CASE("a stored basket older than any hold can last is dropped without asking", "[memory]") {
    WebClient before;
    before.load();
    hold_two(before);
    WebClient c;
    reload(c, before, web::basket_memory_max_age_ms + 1000);
    c.tick();
    CHECK_FALSE(c.http.is_waiting("GET /api/holds"));
    CHECK(c.app.notice.empty());
    CHECK_FALSE(c.store.values.contains(web::basket_storage_key));
}

TEST_CASE("a customer's hold is read back with their session", "[memory]") {
    WebClient before;
    before.store.values["encore.session"] = "s-1";
    before.load();
    before.http.answer("GET /api/me", 200, nlohmann::json{{"account", {{"email", "ada@example.org"}}}});
    hold_two(before);
    WebClient c;
    reload(c, before);
    c.tick();
    CHECK(c.http.peek("GET /api/holds/T1").bearer_token == "s-1");
}

TEST_CASE("a closing page abandons its hold; shown again from the cache, it extends the hold at once", "[memory]") {
    WebClient c;
    c.load();
    CHECK_FALSE(web::page_closing_request(c.app));
    hold_two(c);
    std::optional<web::HttpRequest> closing = web::page_closing_request(c.app);
    REQUIRE(closing);
    CHECK(closing->method == "POST");
    CHECK(closing->url == "/api/holds/T1/abandon");

    web::page_shown_again(c.app);
    c.tick();
    c.http.answer("POST /api/holds/T1/extend", 200, hold_answer(c.app, "T1", {"ST-A-1", "ST-A-2"}, 900));
    CHECK(web::hold_seconds_left(c.app) == 900);
    CHECK(c.app.picks.size() == 2);
}
