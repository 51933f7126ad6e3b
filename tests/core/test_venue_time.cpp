// A venue's local time at any instant from the offsets its performances were written with.
#include <catch2/catch.hpp>

#include "catalog_fixture.hpp"
#include "encore/catalog_json.hpp"
#include "encore/venue_time.hpp"

namespace {

// The small catalog's hall with performances either side of the clocks going forward (28 Mar 2027), and a
// second venue with none.
encore::Catalog two_offsets() {
    nlohmann::json c = small_catalog_json();
    nlohmann::json barn = c["venues"][0];
    barn["id"] = "barn", barn["name"] = "The Barn";
    c["venues"].push_back(barn);
    c["instances"] = nlohmann::json::parse(R"([
      {"id": "m-1", "event": "macbeth", "starts_at": "2027-03-20T19:30:00+00:00", "on_sale": {"web": "2026-11-01T10:00:00Z"}},
      {"id": "m-2", "event": "macbeth", "starts_at": "2027-04-03T19:30:00+01:00", "on_sale": {"web": "2026-11-01T10:00:00Z"}}])");
    encore::CatalogLoad load = encore::load_catalog(c);
    REQUIRE(load.problems.empty());
    return *load.catalog;
}

encore::Instant at(const char* text) { return *encore::parse_instant(text); }

}  // namespace

TEST_CASE("a venue's offset at an instant is that of its nearest performance", "[time][venue]") {
    const encore::Catalog c = two_offsets();
    const encore::VenueId hall{"hall"};
    struct Row { const char* instant; int offset; const char* words; };
    const Row rows[] = {
        {"2026-12-07T10:00:00Z", 0, "Mon 7 Dec 2026, 10:00"},    // long before: the first performance's offset
        {"2027-03-25T12:00:00Z", 0, "Thu 25 Mar 2027, 12:00"},   // nearer 20 Mar
        {"2027-03-30T09:00:00Z", 60, "Tue 30 Mar 2027, 10:00"},  // nearer 3 Apr: summer time
        {"2027-05-01T18:00:00Z", 60, "Sat 1 May 2027, 19:00"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.instant);
        CHECK(encore::venue_utc_offset_at(c, hall, at(r.instant)) == r.offset);
        CHECK(encore::describe_venue_time(c, hall, at(r.instant)) == r.words);
    }
    // Exactly half way between the two: the earlier performance's offset.
    const encore::Instant middle{(at("2027-03-20T19:30:00Z").unix_seconds + at("2027-04-03T18:30:00Z").unix_seconds) / 2};
    CHECK(encore::venue_utc_offset_at(c, hall, middle) == 0);
    // A venue without performances: UTC.
    CHECK(encore::venue_utc_offset_at(c, encore::VenueId{"barn"}, at("2027-04-01T12:00:00Z")) == 0);
}
