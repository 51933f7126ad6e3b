// Fixed series pricing: the five-event package and the two-play series of the fixed-series document,
// and every reason a series line can be refused.
#include <catch2/catch.hpp>

#include "pricing_support.hpp"

using namespace test;
using encore::PricedBasket;

TEST_CASE("five-event package: weekday 4 for 120, 5 for 125; weekend 4 for 160, 5 for 150", "[pricing][series]") {
    const encore::Catalog c = fixture();
    struct Row { const char* group; std::vector<const char*> plays; std::int64_t total; const char* column; const char* list; };
    const Row rows[] = {
        {"mon", {"macbeth", "hamlet", "lear", "tempest"}, 12000, "4", "fs-30"},
        {"mon", {"macbeth", "hamlet", "lear", "tempest", "othello"}, 12500, "5", "fs-25"},
        {"sat", {"macbeth", "hamlet", "lear", "othello"}, 16000, "4", "fs-40"},
        {"sat", {"macbeth", "hamlet", "lear", "tempest", "othello"}, 15000, "5", "fs-30"},
    };
    for (const Row& r : rows) {
        json instances = json::array();
        for (const char* play : r.plays) instances.push_back(std::string(play) + "-" + r.group);
        for (const char* seat : {"A1", "B2"}) {  // the series price lists price both bands alike
            CAPTURE(r.group, r.plays.size(), seat);
            PricedBasket b = price(c, basket({series("five", r.group, seat, instances)}));
            INFO(problems_text(b));
            REQUIRE(b.valid);
            CHECK(b.total == r.total);
            REQUIRE(b.lines[0].items.size() == r.plays.size());
            for (const auto& item : b.lines[0].items) {
                CHECK(item.pricing_column == r.column);
                CHECK(item.price_list.value == r.list);
                CHECK(item.seat.value == seat);
                CHECK(item.explanation.find("series price list") != std::string::npos);
            }
        }
    }
}

TEST_CASE("a whole group is booked when no instances are chosen", "[pricing][series]") {
    PricedBasket b = price(fixture(), basket({series("five", "sat", "A3")}));
    REQUIRE(b.valid);
    CHECK(b.total == 15000);
    CHECK(b.lines[0].items.size() == 5);
}

TEST_CASE("two-play series: all the discount can come off one play", "[pricing][series]") {
    const encore::Catalog c = fixture();
    struct Row { const char* group; const char* seat; std::int64_t macbeth, hamlet; };
    const Row rows[] = {{"even", "A1", 1500, 1500}, {"split", "A1", 1000, 2000},
                        {"even", "B1", 1000, 1000}, {"split", "B1", 500, 1500}};
    for (const Row& r : rows) {
        CAPTURE(r.group, r.seat);
        PricedBasket b = price(c, basket({series("two-plays", r.group, r.seat)}));
        INFO(problems_text(b));
        REQUIRE(b.valid);
        REQUIRE(b.lines[0].items.size() == 2);
        CHECK(b.lines[0].items[0].instance.value == "macbeth-mon");
        CHECK(b.lines[0].items[0].price == r.macbeth);
        CHECK(b.lines[0].items[1].price == r.hamlet);
        CHECK(b.total == r.macbeth + r.hamlet);
    }
}

