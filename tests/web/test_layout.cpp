// Where the page's parts go for wide, medium and narrow windows, and the seat map's view transform: fit,
// zoom about a point, hit testing.
#include <catch2/catch.hpp>

#include "logic/layout.hpp"
#include "logic/map_view.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

web::CanvasSize canvas(double css_w, double css_h, double dpr) {
    web::CanvasSize s;
    s.css_width = css_w, s.css_height = css_h, s.dpr = dpr;
    s.width = static_cast<int>(css_w * dpr), s.height = static_cast<int>(css_h * dpr);
    return s;
}

bool inside(const web::Rect& r, const web::CanvasSize& s) {
    return r.x >= 0 && r.y >= 0 && r.w > 0 && r.h > 0 && r.x + r.w <= s.width + 0.5f && r.y + r.h <= s.height + 0.5f;
}

}  // namespace

TEST_CASE("the layout kind follows the window's CSS width, and a landscape tablet is wide", "[layout]") {
    struct Row { double width, height; web::LayoutKind kind; };
    const Row rows[] = {{1920, 1080, web::LayoutKind::wide},  {1100, 1200, web::LayoutKind::wide},
                        {1099, 1200, web::LayoutKind::medium}, {1024, 768, web::LayoutKind::wide},   // landscape tablet
                        {960, 700, web::LayoutKind::wide},     {959, 700, web::LayoutKind::medium},
                        {768, 1024, web::LayoutKind::medium},  {760, 800, web::LayoutKind::medium},  // portrait tablet
                        {759, 800, web::LayoutKind::narrow},   {390, 844, web::LayoutKind::narrow}};
    for (const Row& r : rows) {
        INFO("css " << r.width << " x " << r.height);
        CHECK(web::compute_layout(canvas(r.width, r.height, 2)).kind == r.kind);
    }
}

TEST_CASE("a 1024 x 768 tablet keeps the basket beside the map, as tall as the window", "[layout]") {
    web::CanvasSize s = canvas(1024, 768, 2);
    web::Layout L = web::compute_layout(s);
    CHECK(L.events.w == Approx(250 * 2));
    CHECK(L.side.w == Approx(290 * 2));
    CHECK(L.side.h == Approx((768 - 52) * 2));
    CHECK(L.map.w == Approx((1024 - 250 - 290) * 2));
    for (const web::Rect& r : {L.top_bar, L.events, L.header, L.map, L.side}) CHECK(inside(r, s));
}

TEST_CASE("wide: performances left, map in the middle, basket right", "[layout]") {
    web::CanvasSize s = canvas(1280, 800, 1);
    web::Layout L = web::compute_layout(s);
    CHECK(L.top_bar.h == 52);
    CHECK(L.events.x == 0);
    CHECK(L.events.w == Approx(1280 * 0.23));
    CHECK(L.side.w == Approx(1280 * 0.24));
    CHECK(L.side.x + L.side.w == Approx(1280));
    CHECK(L.map.x == Approx(L.events.w));
    CHECK(L.map.x + L.map.w == Approx(L.side.x));
    CHECK(L.header.h == 68);
    CHECK(L.map.y == Approx(52 + 68));
    CHECK(L.map.y + L.map.h == Approx(800));
    for (const web::Rect& r : {L.top_bar, L.events, L.header, L.map, L.side}) CHECK(inside(r, s));
}

TEST_CASE("medium: the basket goes below the map; sizes scale with the device pixel ratio", "[layout]") {
    web::CanvasSize s = canvas(900, 700, 2);
    web::Layout L = web::compute_layout(s);
    REQUIRE(L.kind == web::LayoutKind::medium);
    CHECK(L.events.w == 270 * 2);
    CHECK(L.side.x == L.map.x);
    CHECK(L.side.y == Approx(L.map.y + L.map.h));
    CHECK(L.side.y + L.side.h == Approx(1400));
    CHECK(L.side.h == Approx(210 * 2));
    for (const web::Rect& r : {L.top_bar, L.events, L.header, L.map, L.side}) CHECK(inside(r, s));
    // A portrait tablet gives the basket more room below the map.
    CHECK(web::compute_layout(canvas(768, 1024, 2)).side.h == Approx(0.32 * (1024 - 52) * 2).epsilon(0.001));
}

