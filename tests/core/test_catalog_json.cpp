// Catalog loading: a valid catalog loads and round-trips; every kind of bad input is reported with
// its JSON path and never crashes the loader.
#include <catch2/catch.hpp>

#include <functional>
#include <random>

#include "catalog_fixture.hpp"
#include "encore/catalog_json.hpp"

using namespace encore;
using nlohmann::json;

namespace {
bool has_problem(const Problems& problems, const std::string& path, const std::string& code) {
    for (const Problem& p : problems)
        if (p.path == path && p.code == code) return true;
    return false;
}

std::string describe(const Problems& problems) {
    std::string out;
    for (const Problem& p : problems) out += p.path + " [" + p.code + "] " + p.message + "\n";
    return out;
}
}  // namespace

TEST_CASE("a valid catalog loads with its look-ups", "[catalog]") {
    CatalogLoad load = load_catalog(small_catalog_json());
    INFO(describe(load.problems));
    REQUIRE(load.catalog);
    const Catalog& c = *load.catalog;
    CHECK(c.currency.code == "GBP");
    REQUIRE(c.venues.size() == 1);
    const SeatingPlan& plan = c.venues[0].plan;
    REQUIRE(plan.seats.size() == 6);
    CHECK(plan.seats[4].id.value == "CI-A-1");
    CHECK(plan.seats[4].section == 1);
    CHECK(plan.seats[4].has(seat_restricted_view));
    CHECK(plan.seats[4].has(seat_aisle));
    CHECK_FALSE(plan.seats[4].has(seat_wheelchair));
    CHECK(plan.seats[2].has(seat_wheelchair));
    CHECK(plan.seat_index(SeatId{"ST-A-3"}) == 2u);
    CHECK_FALSE(plan.seat_index(SeatId{"nope"}));
    CHECK(plan.seat_name(1) == "Stalls, Row A, Seat 2");

    // Instances are sorted by start time and inherit the event's venue and price list.
    REQUIRE(c.instances.size() == 2);
    CHECK(c.instances[0].id.value == "macbeth-1");
    CHECK(c.instances[0].price_list.value == "std");
    CHECK(c.instances[1].price_list.value == "mat");
    CHECK(c.instances[1].venue.value == "hall");
    CHECK(c.instances[0].on_sale_at(Channel::box_office)->unix_seconds == parse_instant("2026-11-01T09:00:00Z")->unix_seconds);
    CHECK_FALSE(c.instances[1].on_sale_at(Channel::box_office));
    CHECK(c.instances_of(EventId{"macbeth"}).size() == 2);
}

TEST_CASE("seat_price reads the instance's price list", "[catalog]") {
    const Catalog c = *load_catalog(small_catalog_json()).catalog;
    const Instance& evening = *c.find_instance(InstanceId{"macbeth-1"});
    const Instance& matinee = *c.find_instance(InstanceId{"macbeth-2"});
    CHECK(c.seat_price(evening, 0, TicketTypeId{"adult"}) == Money{4500, c.currency});
    CHECK(c.seat_price(evening, 0, TicketTypeId{"child"}) == Money{2250, c.currency});
    CHECK(c.seat_price(evening, 4, TicketTypeId{"adult"}) == Money{3000, c.currency});
    CHECK_FALSE(c.seat_price(evening, 4, TicketTypeId{"child"}));  // no child price in band B
    CHECK(c.seat_price(matinee, 0, TicketTypeId{"adult"}) == Money{3500, c.currency});
    CHECK_FALSE(c.seat_price(evening, 99, TicketTypeId{"adult"}));
}

TEST_CASE("a seat's default ticket type is the first one sold in its band", "[catalog]") {
    json doc = small_catalog_json();
    std::swap(doc["ticket_types"][0], doc["ticket_types"][1]);  // child first
    const Catalog c = *load_catalog(doc).catalog;
    const Instance& evening = *c.find_instance(InstanceId{"macbeth-1"});
    CHECK(c.default_ticket_type(evening, 0) == TicketTypeId{"child"});  // band A sells child
    CHECK(c.default_ticket_type(evening, 4) == TicketTypeId{"adult"});  // band B sells adult only
    const Catalog original = *load_catalog(small_catalog_json()).catalog;
    CHECK(original.default_ticket_type(evening, 0) == TicketTypeId{"adult"});
    doc["price_lists"][0]["prices"] = json::array();
    CHECK_FALSE(load_catalog(doc).catalog->default_ticket_type(evening, 0));
}

