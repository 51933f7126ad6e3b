// The map without a mouse: the seat-to-seat rule on the small hall and the demo theatre, keys on the map (focus,
// move, choose, zoom, Escape), the live region's words for the focused seat and each basket change, and the
// step-through list a screen reader walks (sections -> rows -> seats -> Checkout).
#include <catch2/catch.hpp>

#include "encore/catalog_json.hpp"
#include "logic/map_announcements.hpp"
#include "logic/map_keyboard.hpp"
#include "logic/map_view.hpp"
#include "logic/seat_navigation.hpp"
#include "logic/step_through.hpp"
#include "web_client_fixture.hpp"

using webtest::hold_answer;
using webtest::WebClient;
using web::SeatStep;

namespace {

const encore::SeatingPlan& plan_of(const WebClient& c) { return web::current_venue(c.app)->plan; }

std::string seat_id(const WebClient& c, std::optional<std::uint32_t> seat) {
    return seat ? plan_of(c).seats[*seat].id.value : std::string("none");
}

std::string step(const WebClient& c, const std::string& from, SeatStep s) {
    return seat_id(c, web::next_seat(plan_of(c), c.seat(from), s));
}

// The map laid out in an 800 x 600 area, as a frame would.
void place_map(WebClient& c) {
    web::place_view(c.app, web::Rect{0, 0, 800, 600}, plan_of(c));
}

}  // namespace

TEST_CASE("arrows move along a row and between rows, Page Up/Down between sections", "[map_access][navigation]") {
    WebClient c;
    c.load();
    CHECK(step(c, "ST-A-1", SeatStep::right) == "ST-A-2");
    CHECK(step(c, "ST-A-2", SeatStep::left) == "ST-A-1");
    CHECK(step(c, "ST-A-1", SeatStep::left) == "none");    // the row's end
    CHECK(step(c, "ST-A-4", SeatStep::right) == "none");
    CHECK(step(c, "ST-A-2", SeatStep::down) == "CI-A-1");  // the nearest seat across (x 4)
    CHECK(step(c, "ST-A-4", SeatStep::down) == "CI-A-2");
    CHECK(step(c, "CI-A-2", SeatStep::up) == "ST-A-3");    // x 5
    CHECK(step(c, "ST-A-1", SeatStep::up) == "none");      // nothing between the front row and the stage
    CHECK(step(c, "ST-A-3", SeatStep::next_section) == "CI-A-1");
    CHECK(step(c, "CI-A-2", SeatStep::previous_section) == "ST-A-1");
    CHECK(step(c, "CI-A-1", SeatStep::next_section) == "none");
    CHECK(web::starting_seat(plan_of(c), std::nullopt) == 0u);
    CHECK(web::starting_seat(plan_of(c), 3u) == 3u);
    CHECK_FALSE(web::next_seat(plan_of(c), 99, SeatStep::right));
}

TEST_CASE("on the demo theatre the keyboard stays in a section's rows until its edge", "[map_access][navigation]") {
    WebClient c;
    c.load(webtest::demo_catalog(), std::string(1857, 'o'));
    CHECK(step(c, "ST-A-1", SeatStep::right) == "ST-A-2");
    CHECK(step(c, "ST-A-10", SeatStep::down).starts_with("ST-B-"));
    CHECK(step(c, "ST-B-10", SeatStep::up).starts_with("ST-A-"));
    CHECK(step(c, "DC-B-20", SeatStep::up).starts_with("DC-A-"));
    CHECK(step(c, "ST-A-5", SeatStep::next_section) == "BXA-1");   // sections in the plan's order
    CHECK(step(c, "BXA-2", SeatStep::previous_section) == "ST-A-1");
    // Every seat of every row is reached walking right from its first seat (no seat is skipped).
    const encore::SeatingPlan& plan = plan_of(c);
    std::size_t reached = 0;
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        bool first = true;
        for (std::uint32_t j = 0; j < plan.seats.size(); ++j)
            if (plan.seats[j].section == plan.seats[i].section && plan.seats[j].row == plan.seats[i].row &&
                plan.seats[j].at.x < plan.seats[i].at.x)
                first = false;
        if (!first) continue;
        for (std::optional<std::uint32_t> s = i; s; s = web::next_seat(plan, *s, SeatStep::right)) ++reached;
    }
    CHECK(reached == plan.seats.size());
}

