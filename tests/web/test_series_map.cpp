// A fixed series in the season view: its group's seats read in one request and followed by their changes, the
// composite (a seat free only when free at every performance), one hold across every performance, best
// available on the composite, fewer performances where the series allows, and the series line's column.
#include <catch2/catch.hpp>

#include "encore/best_available.hpp"
#include "encore/pricing_json.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/best_available_flow.hpp"
#include "logic/map_source.hpp"
#include "logic/season_basket.hpp"
#include "logic/season_display.hpp"
#include "logic/seat_preview.hpp"
#include "logic/series_map.hpp"
#include "web_client_fixture.hpp"

using webtest::demo_catalog;
using webtest::WebClient;

namespace {

constexpr double dec2_ms = 1796212800.0 * 1000;
const std::vector<std::string> tuesdays{"macbeth-2027-01-12-e", "the-cherry-orchard-2027-01-26-e", "twelfth-night-2027-02-09-e",
                                        "a-dolls-house-2027-02-23-e", "she-stoops-to-conquer-2027-03-09-e"};
const std::string group_url = "GET /api/series/five-play-package/groups/tue/availability";

nlohmann::json body_of(const web::HttpRequest& r) { return nlohmann::json::parse(r.body); }

struct Mark {
    std::size_t performance;
    std::string seat;
    char state;
};

// The group answer: every Tuesday's map, all open at version 1 but for the marks.
nlohmann::json group_answer(const WebClient& c, const std::vector<Mark>& marks) {
    const encore::SeatingPlan& plan = c.app.catalog->venues.front().plan;
    nlohmann::json instances = nlohmann::json::array();
    for (std::size_t i = 0; i < tuesdays.size(); ++i) {
        std::string seats(plan.seats.size(), 'o');
        for (const Mark& m : marks)
            if (m.performance == i) seats[*plan.seat_index(encore::SeatId{m.seat})] = m.state;
        instances.push_back({{"instance", tuesdays[i]}, {"version", 1}, {"seat_count", seats.size()}, {"seats", seats}});
    }
    return {{"series", "five-play-package"}, {"group", "tue"}, {"instances", instances}};
}

std::uint32_t seat(const WebClient& c, const std::string& id) {
    return *c.app.catalog->venues.front().plan.seat_index(encore::SeatId{id});
}

// The demo season on 2 Dec 2026 with the 5 Play Package shown and its Tuesdays' seats answered.
void series_shown(WebClient& c, const std::vector<Mark>& marks = {}) {
    c.wall_ms = dec2_ms;
    c.load(demo_catalog(), std::string(1857, 'o'));
    web::show_product(c.app, encore::ProductId{"five-play-package"});
    REQUIRE(c.app.season.view == web::MainView::season);
    REQUIRE(c.app.season.choice.group.value == "tue");  // the first group whose performances are all to come
    REQUIRE(web::series_map_shown(c.app));
    c.tick();
    c.http.answer(group_url, 200, group_answer(c, marks));
    REQUIRE(c.app.season.group.state == web::Load::ready);
}

nlohmann::json hold_of(const std::string& token, const std::vector<std::pair<std::string, std::string>>& seats) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [instance, seat] : seats) list.push_back({{"instance", instance}, {"seat", seat}});
    return {{"hold", {{"token", token}, {"expires_at", "2026-12-02T12:15:00Z"}, {"max_expires_at", "2026-12-02T13:00:00Z"}, {"seats", list}}}};
}

std::vector<std::pair<std::string, std::string>> at_every_tuesday(const std::vector<std::string>& seats) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& s : seats)
        for (const std::string& i : tuesdays) out.emplace_back(i, s);
    return out;
}

}  // namespace

