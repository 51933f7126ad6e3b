// "What's on" search and date filter.
#include <catch2/catch.hpp>

#include "encore/catalog_json.hpp"
#include "logic/event_filter.hpp"
#include "web_client_fixture.hpp"

namespace {

encore::Catalog season() {
    nlohmann::json c = webtest::small_catalog();
    c["events"][0]["description"] = "Shakespeare's Scottish play.";
    c["instances"].push_back({{"id", "hamlet-late"}, {"event", "hamlet"}, {"starts_at", "2027-03-03T23:30:00-02:00"},
                              {"on_sale", {{"web", "2027-02-01T10:00:00Z"}}}});  // 4 Mar in UTC, 3 Mar at the venue
    encore::CatalogLoad load = encore::load_catalog(c);
    REQUIRE(load.catalog);
    return *load.catalog;
}

std::vector<std::string> ids(const std::vector<const encore::Event*>& events) {
    std::vector<std::string> out;
    for (const encore::Event* e : events) out.push_back(e->id.value);
    return out;
}

}  // namespace

TEST_CASE("search words match the name or description in any case, each word somewhere", "[filter]") {
    const encore::Catalog c = season();
    using V = std::vector<std::string>;
    const std::pair<const char*, V> rows[] = {
        {"", {"macbeth", "hamlet"}},      {"  ", {"macbeth", "hamlet"}}, {"hamlet", {"hamlet"}},
        {"HAM", {"hamlet"}},              {"scottish", {"macbeth"}},      {"scottish play", {"macbeth"}},
        {"scottish hamlet", {}},          {"zzz", {}},
    };
    for (const auto& [text, expected] : rows) {
        CAPTURE(text);
        CHECK(ids(web::matching_events(c, {text, "", ""})) == expected);
    }
}

TEST_CASE("dates keep performances on the venue's local days from..to, both included", "[filter]") {
    const encore::Catalog c = season();
    const encore::Event& macbeth = *c.find_event(encore::EventId{"macbeth"});
    auto perfs = [&](const encore::Event& e, const char* from, const char* to) {
        std::vector<std::string> out;
        for (const encore::Instance* i : web::matching_performances(c, e, {"", from, to})) out.push_back(i->id.value);
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(perfs(macbeth, "", "") == V{"macbeth-1", "macbeth-2"});
    CHECK(perfs(macbeth, "2027-01-12", "2027-01-12") == V{"macbeth-1"});
    CHECK(perfs(macbeth, "2027-01-13", "") == V{"macbeth-2"});
    CHECK(perfs(macbeth, "", "2027-01-15") == V{"macbeth-1"});
    CHECK(perfs(macbeth, "2027-02-01", "") == V{});
    CHECK(perfs(macbeth, "not a date", "") == V{"macbeth-1", "macbeth-2"});
    const encore::Event& hamlet = *c.find_event(encore::EventId{"hamlet"});
    CHECK(perfs(hamlet, "2027-03-03", "2027-03-03") == V{"hamlet-late"});  // the venue's day, not UTC's
    CHECK(ids(web::matching_events(c, {"", "2027-03-01", ""})) == V{"hamlet"});
    CHECK(web::filter_summary(c, {"", "2027-03-01", ""}) == "1 of 2 events");
    CHECK(web::filter_summary(c, {}) == "");
}