TEST_CASE("the map's keys: focus, move, choose, zoom and Escape, each spoken", "[map_access][keyboard]") {
    WebClient c;
    c.load();
    place_map(c);
    CHECK(web::map_key_from_dom("ArrowLeft") == web::MapKey::left);
    CHECK(web::map_key_from_dom("PageDown") == web::MapKey::next_section);
    CHECK(web::map_key_from_dom(" ") == web::MapKey::choose);
    CHECK(web::map_key_from_dom("+") == web::MapKey::zoom_in);
    CHECK(web::map_key_from_dom("-") == web::MapKey::zoom_out);
    CHECK_FALSE(web::map_key_from_dom("Tab"));

    web::map_focus_changed(c.app, true);
    REQUIRE(web::focused_seat(c.app) == c.seat("ST-A-1"));
    CHECK(c.app.page.access.announcement == "Stalls, row A, seat 1, Band A, £45, available; aisle seat");
    int serial = c.app.page.access.announcement_serial;

    REQUIRE(web::press_map_key(c.app, web::MapKey::right));
    CHECK(web::focused_seat(c.app) == c.seat("ST-A-2"));
    CHECK(c.app.page.access.announcement == "Stalls, row A, seat 2, Band A, £45, available");
    CHECK(c.app.page.access.announcement_serial == serial + 1);
    REQUIRE(web::press_map_key(c.app, web::MapKey::down));
    CHECK(c.app.page.access.announcement == "Circle, row A, seat 1, Band B, £30, available; restricted view, aisle seat");
    REQUIRE(web::press_map_key(c.app, web::MapKey::down));  // the edge: stays, and says so
    CHECK(web::focused_seat(c.app) == c.seat("CI-A-1"));
    CHECK(c.app.page.access.announcement.starts_with("No seat that way. Circle, row A, seat 1"));
    REQUIRE(web::press_map_key(c.app, web::MapKey::previous_section));
    CHECK(web::focused_seat(c.app) == c.seat("ST-A-1"));
    REQUIRE(web::press_map_key(c.app, web::MapKey::right));

    // Enter chooses like a click: the hold is asked for; once the server holds it the live region says so.
    REQUIRE(web::press_map_key(c.app, web::MapKey::choose));
    CHECK(web::is_selected(c.app, c.seat("ST-A-2")));
    c.tick();
    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {"ST-A-2"}, 600));
    c.tick();
    CHECK(c.app.page.access.announcement == "Stalls, row A, seat 2, Band A, £45, added; hold ends 12:10");
    REQUIRE(web::press_map_key(c.app, web::MapKey::choose));  // again: removed
    c.tick();
    CHECK(c.app.page.access.announcement == "Stalls, row A, seat 2, Band A, £45, removed; your basket is empty");

    // +/- zoom about the focused seat, which stays in view.
    double before = c.app.view.scale;
    REQUIRE(web::press_map_key(c.app, web::MapKey::zoom_in));
    CHECK(c.app.view.scale > before);
    std::optional<web::ScreenPoint> at = web::seat_screen_position(c.app, c.seat("ST-A-2"));
    REQUIRE(at);
    CHECK(c.app.view.contains(at->x, at->y));
    REQUIRE(web::press_map_key(c.app, web::MapKey::zoom_out));
    CHECK(c.app.view.scale == Approx(before));

    // Escape: the checkout closes first, then the focus goes; the next key brings a seat back.
    c.app.checkout.open = true;
    REQUIRE(web::press_map_key(c.app, web::MapKey::escape));
    CHECK_FALSE(c.app.checkout.open);
    CHECK(web::focused_seat(c.app));
    REQUIRE(web::press_escape(c.app));
    CHECK_FALSE(web::focused_seat(c.app));
    CHECK(c.app.page.access.announcement == "No seat focused.");
    CHECK_FALSE(web::press_escape(c.app));  // nothing left to close
    REQUIRE(web::press_map_key(c.app, web::MapKey::left));
    CHECK(web::focused_seat(c.app) == c.seat("ST-A-1"));
}

TEST_CASE("the keyboard pans the map to keep the focused seat in view", "[map_access][keyboard]") {
    WebClient c;
    c.load(webtest::demo_catalog(), std::string(1857, 'o'));
    place_map(c);
    for (int i = 0; i < 8; ++i) web::press_map_key(c.app, web::MapKey::zoom_in);  // no focus yet: zooms about the middle
    web::focus_seat(c.app, c.seat("UC-A-1"));
    std::optional<web::ScreenPoint> at = web::seat_screen_position(c.app, c.seat("UC-A-1"));
    REQUIRE(at);
    CHECK(at->x >= 40);
    CHECK(at->x <= 760);
    CHECK(at->y >= 40);
    CHECK(at->y <= 560);
}