TEST_CASE("the composite: a seat is free only when free at every performance, and says at how many it is", "[season][series]") {
    WebClient c;
    series_shown(c, {{2, "ST-F-10", 's'}, {0, "ST-F-12", 'h'}, {4, "ST-F-12", 'r'}});
    CHECK(web::map_venue(c.app)->id.value == "encore-theatre");
    CHECK(web::map_loaded(c.app));
    CHECK(web::map_seat_state(c.app, seat(c, "ST-F-10")) == encore::SeatState::sold);
    CHECK(web::map_seat_state(c.app, seat(c, "ST-F-12")) == encore::SeatState::reserved);  // the more lasting reason shows
    CHECK(web::map_seat_state(c.app, seat(c, "ST-F-11")) == encore::SeatState::open);
    CHECK(web::series_free_text(c.app, seat(c, "ST-F-10")) == "free at 4 of 5 performances");
    CHECK(web::series_free_at(c.app, seat(c, "ST-F-12")) == 3);
    CHECK_FALSE(web::map_can_select(c.app, seat(c, "ST-F-10")));
    CHECK(web::map_can_select(c.app, seat(c, "ST-F-11")));
    CHECK_FALSE(web::map_can_select(c.app, seat(c, "DC-A-20")));  // the Friends' block, for a customer who is not one

    SECTION("leaving out the performance that sold the seat frees it on the composite, down to the series' minimum") {
        REQUIRE(web::can_choose_performances(c.app));
        REQUIRE(web::toggle_performance(c.app, encore::InstanceId{tuesdays[2]}));
        CHECK(web::map_can_select(c.app, seat(c, "ST-F-10")));
        CHECK(web::series_free_text(c.app, seat(c, "ST-F-10")) == "free at every performance");
        CHECK_FALSE(web::toggle_performance(c.app, encore::InstanceId{tuesdays[0]}));  // 4 is the fewest
        CHECK(c.app.season.choice.chosen.size() == 4);
        REQUIRE(web::toggle_performance(c.app, encore::InstanceId{tuesdays[2]}));  // back, in the group's order
        CHECK(c.app.season.choice.chosen.size() == 5);
        CHECK(c.app.season.choice.chosen[2].value == tuesdays[2]);
    }
}

TEST_CASE("a series seat is one hold across every performance, and is released from all of them", "[season][series][holds]") {
    WebClient c;
    series_shown(c);
    REQUIRE(web::map_toggle(c.app, seat(c, "ST-F-11")));
    CHECK(web::map_is_selected(c.app, seat(c, "ST-F-11")));
    c.tick();
    nlohmann::json body = body_of(c.http.peek("POST /api/holds"));
    CHECK(body == nlohmann::json{{"series", "five-play-package"}, {"group", "tue"}, {"seat", "ST-F-11"}, {"instances", tuesdays}});
    c.http.answer("POST /api/holds", 201, hold_of("T1", at_every_tuesday({"ST-F-11"})));
    REQUIRE(c.app.season.series_picks.size() == 1);
    CHECK(c.app.season.series_picks[0].held);
    CHECK(c.app.hold.token == "T1");

    // The basket line: the column in force and the saving on the same seats bought singly, as the core says.
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    REQUIRE(priced.valid);
    REQUIRE(priced.lines[0].series);
    CHECK(priced.lines[0].series->column == "5");
    CHECK(priced.lines[0].items.size() == 5);
    CHECK(web::series_line_summary(priced.lines[0], priced.currency).starts_with(priced.lines[0].series->column_label));
    CHECK(priced.lines[0].series->saving > 0);
    CHECK(web::series_line_summary(priced.lines[0], priced.currency).find("you save") != std::string::npos);

    REQUIRE(web::map_toggle(c.app, seat(c, "ST-F-12")));
    c.tick();
    CHECK(body_of(c.http.peek("POST /api/holds"))["hold"] == "T1");
    c.http.answer("POST /api/holds", 201, hold_of("T1", at_every_tuesday({"ST-F-11", "ST-F-12"})));

    REQUIRE(web::map_toggle(c.app, seat(c, "ST-F-11")));  // out again: released at all five
    c.tick();
    nlohmann::json release = body_of(c.http.peek("POST /api/holds/T1/release"));
    REQUIRE(release["seats"].size() == 5);
    CHECK(release["seats"][4] == nlohmann::json{{"instance", tuesdays[4]}, {"seat", "ST-F-11"}});
    c.http.answer("POST /api/holds/T1/release", 200, hold_of("T1", at_every_tuesday({"ST-F-12"})));
    CHECK(c.app.season.series_picks.size() == 1);

    SECTION("a seat someone else took at one performance leaves the basket with a note") {
        REQUIRE(web::map_toggle(c.app, seat(c, "ST-F-13")));
        c.tick();
        c.http.answer("POST /api/holds", 409,
                      nlohmann::json{{"type", "/problems/seats_unavailable"}, {"status", 409}, {"code", "seats_unavailable"}});
        CHECK(c.app.season.series_picks.size() == 1);
        CHECK(c.app.notice.find("has just been taken") != std::string::npos);
        CHECK(c.app.season.group.poll_now);
    }
}

