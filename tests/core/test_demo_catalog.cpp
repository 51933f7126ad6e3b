// The demo season in assets/ must always load: it is what a new user sees first.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "encore/catalog_json.hpp"

using namespace encore;

namespace {
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}
}  // namespace

TEST_CASE("the demo catalog loads and is a realistic theatre season", "[catalog][demo]") {
    const std::string text = read_file(ENCORE_ASSETS_DIR "/demo/catalog.json");
    REQUIRE_FALSE(text.empty());
    CatalogLoad load = load_catalog(std::string_view(text));
    for (const Problem& p : load.problems) UNSCOPED_INFO(p.path << " " << p.message);
    REQUIRE(load.catalog);
    const Catalog& c = *load.catalog;

    REQUIRE_FALSE(c.venues.empty());
    const SeatingPlan& plan = c.venues[0].plan;
    CHECK(plan.seats.size() >= 1500);
    CHECK(plan.seats.size() <= 2500);
    std::map<int, int> seats_per_level;
    int wheelchair = 0, companion = 0, restricted = 0;
    for (const Seat& s : plan.seats) {
        ++seats_per_level[plan.sections[s.section].level];
        wheelchair += s.has(seat_wheelchair);
        companion += s.has(seat_companion);
        restricted += s.has(seat_restricted_view);
    }
    CHECK(seats_per_level.size() >= 3);
    CHECK(wheelchair >= 4);
    CHECK(companion >= wheelchair);
    CHECK(restricted > 0);
    CHECK(c.price_bands.size() >= 4);

    CHECK(c.events.size() >= 5);
    CHECK(c.instances.size() >= 30);
    // Every seat of every instance has an adult price.
    for (const Instance& i : c.instances) {
        const Venue* venue = c.find_venue(i.venue);
        REQUIRE(venue);
        for (std::uint32_t s = 0; s < venue->plan.seats.size(); s += 97) {
            CAPTURE(i.id.value, s);
            CHECK(c.seat_price(i, s, TicketTypeId{"adult"}));
        }
    }
}
