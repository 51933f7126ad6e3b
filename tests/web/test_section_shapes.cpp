// The seat map's low level of detail (logic/section_shapes): section outlines around their seats, the section
// under a point, free seats per section as the core's selectable seats count them, and when shapes replace seats.
#include <catch2/catch.hpp>

#include "encore/catalog_json.hpp"
#include "logic/map_view.hpp"
#include "logic/section_shapes.hpp"
#include "logic/section_view.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

const encore::SeatingPlan& demo_plan() {
    static const encore::CatalogLoad loaded = encore::load_catalog(webtest::demo_catalog());
    REQUIRE(loaded.catalog);
    return loaded.catalog->venues.at(0).plan;
}

}  // namespace

TEST_CASE("every section's outline holds its seats, and a point between sections or outside belongs to none",
          "[section_shapes]") {
    const encore::SeatingPlan& plan = demo_plan();
    std::vector<web::SectionShape> shapes = web::build_section_shapes(plan);
    REQUIRE(shapes.size() == plan.sections.size());
    std::size_t own = 0;
    for (const encore::Seat& s : plan.seats) {
        std::optional<std::uint32_t> at = web::section_at(shapes, s.at.x, s.at.y);
        REQUIRE(at);  // every seat is inside some outline
        own += *at == s.section;
    }
    CHECK(own >= plan.seats.size() * 97 / 100);  // where outlines overlap, the nearer centre takes the point
    std::uint32_t total = 0;
    for (const web::SectionShape& shape : shapes) {
        CHECK(shape.outline.size() >= 3);
        total += shape.seats;
    }
    CHECK(total == plan.seats.size());
    CHECK_FALSE(web::section_at(shapes, -3, -3));
    CHECK_FALSE(web::section_at(shapes, plan.width / 2, 1));  // on the stage
}

TEST_CASE("free seats per section count the selectable seats of each section", "[section_shapes]") {
    WebClient c;
    c.load(webtest::small_catalog(), "ooshoo");
    const encore::SeatingPlan& plan = web::current_venue(c.app)->plan;
    struct Row { std::vector<bool> selectable; std::vector<std::uint32_t> counts; };
    const Row rows[] = {
        {{true, true, true, true, true, true}, {4, 2}},
        {{false, true, false, true, true, false}, {2, 1}},
        {{}, {0, 0}},
        {{true, true}, {2, 0}},  // seats past the end count as not selectable
    };
    for (const Row& r : rows) CHECK(web::section_free_counts(plan, r.selectable) == r.counts);
    // On the map: the core's selectable seats for this customer (sold and held seats are not free).
    CHECK(web::map_section_free_counts(c.app) == std::vector<std::uint32_t>{2, 2});
}

TEST_CASE("shapes replace seats while a seat is smaller than six CSS pixels; clicking a shape zooms to it", "[section_shapes][map]") {
    CHECK(web::shows_sections(5.9, 1));
    CHECK_FALSE(web::shows_sections(6, 1));
    CHECK(web::shows_sections(11, 2));
    CHECK_FALSE(web::shows_sections(12, 2));
    // A plan whose whole fits at 3 CSS px a seat or more opens on its seats: shapes only below 0.8 of the fit.
    CHECK(web::section_detail_threshold(1.5, 1) == Approx(6));   // a stadium: six CSS px
    CHECK(web::section_detail_threshold(5, 1) == Approx(4));     // a theatre on a tablet
    CHECK(web::section_detail_threshold(9, 1) == Approx(6));
    CHECK(web::section_detail_threshold(10, 2) == Approx(8));

    WebClient c;
    c.load(webtest::demo_catalog(), std::string(1857, 'o'));
    const encore::SeatingPlan& plan = web::current_venue(c.app)->plan;
    web::place_view(c.app, {0, 0, 1000, 700}, plan);
    web::zoom_view(c.app, 0.5, 500, 350);  // as far out as it goes
    REQUIRE(web::map_shows_sections(c.app));
    const std::vector<web::SectionShape>& shapes = c.app.section_shapes;
    std::uint32_t stalls = 0;
    const web::SectionShape& s = shapes[stalls];
    double sx = c.app.view.to_screen_x(s.centre.x), sy = c.app.view.to_screen_y(s.centre.y);
    REQUIRE(web::section_under(c.app, sx, sy) == stalls);
    web::zoom_to_section(c.app, stalls);
    CHECK_FALSE(web::map_shows_sections(c.app));
    // The section fills the map: its outline is in view and spans most of the map's width or height.
    double x0 = c.app.view.to_screen_x(s.min_x), x1 = c.app.view.to_screen_x(s.max_x);
    double y0 = c.app.view.to_screen_y(s.min_y), y1 = c.app.view.to_screen_y(s.max_y);
    CHECK(x0 >= -1);
    CHECK(y0 >= -1);
    CHECK(x1 <= 1001);
    CHECK(y1 <= 701);
    CHECK(((x1 - x0) > 700 || (y1 - y0) > 490));
    CHECK(c.app.view.user_moved);
}