TEST_CASE("the composite follows other people's holds and sales: the group's changes every 2 s", "[season][series][polling]") {
    WebClient c;
    series_shown(c);
    c.tick(2100);
    const web::HttpRequest& poll = c.http.peek(group_url);
    CHECK(poll.url.ends_with("?since=1,1,1,1,1"));
    nlohmann::json changes = group_answer(c, {});
    for (std::size_t i = 0; i < tuesdays.size(); ++i)
        changes["instances"][i] = {{"instance", tuesdays[i]}, {"version", 1}, {"since", 1}, {"changes", nlohmann::json::array()}};
    changes["instances"][3] = {{"instance", tuesdays[3]}, {"version", 4}, {"since", 1}, {"changes", {{{"seat", "ST-F-13"}, {"state", "sold"}}}}};
    c.http.answer(group_url, 200, changes);
    CHECK(web::map_seat_state(c.app, seat(c, "ST-F-13")) == encore::SeatState::sold);
    CHECK_FALSE(web::map_can_select(c.app, seat(c, "ST-F-13")));

    c.tick(2100);
    CHECK(c.http.peek(group_url).url.ends_with("?since=1,1,1,4,1"));
    nlohmann::json stale = changes;
    stale["instances"][3]["since"] = 2;  // not the version we have: read every map again
    c.http.answer(group_url, 200, stale);
    c.tick(16);
    CHECK(c.http.peek(group_url).url.ends_with("/availability"));
}

TEST_CASE("best available on the composite is the core's proposal; accepting holds each seat across the series", "[season][series][best]") {
    WebClient c;
    series_shown(c, {{1, "ST-A-10", 's'}});
    c.app.season.best.seats = 2;
    web::propose_best_seats(c.app);
    const encore::SeatProposal expected =
        encore::best_available(c.app.catalog->venues.front().plan, web::series_composite(c.app).selectable, {2, 0});
    REQUIRE(expected.seats.size() == 2);
    CHECK(c.app.season.best.proposal == expected.seats);
    CHECK(web::proposal_current(c.app));

    CHECK(web::accept_proposal(c.app) == 2);
    REQUIRE(c.app.season.series_picks.size() == 2);
    CHECK(c.app.hold.queue.size() == 2);
    CHECK(c.app.hold.queue[0].series);
    CHECK(web::map_selection(c.app) == expected.seats);

    SECTION("a request nothing fits gets the core's reason") {
        c.app.season.best.seats = 8;
        c.app.season.best.wheelchair = true;
        web::propose_best_seats(c.app);
        if (c.app.season.best.proposal.empty()) CHECK_FALSE(c.app.season.best.message.empty());
    }
    SECTION("a proposal made for other performances is not offered") {
        web::propose_best_seats(c.app);
        REQUIRE(web::toggle_performance(c.app, encore::InstanceId{tuesdays[4]}));
        CHECK_FALSE(web::proposal_current(c.app));
    }
}

TEST_CASE("four of five performances: the series line takes them and is priced by its 4-event column", "[season][series]") {
    WebClient c;
    series_shown(c);
    REQUIRE(web::toggle_performance(c.app, encore::InstanceId{tuesdays[4]}));
    REQUIRE(web::map_toggle(c.app, seat(c, "ST-F-11")));
    c.tick();
    CHECK(body_of(c.http.peek("POST /api/holds"))["instances"].size() == 4);
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    REQUIRE(priced.valid);
    CHECK(priced.lines[0].series->column == "4");
    CHECK(web::series_pick_detail(c.app, c.app.season.series_picks[0]) == "Stalls, Row F, Seat 11 · 4 performances");
    CHECK(web::series_pick_title(c.app, c.app.season.series_picks[0]) == "5 Play Package · Tuesday evenings");
    CHECK(web::series_band_price(c.app, static_cast<int>(c.app.catalog->band_index.at("A"))) == 3000);
}