TEST_CASE("sold, held and locked seats are spoken as such; the focus stays put when a seat is refused", "[map_access][words]") {
    WebClient c;
    c.load(webtest::small_catalog(), "oshxoo");
    CHECK(web::spoken_seat_state(c.app, c.seat("ST-A-2")) == "sold");
    CHECK(web::spoken_seat_state(c.app, c.seat("ST-A-3")) == "held in another basket");
    CHECK(web::spoken_seat_state(c.app, c.seat("ST-A-4")) == "not for sale");
    CHECK(web::spoken_seat(c.app, c.seat("ST-A-3")) == "Stalls, row A, seat 3, Band A, £45, held in another basket; wheelchair space");
    web::focus_seat(c.app, c.seat("ST-A-2"));
    REQUIRE(web::press_map_key(c.app, web::MapKey::choose));
    CHECK(web::selection(c.app).empty());
    CHECK(web::spoken_money({4550, encore::Currency{"GBP"}}) == "£45.50");
}

TEST_CASE("the step-through list goes sections -> rows -> seats and chooses seats", "[map_access][step_through]") {
    WebClient c;
    c.load(webtest::small_catalog(), "osoooo");
    web::StepList list = web::step_list(c.app);
    CHECK(list.heading == "Sections");
    REQUIRE(list.items.size() == 3);
    CHECK(list.items[0].id == "performances");
    CHECK(list.items[0].label == "Performance: Macbeth, Tue 12 Jan 2027, 19:30, On sale. Choose another");
    CHECK(list.items[1].id == "section:0");
    CHECK(list.items[1].label == "Stalls, 4 seats, 3 available");
    CHECK(list.items[2].label == "Circle, 2 seats, 2 available");

    web::step_choose(c.app, "section:0");
    list = web::step_list(c.app);
    CHECK(list.heading == "Stalls: rows");
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[0].id == "back");
    CHECK(list.items[1].id == "row:0:A");
    CHECK(list.items[1].label == "Row A, 4 seats, 3 available");

    web::step_choose(c.app, "row:0:A");
    list = web::step_list(c.app);
    CHECK(list.heading == "Stalls, row A: seats");
    REQUIRE(list.items.size() == 5);
    CHECK(list.items[1].label == "Seat 1, Band A, £45, available; aisle seat");
    CHECK(list.items[2].label == "Seat 2, Band A, £45, sold");

    web::step_choose(c.app, "seat:" + std::to_string(c.seat("ST-A-1")));  // chooses it, and the map's focus follows
    CHECK(web::is_selected(c.app, c.seat("ST-A-1")));
    CHECK(web::focused_seat(c.app) == c.seat("ST-A-1"));
    list = web::step_list(c.app);
    CHECK(list.items[1].pressed);
    CHECK(list.items[1].current);
    CHECK(list.items[1].label == "Seat 1, Band A, £45, in your basket; aisle seat");
    REQUIRE(list.items.size() == 6);
    CHECK(list.items.back().id == "checkout");
    CHECK(list.items.back().label == "Checkout: 1 ticket, £46.50");  // with the £1.50 booking fee
    web::step_choose(c.app, "checkout");
    CHECK(c.app.checkout.open);

    web::step_choose(c.app, "back");
    CHECK(web::step_list(c.app).heading == "Stalls: rows");
    web::step_choose(c.app, "back");
    CHECK(web::step_list(c.app).heading == "Sections");
    web::step_choose(c.app, "section:99");  // unknown ids change nothing
    web::step_choose(c.app, "seat:x");
    CHECK(web::step_list(c.app).heading == "Sections");
}

TEST_CASE("from the sections the step-through list chooses another performance", "[map_access][step_through]") {
    WebClient c;
    c.load();
    web::step_choose(c.app, "performances");
    web::StepList list = web::step_list(c.app);
    CHECK(list.heading == "Performances");
    REQUIRE(list.items.size() == 4);
    CHECK(list.items[0].id == "back");
    CHECK(list.items[1].id == "instance:macbeth-1");
    CHECK(list.items[1].current);
    CHECK(list.items[2].label == "Macbeth, Sat 16 Jan 2027, 14:30, On sale");
    CHECK(list.items[3].label == "Hamlet, Tue 2 Mar 2027, 19:30, Not on sale yet");
    web::step_choose(c.app, "instance:macbeth-2");
    CHECK(c.app.instance.value == "macbeth-2");
    CHECK(web::step_list(c.app).heading == "Sections");
    CHECK(c.app.availability == web::Fetch::wanted);  // its seats are asked for at the next frame
}