TEST_CASE("series lines are refused with a precise reason", "[pricing][series]") {
    const encore::Catalog c = fixture();
    struct Row { const char* what; json lines; int line; const char* code; };
    const std::vector<Row> rows = {
        {"too few events", json::array({series("five", "mon", "A1", {"macbeth-mon", "hamlet-mon", "lear-mon"})}), 0, "series_event_count"},
        {"a ticket type the series does not allow",
         json::array({[] { json l = series("five", "mon", "A1"); l["ticket_type"] = "child"; return l; }()}), 0, "series_ticket_type"},
        {"more seats than allowed", json::array({series("five", "mon", "A1"), series("five", "mon", "A2"), series("five", "mon", "A3")}),
         2, "series_too_many_seats"},
        {"an instance of another group", json::array({series("five", "mon", "A1", {"macbeth-sat", "hamlet-mon", "lear-mon", "tempest-mon"})}),
         0, "series_instance_not_in_group"},
        {"a seat that is not in the plan", json::array({series("five", "mon", "Z9")}), 0, "unknown_seat"},
        {"an unknown group", json::array({series("five", "wed", "A1")}), 0, "unknown_series_group"},
        {"an unknown series", json::array({series("six", "mon", "A1")}), 0, "unknown_series"},
        {"the same seat twice", json::array({series("five", "mon", "A1"), ticket("macbeth-mon", "A1")}), 1, "duplicate_seat"},
        {"a locked seat", json::array({series("five", "mon", "A6")}), 0, "locked_seat"},
        {"the wrong band", json::array({[] { json l = series("five", "mon", "A1"); l["band"] = "B"; return l; }()}), 0, "series_band_mismatch"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        PricedBasket b = price(c, basket(r.lines));
        INFO(problems_text(b));
        CHECK_FALSE(b.valid);
        CHECK(has_problem(b, r.line, r.code));
        CHECK(b.total == 0);
        CHECK(b.lines.empty());
    }
}

TEST_CASE("a series concession uses the concession price of the series list", "[pricing][series]") {
    json line = series("five", "mon", "A1");
    line["ticket_type"] = "concession";
    PricedBasket b = price(fixture(), basket({line}));
    REQUIRE(b.valid);
    CHECK(b.total == 5 * 2000);
}

TEST_CASE("a series not yet on sale, or not active on a channel, is refused", "[pricing][series]") {
    const encore::Catalog later = fixture([](json& j) { j["fixed_series"][0]["on_sale"]["box_office"] = "2027-01-01T09:00:00Z"; });
    CHECK(has_problem(price(later, basket({series("five", "mon", "A1")})), 0, "series_not_on_sale_yet"));
    const encore::Catalog web_only = fixture([](json& j) { j["fixed_series"][0]["active"] = {"web"}; });
    CHECK(has_problem(price(web_only, basket({series("five", "mon", "A1")})), 0, "series_not_on_sale"));
    CHECK(price(web_only, basket({series("five", "mon", "A1")}, "web")).valid);
}

TEST_CASE("a series booked by price band first refuses a line without a band, or with another band", "[pricing][series]") {
    const encore::Catalog c = fixture([](json& j) { j["fixed_series"][0]["choose_band_first"] = true; });
    PricedBasket none = price(c, basket({series("five", "mon", "A1")}));
    REQUIRE(has_problem(none, 0, "series_band_required"));
    CHECK(none.problems[0].message == "5 Event Package is booked by price band: choose a band before a seat");
    struct Row { const char* band; const char* seat; bool valid; };
    for (const Row& r : {Row{"A", "A1", true}, Row{"B", "B2", true}, Row{"B", "A1", false}, Row{"Z", "A1", false}}) {
        CAPTURE(r.band, r.seat);
        json line = series("five", "mon", r.seat);
        line["band"] = r.band;
        PricedBasket b = price(c, basket({line}));
        CHECK(b.valid == r.valid);
        if (!r.valid) CHECK(has_problem(b, 0, "series_band_mismatch"));
    }
    CHECK(price(fixture(), basket({series("five", "mon", "A1")})).valid);  // without the setting, no band is needed
}

namespace {
// The five-event package with its weekday set reduced to a 5-event column and a default column.
encore::Catalog with_default_column(const char* default_list = "fs-30") {
    return fixture([&](json& j) {
        j["fixed_series"][0]["pricing_sets"][0]["columns"] = {{{"events", "5"}, {"price_list", "fs-25"}},
                                                              {{"events", "default"}, {"price_list", default_list}}};
    });
}
}  // namespace

TEST_CASE("a pricing set's default column prices any number of events no other column matches", "[pricing][series]") {
    const encore::Catalog c = with_default_column();
    struct Row { std::vector<const char*> plays; std::int64_t total; const char* column; const char* words; };
    const Row rows[] = {
        {{"macbeth", "hamlet", "lear", "tempest"}, 4 * 3000, "default", "(Weekday Pricing, default column)"},
        {{"macbeth", "hamlet", "lear", "tempest", "othello"}, 5 * 2500, "5", "(Weekday Pricing, 5 events)"},
    };
    for (const Row& r : rows) {
        json instances = json::array();
        for (const char* play : r.plays) instances.push_back(std::string(play) + "-mon");
        PricedBasket b = price(c, basket({series("five", "mon", "A1", instances)}));
        INFO(problems_text(b));
        REQUIRE(b.valid);
        CHECK(b.total == r.total);
        CHECK(b.lines[0].items[0].pricing_column == r.column);
        CHECK(b.lines[0].items[0].explanation.find(r.words) != std::string::npos);
    }
    // The column for a number of events is the first one matching it, wherever the default column stands.
    const encore::Catalog first = fixture([](json& j) {
        j["fixed_series"][0]["pricing_sets"][0]["columns"] = {{{"events", "default"}, {"price_list", "fs-40"}},
                                                              {{"events", "4"}, {"price_list", "fs-30"}}};
    });
    CHECK(price(first, basket({series("five", "mon", "A1", {"macbeth-mon", "hamlet-mon", "lear-mon", "tempest-mon"})})).total == 12000);
    CHECK(price(first, basket({series("five", "mon", "A1")})).total == 20000);
}

TEST_CASE("the default column is written \"default\", at most once per pricing set, and round-trips", "[catalog][series]") {
    const encore::Catalog c = with_default_column();
    const encore::PricingColumn& column = c.fixed_series[0].pricing_sets[0].columns[1];
    CHECK(column.is_default);
    CHECK(column.events.text == "default");
    encore::CatalogLoad again = encore::load_catalog(encore::catalog_to_json(c));
    REQUIRE(again.catalog);
    CHECK(again.catalog->fixed_series[0].pricing_sets[0].columns[1].is_default);
    CHECK_FALSE(again.catalog->fixed_series[0].pricing_sets[0].columns[0].is_default);

    json doc = fixture_json();
    doc["fixed_series"][0]["pricing_sets"][0]["columns"] = {{{"events", "default"}, {"price_list", "fs-25"}},
                                                            {{"events", "default"}, {"price_list", "fs-30"}},
                                                            {{"events", "defaults"}, {"price_list", "fs-30"}}};
    encore::CatalogLoad load = encore::load_catalog(doc);
    REQUIRE_FALSE(load.catalog);
    REQUIRE(load.problems.size() == 2);
    CHECK(load.problems[0] == encore::Problem{"/fixed_series/0/pricing_sets/0/columns/1/events", "invalid_value",
                                              "a pricing set has at most one default column"});
    CHECK(load.problems[1].path == "/fixed_series/0/pricing_sets/0/columns/2/events");
    CHECK(load.problems[1].message.find("\"default\"") != std::string::npos);
}

TEST_CASE("a series line shows its column and the saving against the same tickets bought singly", "[pricing][series]") {
    const encore::Catalog c = fixture();
    struct Row { const char* what; json line; const char* column; const char* label; std::optional<std::int64_t> singles; std::int64_t saving; };
    json concession = series("five", "mon", "A1");
    concession["ticket_type"] = "concession";
    const std::vector<Row> rows = {
        {"5 weekday plays in band A", series("five", "mon", "A1"), "5", "5 events: \xC2\xA3" "25.00 each", 5 * 5000, 5 * 5000 - 5 * 2500},
        {"4 weekend plays in band B cost more than singly", series("five", "sat", "B2", {"macbeth-sat", "hamlet-sat", "lear-sat", "othello-sat"}),
         "4", "4 events: \xC2\xA3" "40.00 each", 4 * 3500, 4 * 3500 - 4 * 4000},
        {"concessions against single concessions", concession, "5", "5 events: \xC2\xA3" "20.00 each", 5 * 4000, 5 * 4000 - 5 * 2000},
        {"different prices per play", series("two-plays", "split", "A1"), "2", "2 events: \xC2\xA3" "30.00", 2 * 5000, 2 * 5000 - 3000},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        PricedBasket b = price(c, basket({r.line, ticket("concert-1", "A1")}));
        INFO(problems_text(b));
        REQUIRE(b.valid);
        REQUIRE(b.lines[0].series);
        const encore::SeriesLineSummary& s = *b.lines[0].series;
        CHECK(s.column == r.column);
        CHECK(s.column_label == r.label);
        CHECK(s.events == static_cast<int>(b.lines[0].items.size()));
        CHECK(s.singles_total == r.singles);
        CHECK(s.saving == r.saving);
        CHECK_FALSE(b.lines[1].series);
    }
}

TEST_CASE("a series saving is unknown when a ticket type is not sold singly", "[pricing][series]") {
    const encore::Catalog c = fixture([](json& j) {
        json& prices = j["price_lists"][0]["prices"];
        for (std::size_t i = prices.size(); i-- > 0;)
            if (prices[i]["ticket_type"] == "concession") prices.erase(i);
    });
    json line = series("five", "mon", "A1");
    line["ticket_type"] = "concession";
    PricedBasket b = price(c, basket({line}));
    REQUIRE(b.valid);
    REQUIRE(b.lines[0].series);
    CHECK_FALSE(b.lines[0].series->singles_total);
    CHECK(b.lines[0].series->saving == 0);
    const json out = encore::priced_basket_to_json(b);
    CHECK(out["lines"][0]["series"] == json{{"pricing_set", "weekday"}, {"column", "5"}, {"column_label", "5 events: \xC2\xA3" "20.00 each"}, {"events", 5}});
}

TEST_CASE("the series summary in the priced basket's JSON", "[pricing][series][json]") {
    const json out = encore::priced_basket_to_json(price(fixture(), basket({series("five", "mon", "A1"), ticket("concert-1", "A1")})));
    CHECK(out["lines"][0]["series"] == json{{"pricing_set", "weekday"}, {"column", "5"}, {"column_label", "5 events: \xC2\xA3" "25.00 each"},
                                            {"events", 5}, {"singles_total", 25000}, {"saving", 12500},
                                            {"saving_text", "\xC2\xA3" "125.00"}});
    CHECK_FALSE(out["lines"][1].contains("series"));
}
