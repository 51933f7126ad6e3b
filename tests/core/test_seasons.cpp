// Seasons in time (opening and closing instants, status), a package's season, and the catalog rules
// of the renewal setup: shell packages, renewal dates in order, renews_into of the right kind.
#include <catch2/catch.hpp>

#include "encore/seasons.hpp"
#include "renewals_support.hpp"

using namespace encore;
using rtest::at;
using rtest::json;

namespace {
bool has_problem(const Problems& problems, const std::string& path, const std::string& code) {
    for (const Problem& p : problems)
        if (p.path == path && p.code == code) return true;
    return false;
}
}  // namespace

TEST_CASE("a season opens at local midnight of its first day and closes at local midnight after its last", "[renewals][seasons]") {
    struct Row { int offset; const char* now; SeasonStatus status; };
    const Row rows[] = {
        {0, "2026-12-31T23:59:59Z", SeasonStatus::upcoming},
        {0, "2027-01-01T00:00:00Z", SeasonStatus::active},
        {0, "2027-06-30T23:59:59Z", SeasonStatus::active},
        {0, "2027-07-01T00:00:00Z", SeasonStatus::ended},
        {60, "2026-12-31T22:59:59Z", SeasonStatus::upcoming},  // +01:00: opens 2026-12-31T23:00Z
        {60, "2026-12-31T23:00:00Z", SeasonStatus::active},
        {60, "2027-06-30T22:59:59Z", SeasonStatus::active},    // closes 2027-06-30T23:00Z
        {60, "2027-06-30T23:00:00Z", SeasonStatus::ended},
        {-300, "2027-07-01T04:59:59Z", SeasonStatus::active},  // -05:00: closes 2027-07-01T05:00Z
        {-300, "2027-07-01T05:00:00Z", SeasonStatus::ended},
    };
    for (const Row& r : rows) {
        CAPTURE(r.offset, r.now);
        Season s{SeasonId{"s27"}, "Season 2027", {2027, 1, 1}, {2027, 6, 30}, r.offset};
        CHECK(season_status(s, at(r.now)) == r.status);
    }
    CHECK(std::string(season_status_name(SeasonStatus::upcoming)) == "upcoming");
}

TEST_CASE("utc_offset is read, written back and checked", "[renewals][seasons]") {
    const Catalog c = rtest::catalog([](json& j) { j["seasons"][1]["utc_offset"] = "+01:00"; });
    CHECK(c.find_season(SeasonId{"s27"})->utc_offset_minutes == 60);
    const json back = catalog_to_json(c);
    CHECK(back["seasons"][1]["utc_offset"] == "+01:00");
    CHECK_FALSE(back["seasons"][0].contains("utc_offset"));
    json bad = rtest::catalog_json();
    bad["seasons"][0]["utc_offset"] = "BST";
    CHECK(has_problem(load_catalog(bad).problems, "/seasons/0/utc_offset", "invalid_value"));
}

TEST_CASE("a package's season is its own, else the last-closing season of its events", "[renewals][seasons]") {
    const Catalog c = rtest::catalog([](json& j) { j["fixed_series"][1].erase("season"); });
    CHECK(series_season(c, *c.find_series(ProductId{"sub27"}))->id.value == "s27");  // derived from play27a/b
    CHECK(series_season(c, *c.find_series(ProductId{"sub28"}))->id.value == "s28");  // its own
    CHECK(series_season(c, *c.find_series(ProductId{"shell26"}))->id.value == "s26");
    CHECK(first_performance(c, *c.find_series(ProductId{"sub28"})) == at("2028-02-01T19:30:00Z"));
    CHECK_FALSE(first_performance(c, *c.find_series(ProductId{"shell26"})));
}

TEST_CASE("the fixture's new fields load and survive a round trip", "[renewals][catalog]") {
    const Catalog c = rtest::catalog();
    const FixedSeries& shell = *c.find_series(ProductId{"shell26"});
    CHECK(shell.shell);
    CHECK(shell.groups.empty());
    const FixedSeries& next = *c.find_series(ProductId{"sub28"});
    REQUIRE(next.renewal);
    CHECK(next.renewal->starts == at("2027-03-01T09:00:00Z"));
    CHECK(next.renewal->auto_renew_starts == at("2027-03-01T09:00:00Z"));
    CHECK(next.renewal->locks == at("2027-05-01T00:00:00Z"));
    CHECK(c.find_pass(ProductId{"flex27"})->renews_into.value == "flex28");
    CHECK(c.find_pass(ProductId{"flex28"})->renews_into.empty());
    const CatalogLoad again = load_catalog(catalog_to_json(c));
    INFO(rtest::describe(again.problems));
    REQUIRE(again.catalog);
    CHECK(again.catalog->find_series(ProductId{"sub28"})->renewal->lapsed_ends == next.renewal->lapsed_ends);
    CHECK(again.catalog->find_series(ProductId{"shell26"})->shell);
    CHECK(again.catalog->find_series(ProductId{"sub27"})->season.value == "s27");
}