TEST_CASE("catalog_to_json round-trips", "[catalog]") {
    const Catalog c = *load_catalog(small_catalog_json()).catalog;
    const json once = catalog_to_json(c);
    CatalogLoad again = load_catalog(once);
    INFO(describe(again.problems));
    REQUIRE(again.catalog);
    CHECK(catalog_to_json(*again.catalog) == once);
    CHECK(again.catalog->venues[0].plan.seats.size() == 6);
}

TEST_CASE("every catalog problem is reported with its JSON path", "[catalog]") {
    struct Case {
        const char* what;
        std::function<void(json&)> mutate;
        const char* path;
        const char* code;
    };
    const std::vector<Case> cases = {
        {"unknown band on a seat", [](json& j) { j["venues"][0]["plan"]["sections"][0]["rows"][0]["seats"][1]["band"] = "Z"; },
         "/venues/0/plan/sections/0/rows/0/seats/1/band", "unknown_reference"},
        {"duplicate seat id", [](json& j) { j["venues"][0]["plan"]["sections"][1]["rows"][0]["seats"][1]["id"] = "ST-A-1"; },
         "/venues/0/plan/sections/1/rows/0/seats/1/id", "duplicate_id"},
        {"negative price", [](json& j) { j["price_lists"][0]["prices"][2]["amount"] = -100; },
         "/price_lists/0/prices/2/amount", "out_of_range"},
        {"price as text", [](json& j) { j["price_lists"][0]["prices"][0]["amount"] = "45.00"; },
         "/price_lists/0/prices/0/amount", "wrong_type"},
        {"fractional price", [](json& j) { j["price_lists"][0]["prices"][0]["amount"] = 45.5; },
         "/price_lists/0/prices/0/amount", "wrong_type"},
        {"missing seat number", [](json& j) { j["venues"][0]["plan"]["sections"][0]["rows"][0]["seats"][0].erase("number"); },
         "/venues/0/plan/sections/0/rows/0/seats/0/number", "missing_field"},
        {"unknown attribute", [](json& j) { j["venues"][0]["plan"]["sections"][0]["rows"][0]["seats"][0]["attributes"] = {"balcony"}; },
         "/venues/0/plan/sections/0/rows/0/seats/0/attributes/0", "invalid_value"},
        {"event of an unknown season", [](json& j) { j["events"][0]["season"] = "s99"; }, "/events/0/season", "unknown_reference"},
        {"instance of an unknown event", [](json& j) { j["instances"][1]["event"] = "hamlet"; }, "/instances/1/event", "unknown_reference"},
        {"instance with an unknown price list", [](json& j) { j["instances"][0]["price_list"] = "nope"; },
         "/instances/0/price_list", "unknown_reference"},
        {"bad start time", [](json& j) { j["instances"][0]["starts_at"] = "next tuesday"; }, "/instances/0/starts_at", "invalid_value"},
        {"unknown channel", [](json& j) { j["instances"][0]["on_sale"]["phone"] = "2026-11-01T10:00:00Z"; },
         "/instances/0/on_sale/phone", "invalid_value"},
        {"duplicate instance id", [](json& j) { j["instances"][1]["id"] = "macbeth-2"; }, "/instances/1/id", "duplicate_id"},
        {"duplicate band x ticket type", [](json& j) { j["price_lists"][0]["prices"][1]["ticket_type"] = "adult"; },
         "/price_lists/0/prices/1", "duplicate_id"},
        {"season ending before it starts", [](json& j) { j["seasons"][0]["ends"] = "2026-12-31"; }, "/seasons/0/ends", "out_of_range"},
        {"impossible date", [](json& j) { j["seasons"][0]["starts"] = "2027-02-30"; }, "/seasons/0/starts", "invalid_value"},
        {"bad colour", [](json& j) { j["price_bands"][0]["color"] = "red"; }, "/price_bands/0/color", "invalid_value"},
        {"bad currency", [](json& j) { j["currency"] = "pounds"; }, "/currency", "invalid_value"},
        {"wrong format version", [](json& j) { j["format"] = 2; }, "/format", "invalid_value"},
        {"empty id", [](json& j) { j["ticket_types"][0]["id"] = ""; }, "/ticket_types/0/id", "invalid_value"},
        {"venues not an array", [](json& j) { j["venues"] = json::object(); }, "/venues", "wrong_type"},
        {"seat not an object", [](json& j) { j["venues"][0]["plan"]["sections"][0]["rows"][0]["seats"][2] = 7; },
         "/venues/0/plan/sections/0/rows/0/seats/2", "wrong_type"},
        {"zero-width plan", [](json& j) { j["venues"][0]["plan"]["width"] = 0; }, "/venues/0/plan/width", "out_of_range"},
        {"missing events", [](json& j) { j.erase("events"); }, "/events", "missing_field"},
        {"id with a slash", [](json& j) { j["price_lists"][0]["prices"][0]["band"] = "A/B"; },
         "/price_lists/0/prices/0/band", "invalid_value"},
        {"id too long", [](json& j) { j["events"][0]["id"] = std::string(101, 'x'); }, "/events/0/id", "invalid_value"},
        {"id with a space", [](json& j) { j["instances"][0]["id"] = "macbeth 2"; }, "/instances/0/id", "invalid_value"},
    };
    for (const Case& c : cases) {
        json doc = small_catalog_json();
        c.mutate(doc);
        CatalogLoad load = load_catalog(doc);
        INFO(c.what << "\n" << describe(load.problems));
        CHECK_FALSE(load.catalog);
        CHECK(has_problem(load.problems, c.path, c.code));
        for (const Problem& p : load.problems) CHECK_FALSE(p.message.empty());
    }
}

