// What the web page reads to sell seasons: a series group's seats in one answer (with its changes),
// offers' remaining counts, the server clock, and the account's orders and subscriptions with their
// performances; and a series hold judged with the band chosen first.
#include <catch2/catch.hpp>

#include "encore/catalog_json.hpp"
#include "order_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::vector<std::string> tuesdays{"macbeth-2027-01-12-e", "the-cherry-orchard-2027-01-26-e", "twelfth-night-2027-02-09-e",
                                        "a-dolls-house-2027-02-23-e", "she-stoops-to-conquer-2027-03-09-e"};
const std::string group_path = "/api/series/five-play-package/groups/tue/availability";

json series_line(const std::string& seat) {
    return {{"kind", "series"}, {"series", "five-play-package"}, {"group", "tue"}, {"seat", seat}};
}

// "3,0,..." from the versions of a group answer.
std::string versions_of(const json& answer) {
    std::string text;
    for (const json& entry : answer["instances"]) text += (text.empty() ? "" : ",") + std::to_string(entry["version"].get<long long>());
    return text;
}

void require_code(const httplib::Result& result, int status, const std::string& code) {
    INFO(result->body);
    REQUIRE(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    CHECK(body_json(result)["code"] == code);
}

}  // namespace

TEST_CASE("a series group's availability is every instance's map in one answer, then only their changes", "[season][availability]") {
    Shop shop;
    auto full = shop.get_as(group_path, "");
    REQUIRE(full->status == 200);
    json first = body_json(full);
    CHECK(first["series"] == "five-play-package");
    CHECK(first["group"] == "tue");
    REQUIRE(first["instances"].size() == tuesdays.size());
    for (std::size_t i = 0; i < tuesdays.size(); ++i) {
        const json& entry = first["instances"][i];
        CHECK(entry["instance"] == tuesdays[i]);
        auto single = body_json(get(*shop.running.client, "/api/instances/" + tuesdays[i] + "/availability"));
        CHECK(entry == single);
    }
    const std::string since = versions_of(first);

    const std::string alice = shop.register_customer("alice@test.example");
    auto held = shop.send("POST", "/api/holds", json{{"series", "five-play-package"}, {"group", "tue"}, {"seat", "ST-F-10"}}.dump(), alice);
    INFO(held->body);
    REQUIRE(held->status == 201);

    json changed = body_json(shop.get_as(group_path + "?since=" + since, ""));
    REQUIRE(changed["instances"].size() == tuesdays.size());
    for (std::size_t i = 0; i < tuesdays.size(); ++i) {
        const json& entry = changed["instances"][i];
        INFO(entry.dump());
        CHECK(entry["instance"] == tuesdays[i]);
        CHECK(entry["since"] == first["instances"][i]["version"]);
        CHECK(entry["version"].get<long long>() > first["instances"][i]["version"].get<long long>());
        REQUIRE(entry["changes"].size() == 1);
        CHECK(entry["changes"][0]["seat"] == "ST-F-10");
    }
    json unchanged = body_json(shop.get_as(group_path + "?since=" + versions_of(changed), ""));
    for (const json& entry : unchanged["instances"]) CHECK(entry["changes"].empty());

    SECTION("a since list that does not give one version per instance gets every map in full") {
        json whole = body_json(shop.get_as(group_path + "?since=1,2", ""));
        for (const json& entry : whole["instances"]) CHECK(entry.contains("seats"));
        json garbage = body_json(shop.get_as(group_path + "?since=a,b,c,d,e", ""));
        for (const json& entry : garbage["instances"]) CHECK(entry.contains("seats"));
    }
    SECTION("an unknown series or group is 404 series_not_found") {
        require_code(shop.get_as("/api/series/no-such-series/groups/tue/availability", ""), 404, "series_not_found");
        require_code(shop.get_as("/api/series/five-play-package/groups/sun/availability", ""), 404, "series_not_found");
        require_code(shop.get_as("/api/series/five%20play/groups/tue/availability", ""), 404, "series_not_found");
    }
}

TEST_CASE("offers limited in total publish how many tickets they may still be used on", "[season][offers]") {
    Shop shop;
    CHECK(body_json(shop.get_as("/api/offers/remaining", "")) == json{{"offers", json::object()}});
    json offer{{"id", "early-bird"}, {"name", "Early bird: £10 off"}, {"kind", "amount_off"}, {"amount", 1000},
               {"events", {"macbeth"}}, {"limit_total", 3}};
    auto put = shop.send("PUT", "/api/admin/catalog/offers/early-bird", offer.dump(), shop.admin);
    INFO(put->body);
    REQUIRE(put->status == 201);
    CHECK(body_json(shop.get_as("/api/offers/remaining", "")) == json{{"offers", {{"early-bird", 3}}}});
    json edited = json::parse(read_text(demo_catalog_path()));
    edited["offers"].push_back(offer);
    auto reloaded = encore::load_catalog(edited.dump());
    REQUIRE(reloaded.catalog);
    shop.catalog = *reloaded.catalog;  // the browser's copy, priced with the new offer

    const std::string alice = shop.register_customer("alice@test.example");
    json basket = web_basket({ticket_line("macbeth-2027-01-12-e", "ST-K-1"), ticket_line("macbeth-2027-01-12-e", "ST-K-2")});
    auto ordered = shop.post_order(alice, shop.order_body(alice, basket, invoice_payment()), "early");
    INFO(ordered->body);
    REQUIRE(ordered->status == 201);
    CHECK(body_json(ordered)["order"]["lines"][0]["items"][0]["offer"] == "early-bird");
    CHECK(body_json(shop.get_as("/api/offers/remaining", "")) == json{{"offers", {{"early-bird", 1}}}});
}