TEST_CASE("auto_renew_starts defaults to the renewal start", "[renewals][catalog]") {
    const Catalog c = rtest::catalog([](json& j) { j["fixed_series"][2]["renewal"].erase("auto_renew_starts"); });
    CHECK(c.find_series(ProductId{"sub28"})->renewal->auto_renew_starts == at("2027-03-01T09:00:00Z"));
}

TEST_CASE("every mistake in the renewal setup is reported with its path", "[renewals][catalog]") {
    struct Row { const char* what; std::function<void(json&)> change; const char* path; const char* code; };
    const auto renewal = [](const char* key, const char* value) {
        return [=](json& j) { j["fixed_series"][2]["renewal"][key] = value; };
    };
    const std::vector<Row> rows = {
        {"renewal ends before it starts", renewal("ends", "2027-02-01T00:00:00Z"), "/fixed_series/2/renewal/ends", "out_of_range"},
        {"renewal ends as it starts", renewal("ends", "2027-03-01T09:00:00Z"), "/fixed_series/2/renewal/ends", "out_of_range"},
        {"auto-renew before renewal start", renewal("auto_renew_starts", "2027-02-01T00:00:00Z"), "/fixed_series/2/renewal/auto_renew_starts", "out_of_range"},
        {"auto-renew at renewal end", renewal("auto_renew_starts", "2027-04-01T00:00:00Z"), "/fixed_series/2/renewal/auto_renew_starts", "out_of_range"},
        {"lapsed end before renewal end", renewal("lapsed_ends", "2027-03-15T00:00:00Z"), "/fixed_series/2/renewal/lapsed_ends", "out_of_range"},
        {"lock before lapsed end", renewal("locks", "2027-04-10T00:00:00Z"), "/fixed_series/2/renewal/locks", "out_of_range"},
        {"lock after the first performance", renewal("locks", "2028-02-02T00:00:00Z"), "/fixed_series/2/renewal/locks", "out_of_range"},
        {"a date that is not an instant", renewal("locks", "2027-05-01"), "/fixed_series/2/renewal/locks", "invalid_value"},
        {"a missing date", [](json& j) { j["fixed_series"][2]["renewal"].erase("lapsed_ends"); }, "/fixed_series/2/renewal/lapsed_ends", "missing_field"},
        {"renewal dates without a lineage", [](json& j) { j["fixed_series"][2].erase("lineage"); }, "/fixed_series/2/lineage", "missing_field"},
        {"an unknown season", [](json& j) { j["fixed_series"][1]["season"] = "s99"; }, "/fixed_series/1/season", "unknown_reference"},
        {"a performance outside the season", [](json& j) { j["fixed_series"][1]["season"] = "s28"; }, "/fixed_series/1/groups/0/instances/0", "out_of_range"},
        {"a shell without a season", [](json& j) { j["fixed_series"][0].erase("season"); }, "/fixed_series/0/season", "missing_field"},
        {"a shell without a lineage", [](json& j) { j["fixed_series"][0].erase("lineage"); }, "/fixed_series/0/lineage", "missing_field"},
        {"a shell with events", [](json& j) { j["fixed_series"][0]["events"] = json::array({"play27a"}); }, "/fixed_series/0/events", "invalid_value"},
        {"a shell renewed into", [](json& j) { j["fixed_series"][0]["renewal"] = j["fixed_series"][2]["renewal"]; }, "/fixed_series/0/renewal", "invalid_value"},
        {"a shell with groups", [](json& j) {
             j["fixed_series"][0]["pricing_sets"] = j["fixed_series"][1]["pricing_sets"];
             j["fixed_series"][0]["groups"] = j["fixed_series"][1]["groups"];
         }, "/fixed_series/0/groups", "invalid_value"},
        {"a pass renewing into a membership", [](json& j) { j["flex_passes"][0]["renews_into"] = "friends"; }, "/flex_passes/0/renews_into", "invalid_value"},
        {"a pass renewing into nothing known", [](json& j) { j["flex_passes"][0]["renews_into"] = "nope"; }, "/flex_passes/0/renews_into", "unknown_reference"},
        {"a membership renewing into a pass", [](json& j) { j["memberships"][0]["renews_into"] = "flex27"; }, "/memberships/0/renews_into", "invalid_value"},
        {"a sold package without groups", [](json& j) { j["fixed_series"][1].erase("groups"); }, "/fixed_series/1/groups", "missing_field"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        json doc = rtest::catalog_json();
        r.change(doc);
        const CatalogLoad load = load_catalog(doc);
        INFO(rtest::describe(load.problems));
        CHECK_FALSE(load.catalog);
        CHECK(has_problem(load.problems, r.path, r.code));
    }
}