TEST_CASE("narrow: pickers on top, the map, the basket at the bottom, all full width", "[layout]") {
    web::CanvasSize s = canvas(390, 844, 3);
    web::Layout L = web::compute_layout(s);
    REQUIRE(L.kind == web::LayoutKind::narrow);
    for (const web::Rect& r : {L.events, L.header, L.map, L.side}) {
        CHECK(r.x == 0);
        CHECK(r.w == Approx(s.width));
    }
    CHECK(L.events.y == Approx(52 * 3));
    CHECK(L.header.y == Approx(L.events.y + L.events.h));
    CHECK(L.map.y == Approx(L.header.y + L.header.h));
    CHECK(L.side.y == Approx(L.map.y + L.map.h));
    CHECK(L.side.y + L.side.h == Approx(s.height));
    CHECK(L.events.h == Approx(146 * 3));  // the search row, then the two pickers
    CHECK(L.side.h == Approx(250 * 3));    // room for the basket's cards with their ticket types
    CHECK(L.map.h > 200 * 3);
}

TEST_CASE("a tiny window still gets a map of at least one pixel", "[layout]") {
    web::Layout L = web::compute_layout(canvas(200, 150, 1));
    CHECK(L.map.w >= 1);
    CHECK(L.map.h >= 1);
}

TEST_CASE("the seat map fits the plan, finds seats under the pointer and zooms about it", "[layout][map]") {
    WebClient c;
    c.load();
    const encore::SeatingPlan& plan = web::current_venue(c.app)->plan;
    web::Rect area{100, 50, 800, 600};
    web::place_view(c.app, area, plan);
    REQUIRE(c.app.view.fitted);
    CHECK(c.app.view.zoom() == Approx(1));
    // The 10 x 8 plan fills the area's height less 16 px padding, centred across.
    CHECK(c.app.view.scale == Approx((600 - 32) / 8.0));
    CHECK(c.app.view.to_screen_x(5) == Approx(100 + 400));

    std::uint32_t seat = c.seat("ST-A-3");
    std::optional<web::ScreenPoint> at = web::seat_screen_position(c.app, seat);
    REQUIRE(at);
    CHECK(web::seat_at(c.app, plan, at->x + 3, at->y - 3) == seat);
    CHECK_FALSE(web::seat_at(c.app, plan, 99, 60));   // outside the map's area
    CHECK_FALSE(web::seat_at(c.app, plan, 110, 60));  // on the map, far from any seat

    web::zoom_view(c.app, 2, at->x, at->y);
    CHECK(c.app.view.zoom() == Approx(2));
    std::optional<web::ScreenPoint> again = web::seat_screen_position(c.app, seat);
    CHECK(again->x == Approx(at->x));  // the point under the pointer stays put
    CHECK(again->y == Approx(at->y));

    web::zoom_view(c.app, 1000, at->x, at->y);
    CHECK(c.app.view.zoom() == Approx(4));  // clamped
    web::fit_view(c.app);
    CHECK(c.app.view.zoom() == Approx(1));
}

TEST_CASE("after a resize a moved view keeps its zoom and centre; an untouched one fits again", "[layout][map]") {
    WebClient c;
    c.load();
    const encore::SeatingPlan& plan = web::current_venue(c.app)->plan;
    web::place_view(c.app, {0, 0, 800, 600}, plan);
    web::zoom_view(c.app, 2, 400, 300);
    c.app.view.user_moved = true;
    double centre_x = c.app.view.to_plan_x(400), centre_y = c.app.view.to_plan_y(300);
    web::place_view(c.app, {0, 0, 1000, 700}, plan);
    CHECK(c.app.view.zoom() == Approx(2));
    CHECK(c.app.view.to_plan_x(500) == Approx(centre_x));
    CHECK(c.app.view.to_plan_y(350) == Approx(centre_y));

    web::fit_view(c.app);
    web::place_view(c.app, {0, 0, 640, 480}, plan);
    CHECK(c.app.view.zoom() == Approx(1));
}
