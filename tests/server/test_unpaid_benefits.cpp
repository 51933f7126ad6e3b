// What is bought on an unpaid invoice gives nothing until it is paid, and a lapsed invoice leaves no benefit
// behind: a pass cannot be redeemed nor waive fees, a membership opens nothing, a series makes no subscriber
// record and no series_subscriber offer; paid, they count at once.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "account_helpers.hpp"
#include "order_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::string macbeth = "macbeth-2027-01-12-e";
const std::string cherry = "the-cherry-orchard-2027-01-26-e";

json redeem_line(const std::string& instance, const std::string& seat, const std::string& code) {
    json line = ticket_line(instance, seat);
    line["redeem"] = {{"code", code}};
    return line;
}

json series_line(const std::string& seat) { return {{"kind", "series"}, {"series", "five-play-package"}, {"group", "tue"}, {"seat", seat}}; }

}  // namespace

TEST_CASE("a pass on an unpaid invoice redeems nothing and waives nothing; when the invoice lapses nothing is left",
          "[renewals][unpaid]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example");
    auto bought = shop.post_order(alice, shop.order_body(alice, web_basket({{{"kind", "pass"}, {"pass", "flex-4"}}}), invoice_payment()),
                                  "pass");
    INFO(bought->body);
    REQUIRE(bought->status == 201);
    const std::string code = body_json(bought)["order"]["passes"][0]["code"];
    CHECK(body_json(shop.get_as("/api/me/passes", alice))["passes"][0]["paid"] == false);
    CHECK(body_json(shop.get_as("/api/me/customer", alice))["passes"].empty());

    json use{{"basket", web_basket({redeem_line(macbeth, "ST-K-1", code)})},
             {"expected", {{"total", 0}, {"lines", json::array({0})}}}, {"payment", invoice_payment()}};
    auto redeemed = shop.post_order(alice, use, "use");
    require_problem(redeemed, 422, "basket_invalid");
    const json fee_check = shop.expected_for(alice, web_basket({ticket_line(macbeth, "ST-K-2")}));
    const json ticket = shop.expected_for(shop.register_customer("bob@test.example"), web_basket({ticket_line(macbeth, "ST-K-2")}));
    CHECK(fee_check["total"] == ticket["total"]);  // the booking fee is not waived for an unpaid pass

    shop.set_clock("2026-12-09T12:00:00Z");  // seven days on: the invoice lapses
    for (int i = 0; i < 50 && body_json(shop.get_as("/api/me/orders", alice))["orders"][0]["status"] != "lapsed"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(body_json(shop.get_as("/api/me/orders", alice))["orders"][0]["status"] == "lapsed");
    CHECK(body_json(shop.get_as("/api/me/passes", alice))["passes"].empty());
    CHECK(body_json(shop.get_as("/api/me/customer", alice))["passes"].empty());
}

TEST_CASE("a series on an unpaid invoice makes no subscriber record until paid; lapsed, it leaves none", "[renewals][unpaid]") {
    Shop shop;
    const std::string alice = shop.register_customer("alice@test.example"), bob = shop.register_customer("bob@test.example");
    auto alices = shop.post_order(alice, shop.order_body(alice, web_basket({series_line("ST-F-10")}), invoice_payment()), "a");
    REQUIRE(alices->status == 201);
    auto bobs = shop.post_order(bob, shop.order_body(bob, web_basket({series_line("ST-F-11")}), invoice_payment()), "b");
    REQUIRE(bobs->status == 201);
    CHECK(shop.seat_state(macbeth, "ST-F-10") == 'r');
    const json play = web_basket({ticket_line(cherry, "ST-K-5")});
    const json before = shop.expected_for(bob, play);
    for (const std::string& token : {alice, bob}) {
        CHECK(body_json(shop.get_as("/api/me/subscriber-records", token))["subscriber_records"].empty());
        CHECK(body_json(shop.get_as("/api/me/customer", token))["subscriptions"].empty());
    }

    const std::string reference = body_json(bobs)["order"]["reference"];
    REQUIRE(shop.send("POST", "/api/orders/" + reference + "/mark-paid", "", shop.admin)->status == 200);
    const json records = body_json(shop.get_as("/api/me/subscriber-records", bob))["subscriber_records"];
    REQUIRE(records.size() == 1);
    CHECK(records[0]["status"] == "New");
    CHECK(records[0]["seats"][0]["status"] == "SOLD");
    CHECK(body_json(shop.get_as("/api/me/customer", bob))["subscriptions"][0]["series"] == "five-play-package");
    CHECK(shop.expected_for(bob, play)["total"] < before["total"]);  // the subscribers' £20 extra tickets
    CHECK(shop.seat_state(macbeth, "ST-F-11") == 's');

    shop.set_clock("2026-12-09T12:00:00Z");  // alice's invoice lapses
    for (int i = 0; i < 50 && shop.seat_state(macbeth, "ST-F-10") != 'o'; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(shop.seat_state(macbeth, "ST-F-10") == 'o');
    CHECK(body_json(shop.get_as("/api/me/subscriber-records", alice))["subscriber_records"].empty());
    CHECK(body_json(shop.get_as("/api/me/customer", alice))["subscriptions"].empty());
    CHECK(shop.count("subscribers") == 1);
}
