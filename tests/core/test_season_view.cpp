// The season view: each product's on-sale status for a customer (general sale, priority windows that
// name products, not yet, not sold, no longer sold, sold out) and its plain-words summary; pricing
// refuses product lines by the same status.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "encore/season_view.hpp"
#include "pricing_support.hpp"

using namespace test;
using encore::SaleState;

namespace {

const json member = {{"memberships", {{{"membership", "friends"}, {"starts", "2026-10-01T00:00:00Z"}, {"ends", "2027-10-01T00:00:00Z"}}}}};
const json friends_line = {{"kind", "membership"}, {"membership", "friends"}};

// The fixture with a members' priority window for the five-event package, from 15 Oct 2026 online.
encore::Catalog with_series_priority() {
    return fixture([](json& j) {
        j["priority_windows"].push_back({{"id", "members-series"}, {"name", "Members book the package first"},
                                         {"who", {{"membership_active", "friends"}}}, {"products", {"five"}},
                                         {"opens_at", {{"web", "2026-10-15T10:00:00Z"}}}});
    });
}

encore::SaleStatus status(const encore::Catalog& c, const char* product, const json& customer, const char* now,
                          std::vector<json> lines = {}) {
    encore::Problems problems;
    const auto who = encore::customer_from_json(customer, problems);
    const auto b = encore::basket_from_json(basket(std::move(lines), "web"), problems);
    return encore::product_sale_status(c, encore::ProductId{product}, encore::Channel::web, encore::Entitlements(c, *who, *b, at(now)));
}

encore::SeasonView view(const encore::Catalog& c, const std::vector<encore::Availability>& availability = {},
                        const char* now = "2026-11-21T12:00:00Z") {
    return encore::season_view(c, encore::Channel::web, encore::Entitlements(c, {}, {}, at(now)), availability);
}

std::vector<std::string> texts(const std::vector<encore::Benefit>& benefits) {
    std::vector<std::string> out;
    for (const auto& b : benefits) out.push_back(b.text);
    return out;
}

encore::Catalog demo() {
    std::ifstream in(ENCORE_ASSETS_DIR "/demo/catalog.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return std::move(*encore::load_catalog(text.str()).catalog);
}

}  // namespace

TEST_CASE("a product's on-sale status for a customer", "[season][sale]") {
    const encore::Catalog c = fixture([](json& j) {
        j["fixed_series"][1]["active"] = {"box_office"};
        j["memberships"][0]["validity"] = {{"from", "2026-01-01"}, {"to", "2026-10-31"}};
    });
    struct Row { const char* product; const char* now; SaleState state; bool may_buy; const char* text; };
    const std::vector<Row> rows = {
        {"five", "2026-11-21T12:00:00Z", SaleState::on_sale, true, "On sale"},
        {"five", "2026-10-20T12:00:00Z", SaleState::not_yet, false, "On sale online from Sun 1 Nov 2026, 10:00 UTC"},
        {"two-plays", "2026-11-21T12:00:00Z", SaleState::off_sale, false, "Not sold online"},
        {"flex-late", "2027-04-29T12:00:00Z", SaleState::on_sale, true, "On sale"},
        {"flex-late", "2027-04-30T00:00:00Z", SaleState::closed, false, "No longer on sale"},
        {"friends", "2026-10-20T12:00:00Z", SaleState::on_sale, true, "On sale"},
        {"friends", "2026-11-01T00:00:00Z", SaleState::closed, false, "No longer on sale"},
        {"nothing", "2026-11-21T12:00:00Z", SaleState::off_sale, false, "Not sold online"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.product, r.now);
        const encore::SaleStatus s = status(c, r.product, json::object(), r.now);
        CHECK(encore::sale_state_name(s.state) == std::string(encore::sale_state_name(r.state)));
        CHECK(s.may_buy == r.may_buy);
        CHECK(s.text == r.text);
    }
}

TEST_CASE("priority booking for a product: who may book now, and when the rest may", "[season][sale][eligibility]") {
    const encore::Catalog c = with_series_priority();
    struct Row { const char* what; json customer; std::vector<json> lines; const char* now; SaleState state; bool may_buy; const char* who; const char* text; };
    const std::vector<Row> rows = {
        {"a stranger during the window", json::object(), {}, "2026-10-20T12:00:00Z", SaleState::priority, false, "members of the Friends Membership",
         "Priority booking for members of the Friends Membership; general sale from Sun 1 Nov 2026, 10:00 UTC"},
        {"a member during the window", member, {}, "2026-10-20T12:00:00Z", SaleState::priority, true, "members of the Friends Membership",
         "Priority booking for members of the Friends Membership: you can book now; general sale from Sun 1 Nov 2026, 10:00 UTC"},
        {"joining in the same basket", json::object(), {friends_line}, "2026-10-20T12:00:00Z", SaleState::priority, true,
         "members of the Friends Membership",
         "Priority booking for members of the Friends Membership: you can book now; general sale from Sun 1 Nov 2026, 10:00 UTC"},
        {"a stranger before the window", json::object(), {}, "2026-10-10T12:00:00Z", SaleState::not_yet, false, "members of the Friends Membership",
         "On sale online from Sun 1 Nov 2026, 10:00 UTC; priority booking for members of the Friends Membership from Thu 15 Oct 2026, 10:00 UTC"},
        {"a member before the window", member, {}, "2026-10-10T12:00:00Z", SaleState::not_yet, false, "members of the Friends Membership",
         "Priority booking for you from Thu 15 Oct 2026, 10:00 UTC; general sale from Sun 1 Nov 2026, 10:00 UTC"},
        {"anyone in general sale", json::object(), {}, "2026-11-01T10:00:00Z", SaleState::on_sale, true, "", "On sale"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        const encore::SaleStatus s = status(c, "five", r.customer, r.now, r.lines);
        CHECK(encore::sale_state_name(s.state) == std::string(encore::sale_state_name(r.state)));
        CHECK(s.may_buy == r.may_buy);
        CHECK(s.who == r.who);
        CHECK(s.text == r.text);
    }
    CHECK(status(c, "five", member, "2026-10-10T12:00:00Z").opens_at == at("2026-10-15T10:00:00Z"));
    CHECK(status(c, "five", json::object(), "2026-10-10T12:00:00Z").opens_at == at("2026-11-01T10:00:00Z"));
}

TEST_CASE("pricing sells a product by the same status: priority windows for products", "[season][sale][pricing]") {
    const encore::Catalog c = with_series_priority();
    const json line = series("five", "mon", "A1");
    const char* during = "2026-10-20T12:00:00Z";
    encore::PricedBasket stranger = price(c, basket({line}, "web"), json::object(), during);
    REQUIRE(has_problem(stranger, 0, "priority_window_closed"));
    CHECK(stranger.problems[0].message ==
          "5 Event Package is in priority booking for members of the Friends Membership until general sale opens Sun 1 Nov 2026, 10:00 UTC");
    CHECK(price(c, basket({line}, "web"), member, during).valid);
    CHECK(price(c, basket({friends_line, line}, "web"), json::object(), during).valid);
    encore::PricedBasket early = price(c, basket({line}, "web"), member, "2026-10-10T12:00:00Z");
    REQUIRE(has_problem(early, 0, "priority_window_not_open"));
    CHECK(early.problems[0].message == "priority booking for you opens Thu 15 Oct 2026, 10:00 UTC");
    CHECK(has_problem(price(c, basket({line}, "web"), json::object(), "2026-10-10T12:00:00Z"), 0, "series_not_on_sale_yet"));
    // A window that names products only does not open performances early.
    encore::Problems problems;
    const encore::Entitlements who(c, *encore::customer_from_json(member, problems), {}, at(during));
    CHECK(encore::check_on_sale(c, *c.find_instance(encore::InstanceId{"macbeth-mon"}), encore::Channel::web, who).code == "not_on_sale_yet");
    // Passes and memberships keep their own refusals.
    const encore::Catalog later = fixture([](json& j) { j["flex_passes"][0]["on_sale"] = {{"web", "2026-12-01T10:00:00Z"}}; });
    encore::PricedBasket pass_later = price(later, basket({{{"kind", "pass"}, {"pass", "flex-5"}}}, "web"));
    REQUIRE(has_problem(pass_later, 0, "product_not_on_sale_yet"));
    CHECK(pass_later.problems[0].message == "Flex 5 Pass goes on sale Tue 1 Dec 2026, 10:00 UTC");
    CHECK(has_problem(price(c, basket({{{"kind", "pass"}, {"pass", "flex-late"}}}, "web"), json::object(), "2027-05-01T00:00:00Z"), 0,
                      "pass_outside_window"));
}

TEST_CASE("priority windows may name products; the loader checks them", "[season][catalog]") {
    const encore::Catalog c = with_series_priority();
    CHECK(c.priority_windows[1].products == std::vector<encore::ProductId>{encore::ProductId{"five"}});
    CHECK_FALSE(c.priority_windows[1].covers_event(encore::EventId{"macbeth"}));
    CHECK(c.priority_windows[0].covers_event(encore::EventId{"earnest"}));
    encore::CatalogLoad again = encore::load_catalog(encore::catalog_to_json(c));
    REQUIRE(again.catalog);
    CHECK(again.catalog->priority_windows[1].products.size() == 1);
    CHECK_FALSE(encore::catalog_to_json(fixture())["priority_windows"][0].contains("products"));
    json doc = fixture_json();
    doc["priority_windows"][0]["products"] = {"nope"};
    encore::CatalogLoad bad = encore::load_catalog(doc);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].path == "/priority_windows/0/products/0");
    CHECK(bad.problems[0].code == "unknown_reference");
}

