// The seat map's spatial index (logic/seat_grid): the seat under a point, nothing between seats, the seats in a
// rectangle, and the same answers as looking at every seat, on the demo theatre and on random points.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>

#include "encore/catalog_json.hpp"
#include "logic/seat_grid.hpp"
#include "random_pricing.hpp"
#include "web_client_fixture.hpp"

namespace {

const encore::SeatingPlan& demo_plan() {
    static const encore::CatalogLoad loaded = encore::load_catalog(webtest::demo_catalog());
    REQUIRE(loaded.catalog);
    return loaded.catalog->venues.at(0).plan;
}

double uniform(encore::testing::Rng& rng, double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng.next() >> 11) / 9007199254740992.0;
}

}  // namespace

TEST_CASE("the grid finds the seat under a point and nothing between seats", "[seat_grid]") {
    const encore::SeatingPlan& plan = demo_plan();
    web::SeatGrid grid = web::build_seat_grid(plan);
    REQUIRE(grid.seats.size() == plan.seats.size());
    std::uint32_t seat = *plan.seat_index(encore::SeatId{"ST-F-10"});
    const encore::PlanPoint& at = plan.seats[seat].at;
    CHECK(web::nearest_seat(grid, at.x, at.y, 0.55) == seat);
    CHECK(web::nearest_seat(grid, at.x + 0.2, at.y - 0.2, 0.55) == seat);
    // Midway between two neighbours in the row: within reach of both, the nearer (or the lower index) wins;
    // with a small reach, neither.
    std::uint32_t next = seat + 1;
    REQUIRE(plan.seats[next].row == plan.seats[seat].row);
    double mx = (at.x + plan.seats[next].at.x) / 2, my = (at.y + plan.seats[next].at.y) / 2;
    CHECK_FALSE(web::nearest_seat(grid, mx, my, 0.3));
    CHECK(web::nearest_seat(grid, mx, my, 0.55) == web::nearest_seat_by_scan(plan, mx, my, 0.55));
    // Far outside the plan.
    CHECK_FALSE(web::nearest_seat(grid, -50, -50, 2));
    CHECK_FALSE(web::nearest_seat(grid, plan.width + 50, plan.height + 50, 2));
}

TEST_CASE("the grid gives the same seat as a scan of every seat, at random points and reaches", "[seat_grid][property]") {
    const encore::SeatingPlan& plan = demo_plan();
    web::SeatGrid grid = web::build_seat_grid(plan);
    encore::testing::Rng rng(20261130);
    int hits = 0;
    for (int i = 0; i < 20000; ++i) {
        double px = uniform(rng, -5, plan.width + 5), py = uniform(rng, -5, plan.height + 5);
        double radius = uniform(rng, 0.05, i % 10 == 0 ? 8.0 : 1.2);
        std::optional<std::uint32_t> fast = web::nearest_seat(grid, px, py, radius);
        std::optional<std::uint32_t> scan = web::nearest_seat_by_scan(plan, px, py, radius);
        INFO("point " << px << "," << py << " reach " << radius);
        REQUIRE(fast == scan);
        hits += fast.has_value();
    }
    CHECK(hits > 2000);   // the points land on seats often enough to test something
    CHECK(hits < 19000);  // and miss often enough
}

TEST_CASE("the grid visits exactly the seats inside a rectangle", "[seat_grid][property]") {
    const encore::SeatingPlan& plan = demo_plan();
    web::SeatGrid grid = web::build_seat_grid(plan);
    encore::testing::Rng rng(7);
    for (int i = 0; i < 300; ++i) {
        double x0 = uniform(rng, -10, plan.width), y0 = uniform(rng, -10, plan.height);
        double x1 = x0 + uniform(rng, 0, 40), y1 = y0 + uniform(rng, 0, 40);
        std::set<std::uint32_t> visited, expected;
        web::for_seats_in_rect(grid, x0, y0, x1, y1, [&](std::uint32_t s) { CHECK(visited.insert(s).second); });
        for (std::uint32_t s = 0; s < plan.seats.size(); ++s) {
            const encore::PlanPoint& p = plan.seats[s].at;
            if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) expected.insert(s);
        }
        REQUIRE(visited == expected);
    }
}

TEST_CASE("a plan with no seats, one seat or seats in one line still indexes", "[seat_grid]") {
    encore::SeatingPlan empty;
    CHECK_FALSE(web::nearest_seat(web::build_seat_grid(empty), 0, 0, 5));
    encore::SeatingPlan line;
    line.sections.push_back({});
    for (int i = 0; i < 500; ++i) line.seats.push_back({.at = {static_cast<double>(i), 3}});
    web::SeatGrid grid = web::build_seat_grid(line);
    CHECK(web::nearest_seat(grid, 250.2, 3.1, 0.5) == 250u);
    CHECK(web::nearest_seat(grid, 0, 3, 0.5) == 0u);
    CHECK(web::nearest_seat(grid, 499.4, 3, 0.5) == 499u);
    CHECK_FALSE(web::nearest_seat(grid, 250.5, 5, 0.5));
    encore::SeatingPlan one;
    one.seats.push_back({.at = {2, 2}});
    CHECK(web::nearest_seat(web::build_seat_grid(one), 2.1, 2, 0.5) == 0u);
}
