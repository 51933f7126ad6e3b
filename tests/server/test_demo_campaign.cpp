// The demo's renewal campaign: --demo-sales seeds a few hundred spring subscribers, and moving the admin
// clock through rollover, renewal start, renewal end, the lock date and season end shows every step.
#include <catch2/catch.hpp>

#include "renewals_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

json statuses(Campaign& c, const std::string& package) {
    const json campaign = body_json(c.get_as("/api/staff/renewals", c.admin));
    for (const json& p : campaign["packages"])
        if (p["package"] == package) return p["statuses"];
    return json::object();
}

}  // namespace

TEST_CASE("the demo's subscribers go through the renewal campaign as the clock moves", "[renewals][demo]") {
    Campaign c({"--demo-sales"}, demo_catalog_path());
    const json seeded = statuses(c, "five-play-package");
    REQUIRE(seeded["New"] >= 200);
    const int subscribers = seeded["New"];
    auto login = c.send("POST", "/api/auth/login", R"({"email":"subscriber1@encore.local","password":"encore-demo-subscriber"})");
    REQUIRE(login->status == 200);

    c.move_to("2027-01-12T09:00:00Z");  // spring is on: everyone is prompted to renew into autumn
    CHECK(statuses(c, "autumn-five-play-package")["Pending"] == subscribers);
    c.move_to("2027-02-01T11:00:00Z");  // renewal start: stored cards are charged
    const json after_cards = statuses(c, "autumn-five-play-package");
    CHECK(after_cards["Renewed"] > 0);
    CHECK(after_cards["Pending"] > 0);
    c.move_to("2027-03-02T09:00:00Z");  // renewal end
    CHECK(statuses(c, "autumn-five-play-package")["Lapsed"] == after_cards["Pending"]);
    c.move_to("2027-04-02T09:00:00Z");  // lock date: seats released (the house keeps a few)
    CHECK(statuses(c, "autumn-five-play-package")["NonRenewed"] == after_cards["Pending"]);
    c.move_to("2027-04-13T09:00:00Z");  // spring has ended
    const json ended = statuses(c, "autumn-five-play-package");
    CHECK(ended["Inactive"] == after_cards["Pending"]);
    CHECK(ended["Renewed"] == after_cards["Renewed"]);
    CHECK(body_json(c.get_as("/api/admin/house-holds", c.admin))["house_holds"].size() > 0);
}

TEST_CASE("the campaign's days: every record in its status at each day's end, and the key dates (staff only)", "[renewals][demo][staff]") {
    Campaign c({"--demo-sales"}, demo_catalog_path());
    c.wait_for_scheduler(campaign_start);  // its first pass at the start, so the jump below crosses the rollover's date
    const int subscribers = statuses(c, "five-play-package")["New"];
    c.move_to("2027-02-01T11:00:00Z");  // renewal start: stored cards are charged
    const json now = statuses(c, "autumn-five-play-package");

    const json campaign = body_json(c.get_as("/api/staff/renewals/days?package=autumn-five-play-package", c.admin));
    const json& days = campaign["days"];
    REQUIRE(days.size() == 8);  // a week before renewal opens, up to today
    CHECK(days.front()["day"] == "2027-01-25");
    CHECK(days.back()["day"] == "2027-02-01");
    CHECK(days.front()["statuses"]["Pending"] == subscribers);
    CHECK(days.back()["statuses"] == now);
    CHECK(days.back()["statuses"]["Renewed"] > 0);
    REQUIRE(campaign["key_dates"].size() >= 3);
    CHECK(campaign["key_dates"][0]["name"] == "Renewal opens");
    CHECK(campaign["key_dates"][0]["day"] == "2027-02-01");

    auto unknown = c.get_as("/api/staff/renewals/days?package=no-such-package", c.admin);
    REQUIRE(unknown->status == 422);
    CHECK(body_json(unknown)["field"] == "package");
    CHECK(c.get_as("/api/staff/renewals/days?package=five-play-package", c.admin)->status == 422);  // renews into nothing
    auto login = c.send("POST", "/api/auth/login", R"({"email":"subscriber1@encore.local","password":"encore-demo-subscriber"})");
    REQUIRE(login->status == 200);
    CHECK(c.get_as("/api/staff/renewals/days?package=autumn-five-play-package", body_json(login)["token"])->status == 403);
}