TEST_CASE("several problems are all reported at once", "[catalog]") {
    json doc = small_catalog_json();
    doc["price_bands"][1]["color"] = "blue";
    doc["price_lists"][0]["prices"][0]["amount"] = -1;
    doc["instances"][0]["event"] = "nope";
    CatalogLoad load = load_catalog(doc);
    CHECK(load.problems.size() == 3);
}

TEST_CASE("malformed JSON text is a problem, not a crash", "[catalog]") {
    for (const char* text : {"", "{", "[1,2", "{\"format\": 1,}", "nul", "\xff\xfe", "{\"venues\": [}"}) {
        CAPTURE(text);
        CatalogLoad load = load_catalog(std::string_view(text));
        CHECK_FALSE(load.catalog);
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].code == "malformed_json");
    }
    CatalogLoad top_level_array = load_catalog(std::string_view("[]"));
    CHECK(has_problem(top_level_array.problems, "", "wrong_type"));
}

TEST_CASE("ids are URL-safe by rule", "[catalog]") {
    for (const char* good : {"a", "macbeth-2027-01-12-e", "ST-A-1", "v1.2_x", "Z"}) CHECK(is_valid_id(good));
    for (const char* bad : {"", "a b", "a/b", "caf\xc3\xa9", "a?b", "%2e", "a\n"}) CHECK_FALSE(is_valid_id(bad));
    CHECK(is_valid_id(std::string(100, 'x')));
    CHECK_FALSE(is_valid_id(std::string(101, 'x')));
}

TEST_CASE("random damage to a catalog never crashes the loader", "[catalog][property]") {
    const std::string text = small_catalog_json().dump();
    std::mt19937 rng(20261121);
    const std::string junk = "{}[],:\"0123456789-.eE truefalsenull\\/x";
    int loaded = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string damaged = text;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % damaged.size();
            switch (rng() % 3) {
                case 0: damaged[at] = junk[rng() % junk.size()]; break;
                case 1: damaged.erase(at, 1 + rng() % 8); break;
                default: damaged.insert(at, 1, junk[rng() % junk.size()]); break;
            }
            if (damaged.empty()) damaged = "{";
        }
        CatalogLoad load = load_catalog(std::string_view(damaged));
        REQUIRE((load.catalog.has_value() != !load.problems.empty()));
        if (load.catalog) ++loaded;
    }
    CHECK(loaded < 3000);
}