TEST_CASE("the season view describes each series: groups, performances, columns, from a show", "[season]") {
    const encore::SeasonView v = view(fixture());
    REQUIRE(v.series.size() == 2);
    const encore::SeriesView& five = v.series[0];
    CHECK(five.name == "5 Event Package");
    CHECK(five.events_text == "4 or 5 of 5 events");
    CHECK(five.from_per_show == 2500);
    CHECK(five.from_text == "from \xC2\xA3" "25.00 a show");
    REQUIRE(five.groups.size() == 2);
    CHECK(five.groups[0].name == "Monday evenings");
    CHECK(five.groups[0].performances.size() == 5);
    CHECK(five.groups[0].performances[0] == "Macbeth, Mon 11 Jan 2027, 19:30");
    CHECK(five.groups[0].columns == std::vector<std::string>{"4 events: \xC2\xA3" "30.00 each", "5 events: \xC2\xA3" "25.00 each"});
    CHECK(five.groups[1].columns == std::vector<std::string>{"4 events: \xC2\xA3" "40.00 each", "5 events: \xC2\xA3" "30.00 each"});
    CHECK(five.groups[1].from_per_show == 3000);
    CHECK(five.sale.state == SaleState::on_sale);
    const encore::SeriesView& two = v.series[1];
    CHECK(two.events_text == "2 of 2 events");
    CHECK(two.groups[1].columns == std::vector<std::string>{"2 events: from \xC2\xA3" "5.00 each"});
    CHECK(two.from_per_show == 500);
    // A default column is described by the numbers of events it prices.
    const encore::Catalog with_default = fixture([](json& j) {
        j["fixed_series"][0]["pricing_sets"][0]["columns"] = {{{"events", "5"}, {"price_list", "fs-25"}},
                                                              {{"events", "default"}, {"price_list", "fs-30"}}};
    });
    CHECK(view(with_default).series[0].groups[0].columns ==
          std::vector<std::string>{"5 events: \xC2\xA3" "25.00 each", "4 events: \xC2\xA3" "30.00 each"});
}