TEST_CASE("health tells the server clock, which the admin's time travel moves", "[season][clock]") {
    Shop shop;  // the clock is set to shop_now
    auto now = encore::parse_instant(body_json(shop.get_as("/api/health", ""))["now"].get<std::string>());
    REQUIRE(now);
    auto set = *encore::parse_instant(shop_now);
    CHECK(now->unix_seconds >= set.unix_seconds);
    CHECK(now->unix_seconds < set.unix_seconds + 60);
}

TEST_CASE("the account's orders list each performance with its seats; subscriptions their performances", "[season][account]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    const std::string card = shop.store_card(alice, "4242424242424242");
    json basket = web_basket({series_line("ST-F-10"), series_line("ST-F-11"), ticket_line("macbeth-2027-01-13-e", "ST-K-3"),
                              {{"kind", "membership"}, {"membership", "friends"}}});
    auto ordered = shop.post_order(alice, shop.order_body(alice, basket, card_payment(card)), "season");
    INFO(ordered->body);
    REQUIRE(ordered->status == 201);
    const std::string reference = body_json(ordered)["order"]["reference"];

    json orders = body_json(shop.get_as("/api/me/orders", alice))["orders"];
    REQUIRE(orders.size() == 1);
    CHECK(orders[0]["reference"] == reference);
    const json& performances = orders[0]["performances"];
    REQUIRE(performances.size() == 6);
    CHECK(performances[0] == json{{"instance", tuesdays[0]}, {"seats", {"ST-F-10", "ST-F-11"}}});
    CHECK(performances[4] == json{{"instance", tuesdays[4]}, {"seats", {"ST-F-10", "ST-F-11"}}});
    CHECK(performances[5] == json{{"instance", "macbeth-2027-01-13-e"}, {"seats", {"ST-K-3"}}});
    const json& lines = orders[0]["lines"];
    REQUIRE(lines.size() == 4);
    CHECK(lines[0]["kind"] == "series");
    CHECK(lines[3]["kind"] == "membership");
    CHECK(lines[3]["total_text"] == "£60.00");

    json subscriptions = body_json(shop.get_as("/api/me/subscriptions", alice))["subscriptions"];
    REQUIRE(subscriptions.size() == 2);
    CHECK(subscriptions[1]["seat"] == "ST-F-11");
    CHECK(subscriptions[1]["performances"] == json(tuesdays));
    CHECK(subscriptions[1]["order_status"] == "paid");

    SECTION("a booking of four of the five takes only those performances") {
        json four = series_line("ST-F-12");
        four["instances"] = {tuesdays[0], tuesdays[1], tuesdays[2], tuesdays[3]};
        auto again = shop.post_order(alice, shop.order_body(alice, web_basket({four}), invoice_payment()), "four");
        INFO(again->body);
        REQUIRE(again->status == 201);
        json list = body_json(shop.get_as("/api/me/subscriptions", alice))["subscriptions"];
        REQUIRE(list.size() == 3);
        CHECK(list[2]["performances"] == json{tuesdays[0], tuesdays[1], tuesdays[2], tuesdays[3]});
        CHECK(list[2]["order_status"] == "reserved");
        CHECK(body_json(shop.get_as("/api/me/orders", alice))["orders"][0]["due_at"].is_string());
    }
}

TEST_CASE("a series sold by price band first is held only with its band, and only seats in it", "[season][holds]") {
    Shop shop;
    json series = json::parse(read_text(demo_catalog_path()))["fixed_series"][0];
    series["choose_band_first"] = true;
    auto put = shop.send("PUT", "/api/admin/catalog/fixed_series/five-play-package", series.dump(), shop.admin);
    INFO(put->body);
    REQUIRE(put->status == 200);
    const std::string alice = shop.register_customer("alice@test.example");
    json hold{{"series", "five-play-package"}, {"group", "tue"}, {"seat", "ST-F-10"}};
    auto refused = shop.send("POST", "/api/holds", hold.dump(), alice);
    require_code(refused, 422, "hold_refused");
    CHECK(body_json(refused)["problems"][0]["code"] == "series_band_required");

    hold["band"] = "B";
    auto mismatch = shop.send("POST", "/api/holds", hold.dump(), alice);
    require_code(mismatch, 422, "hold_refused");
    CHECK(body_json(mismatch)["problems"][0]["code"] == "series_band_mismatch");

    hold["band"] = "A";
    auto held = shop.send("POST", "/api/holds", hold.dump(), alice);
    INFO(held->body);
    CHECK(held->status == 201);
}