TEST_CASE("choosing another group reads its seats; answers for the group left are dropped", "[season][series]") {
    WebClient c;
    series_shown(c);
    web::choose_group(c.app, encore::SeriesGroupId{"fri"});
    CHECK(c.app.season.group.state == web::Load::wanted);
    CHECK_FALSE(web::map_loaded(c.app));
    c.tick();
    CHECK(c.http.is_waiting("GET /api/series/five-play-package/groups/fri/availability"));
    c.app.season.view = web::MainView::events;  // the single map again
    CHECK_FALSE(web::series_map_shown(c.app));
    CHECK(web::map_venue(c.app) == web::current_venue(c.app));
}

TEST_CASE("a series booked by band first offers no seat until the band is chosen, then only seats in it", "[season][series][band]") {
    WebClient c;
    c.wall_ms = dec2_ms;
    nlohmann::json catalog = demo_catalog();
    catalog["fixed_series"][0]["choose_band_first"] = true;
    c.load(catalog, std::string(1857, 'o'));
    web::show_product(c.app, encore::ProductId{"five-play-package"});
    c.tick();
    c.http.answer(group_url, 200, group_answer(c, {}));
    CHECK_FALSE(web::map_can_select(c.app, seat(c, "ST-F-11")));  // band A
    CHECK_FALSE(web::toggle_series_seat(c.app, seat(c, "ST-F-11")));

    web::choose_band(c.app, encore::PriceBandId{"C"});
    CHECK_FALSE(web::map_can_select(c.app, seat(c, "ST-F-11")));
    CHECK(web::map_can_select(c.app, seat(c, "ST-K-3")));  // band C
    REQUIRE(web::toggle_series_seat(c.app, seat(c, "ST-K-3")));
    c.tick();
    CHECK(body_of(c.http.peek("POST /api/holds"))["band"] == "C");
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    REQUIRE(priced.valid);
    CHECK(encore::basket_to_json(web::current_basket(c.app))["lines"][0]["band"] == "C");
}

TEST_CASE("the composite marks the Friends' block and keeps it from a stranger; the membership in the basket opens it; "
          "on touch a first tap shows the seat", "[season][series][locks]") {
    WebClient c;
    series_shown(c);
    const std::uint32_t block = seat(c, "DC-A-20");
    REQUIRE(web::map_seat_lock(c.app, block));
    CHECK_FALSE(web::map_seat_lock(c.app, seat(c, "ST-F-10")));
    CHECK(web::map_seat_kept(c.app, block));
    CHECK_FALSE(web::map_can_select(c.app, block));
    REQUIRE(web::map_lock_types(c.app).size() == 1);
    web::SeatFacts f = web::seat_facts(c.app, block, false);
    CHECK(f.lock == "Friends' Block: for members of the Friends of the Encore");
    CHECK(f.free_at == "Free at every performance");
    CHECK(f.action == "Kept for members of the Friends of the Encore: you cannot book it.");
    CHECK(web::tap_seat(c.app, block, false) == web::SeatTap::refused);  // before any hold
    CHECK(c.app.season.series_picks.empty());
    CHECK(c.app.hold.queue.empty());
    CHECK_THAT(c.app.notice, Catch::Contains("is kept for members of the Friends of the Encore"));

    REQUIRE(web::add_product(c.app, encore::LineKind::membership, encore::ProductId{"friends"}));
    CHECK(web::map_seat_lock(c.app, block));  // still marked, now theirs to book
    CHECK_FALSE(web::map_seat_kept(c.app, block));
    CHECK(web::map_can_select(c.app, block));
    CHECK(web::map_selectable(c.app)[block]);  // best available asks the same

    CHECK(web::tap_seat(c.app, block, true) == web::SeatTap::previewed);
    CHECK(web::previewed_seat(c.app) == block);
    f = web::seat_facts(c.app, block, true);
    CHECK(f.can_add);
    CHECK(f.state == "Free at every performance");
    CHECK(f.action == "Tap again to add it to your basket.");
    CHECK_THAT(f.price, Catch::EndsWith(" a show"));
    CHECK(web::tap_seat(c.app, block, true) == web::SeatTap::added);
    REQUIRE(c.app.season.series_picks.size() == 1);
    CHECK(c.app.season.series_picks[0].seat_id.value == "DC-A-20");
    CHECK_FALSE(web::previewed_seat(c.app));
}