TEST_CASE("a series is sold out when no seat is free at enough performances of any group", "[season][composite]") {
    const encore::Catalog c = fixture();
    auto states = [&](const char* group, const char* most, const char* last) {
        std::vector<encore::Availability> out;
        const encore::SeriesGroup& g = *c.fixed_series[0].find_group(encore::SeriesGroupId{group});
        for (std::size_t i = 0; i < g.instances.size(); ++i)
            out.push_back({g.instances[i], 0, *encore::decode_seat_states(i + 1 < g.instances.size() ? most : last, 10)});
        return out;
    };
    auto both = [](std::vector<encore::Availability> a, const std::vector<encore::Availability>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    const char* full = "ssssssssss";
    // Monday: A1 free at 4 of 5 (enough for a 4-event booking); Saturday: nothing anywhere.
    encore::SeasonView v = view(c, both(states("mon", "osssssssss", full), states("sat", full, full)));
    CHECK_FALSE(v.series[0].groups[0].sold_out);
    CHECK(v.series[0].groups[1].sold_out);
    CHECK(v.series[0].sale.state == SaleState::on_sale);
    // Monday: A1 free at 3 of 5 only.
    auto three = states("mon", "osssssssss", full);
    three[0].seats[0] = encore::SeatState::held;
    v = view(c, both(three, states("sat", full, full)));
    CHECK(v.series[0].groups[0].sold_out);
    CHECK(v.series[0].sale.state == SaleState::sold_out);
    CHECK_FALSE(v.series[0].sale.may_buy);
    CHECK(v.series[0].sale.text == "Sold out");
    // Without the states of every performance, nothing is said to be sold out.
    v = view(c, three);
    CHECK_FALSE(v.series[0].groups[1].sold_out);
    CHECK(v.series[0].sale.state == SaleState::on_sale);
}

TEST_CASE("the season view describes passes and memberships in plain words", "[season]") {
    const encore::SeasonView v = view(fixture());
    REQUIRE(v.passes.size() == 3);
    const encore::PassView& flex = v.passes[0];
    CHECK(flex.price_text == "\xC2\xA3" "120.00");
    CHECK(flex.allowance_text == "5 tickets");
    REQUIRE(flex.covers.size() == 6);
    CHECK(flex.covers[0].what == "Macbeth");
    CHECK(flex.covers[0].discount == "free");
    CHECK(flex.covers[5].what == "Sunday Concert");
    CHECK(flex.covers[5].discount == "50% off");
    CHECK(flex.conditions == std::vector<std::string>{"1 ticket per performance", "one date of each event"});
    CHECK(flex.window_text == "for performances from 1 Nov 2026 to 19 May 2027");
    CHECK(texts(flex.benefits) == std::vector<std::string>{"No booking fee"});
    CHECK(flex.sale.state == SaleState::on_sale);
    const encore::PassView& repeat = v.passes[1];
    CHECK(repeat.covers[0].discount == "\xC2\xA3" "15.00 a ticket");
    CHECK(repeat.conditions == std::vector<std::string>{"1 ticket per performance", "up to 3 tickets for each event"});
    CHECK(texts(repeat.benefits).empty());

    REQUIRE(v.memberships.size() == 1);
    const encore::MembershipView& friends = v.memberships[0];
    CHECK(friends.price_text == "\xC2\xA3" "60.00");
    CHECK(friends.validity_text == "12 months from the day you join");
    CHECK(texts(friends.benefits) ==
          std::vector<std::string>{"Members' priority booking: book The Importance of Being Earnest online from Tue 1 Dec 2026, 10:00 UTC",
                                   "Seats in the Members' block (1 seat)"});
    CHECK(friends.benefits[1].kind == encore::Benefit::Kind::seat_lock);
}

TEST_CASE("benefits come from the criteria a product meets alone", "[season][eligibility]") {
    const encore::Catalog c = fixture([](json& j) {
        j["offers"] = {{{"id", "subs"}, {"name", "Subscribers save 20%"}, {"kind", "percent_off"}, {"percent", 20}, {"who", {{"series_subscriber", "five"}}}},
                       {{"id", "staff"}, {"name", "Staff members"}, {"kind", "percent_off"}, {"percent", 50},
                        {"who", {{"all", {{{"tag", "staff"}}, {{"membership_active", ""}}}}}}},
                       {{"id", "all"}, {"name", "Everyone"}, {"kind", "amount_off"}, {"amount", 100}, {"who", {{"always", true}}}},
                       {{"id", "box"}, {"name", "Box office members"}, {"kind", "amount_off"}, {"amount", 100}, {"channels", {"box_office"}},
                        {"who", {{"holds", "friends"}}}}};
        j["fees"].push_back({{"id", "order"}, {"name", "order fee"}, {"per", "order"}, {"kind", "fixed"}, {"amount", 100},
                             {"waived_for", {{"not", {{"holds", "friends"}}}}}});
    });
    const encore::Instant now = at("2026-11-21T12:00:00Z");
    CHECK(texts(encore::product_benefits(c, encore::ProductId{"five"}, encore::Channel::web, now)) ==
          std::vector<std::string>{"Subscribers save 20%"});
    // Not for members alone (staff too), not for everyone, not on this channel, not for lacking it.
    CHECK(texts(encore::product_benefits(c, encore::ProductId{"friends"}, encore::Channel::web, now)).size() == 2);
    CHECK(texts(encore::product_benefits(c, encore::ProductId{"friends"}, encore::Channel::box_office, now)).back() == "Box office members");
    CHECK(encore::product_benefits(c, encore::ProductId{"nope"}, encore::Channel::web, now).empty());
}

TEST_CASE("the demo's season view", "[season][demo]") {
    const encore::Catalog c = demo();
    const encore::SeasonView v = view(c);
    REQUIRE(v.series.size() == 2);  // spring's package and autumn's, which spring subscribers renew into
    CHECK(v.series[0].from_text == "from \xC2\xA3" "25.00 a show");
    CHECK(v.series[0].groups[0].columns == std::vector<std::string>{"4 events: \xC2\xA3" "30.00 each", "5 events: \xC2\xA3" "25.00 each"});
    CHECK(texts(v.series[0].benefits) == std::vector<std::string>{"Subscribers' extra tickets at \xC2\xA3" "20"});
    REQUIRE(v.passes.size() == 2);  // the spring pass and the autumn pass it renews into
    CHECK(v.passes[0].allowance_text == "4 tickets");
    CHECK(v.passes[0].conditions.front() == "Adult or Concession (65+ / student) tickets");
    CHECK(texts(v.passes[0].benefits) == std::vector<std::string>{"No booking fee"});
    REQUIRE(v.memberships.size() == 1);
    CHECK(texts(v.memberships[0].benefits) ==
          std::vector<std::string>{"Friends' priority booking: book The Importance of Being Earnest online from Tue 1 Dec 2026, 10:00 UTC",
                                   "Seats in the Friends' Block (10 seats)", "No booking fee", "Friends save 10%"});
    CHECK(v.series[0].sale.state == SaleState::on_sale);
    CHECK(v.series[1].sale.state == SaleState::not_yet);  // on general sale after the spring campaign's lock date
    CHECK(v.passes[1].sale.state == SaleState::not_yet);
}
