// Auto-renew over loopback: a series subscriber's stored card charged at auto-renew start (approved, declined
// with an invoice paid later or left to lapse, a payment plan), and memberships and passes renewing into
// their next product (002) with the card that paid for them, or on an invoice that counts only once paid.
#include <catch2/catch.hpp>

#include "account_helpers.hpp"
#include "renewals_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

void auto_renew_on(Campaign& c, const std::string& token, long long id, int instalments) {
    auto on = c.act(token, id, {{"action", "auto_renew_on"}, {"instalments", instalments}});
    INFO(on->body);
    REQUIRE(on->status == 200);
    CHECK(body_json(on)["subscriber_record"]["auto_renew"] == json{{"on", true}, {"instalments", instalments}});
}

json products(Campaign& c, const std::string& token, const std::string& what) {
    return body_json(c.get_as("/api/me/" + what, token))[what];
}

}  // namespace

TEST_CASE("auto-renew charges the stored card at auto-renew start, approved or declined, in full or by instalments",
          "[renewals][auto_renew]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example"), bob = c.register_customer("bob@test.example"),
                      carol = c.register_customer("carol@test.example"), dave = c.register_customer("dave@test.example");
    const std::vector<std::pair<std::string, std::string>> buyers{{alice, "ST-B-1"}, {bob, "ST-B-2"}, {carol, "CI-A-1"}, {dave, "ST-A-4"}};
    for (const auto& [token, seat] : buyers) c.buy_series(token, "sub27", "tue", {seat}, card_payment(c.store_card(token, approved_card)));
    const long long a = c.only_record(alice), b = c.only_record(bob), k = c.only_record(carol), d = c.only_record(dave);
    auto stranger = c.act(c.register_customer("erin@test.example"), a, {{"action", "auto_renew_on"}});
    require_problem(stranger, 404, "subscriber_record_not_found");
    auto_renew_on(c, alice, a, 1);
    auto_renew_on(c, bob, b, 1);
    auto_renew_on(c, carol, k, 1);
    auto_renew_on(c, dave, d, 3);
    c.store_card(bob, declined_card);  // the latest stored card is the one charged
    c.store_card(carol, declined_card);

    c.move_to("2027-03-01T09:30:00Z");  // auto-renew start was 09:00
    const json alices = c.record(alice, a);
    CHECK(alices["status"] == "Renewed");
    CHECK(alices["seats"][0]["status"] == "SOLD");
    CHECK(alices["payments"][0]["method"] == "card");
    CHECK(alices["payments"][0]["taken_by"] == "system");
    const json alice_history = c.staff_record(a)["history"];
    CHECK(alice_history.back()["action"] == "AutoRenewPayInFull");
    CHECK(alice_history.back()["at"] == "2027-03-01T09:00:00Z");
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 's');

    const json daves = c.record(dave, d);
    CHECK(daves["status"] == "Renewed");
    CHECK(daves["seats"][0]["status"] == "RESERVED");  // a plan: reserved, not lost, until its last instalment
    CHECK(daves["payment_plan"]["instalments"].size() == 3);
    CHECK(c.staff_record(d)["history"].back()["action"] == "AutoRenewPaymentPlan");

    json bobs = c.record(bob, b);
    CHECK(bobs["status"] == "Pending");
    CHECK(bobs["seats"][0]["status"] == "RESERVED");
    REQUIRE(bobs["invoices"].size() == 1);
    CHECK(bobs["invoices"][0]["status"] == "pending");
    CHECK(bobs["invoices"][0]["due_at"] == "2027-04-01T00:00:00Z");
    CHECK(c.staff_record(b)["history"].back()["action"] == "AutoRenewFailed");
    CHECK(c.seat_state("play28a-tue", "S-B-2") == 'r');

    // The invoice paid later at the box office: the renewal is made, the invoice settled, the seats sold.
    auto paid = c.staff_act(b, {{"action", "renew"}, {"payment", {{"method", "recorded"}, {"reference", bobs["invoices"][0]["reference"]}}}});
    INFO(paid->body);
    REQUIRE(paid->status == 200);
    bobs = body_json(paid)["subscriber_record"];
    CHECK(bobs["status"] == "Renewed");
    CHECK(bobs["invoices"][0]["status"] == "paid");
    CHECK(c.seat_state("play28b-tue", "S-B-2") == 's');

    c.move_to("2027-04-02T09:00:00Z");  // carol's invoice was never paid: renewal end lapses it
    const json carols = c.staff_record(k)["subscriber_record"];
    CHECK(carols["status"] == "Lapsed");
    CHECK(carols["invoices"][0]["status"] == "lapsed");
    CHECK(c.seat_state("play28a-tue", "C-A-1") == 'r');  // reserved until the lock date
    c.check_projections();
}

TEST_CASE("memberships auto-renew into next season's with the card that paid, or on an invoice that counts once paid",
          "[renewals][auto_renew][memberships]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example"), erin = c.register_customer("erin@test.example");
    const json friends{{"kind", "membership"}, {"membership", "friends-27"}};
    auto bought = c.post_order(alice, c.order_body(alice, web_basket({friends}), card_payment(c.store_card(alice, approved_card))), "m1");
    REQUIRE(bought->status == 201);
    auto invoiced = c.post_order(erin, c.order_body(erin, web_basket({friends}), invoice_payment()), "m2");
    REQUIRE(invoiced->status == 201);
    const std::string erin_order = body_json(invoiced)["order"]["reference"];
    REQUIRE(c.send("POST", "/api/orders/" + erin_order + "/mark-paid", "", c.admin)->status == 200);
    c.store_card(erin, declined_card);

    c.move_to("2028-01-01T09:00:00Z");  // friends-27 ended at midnight; friends-28 is on sale
    const std::string alice_now = c.login("alice@test.example"), erin_now = c.login("erin@test.example");
    json alices = products(c, alice_now, "memberships");
    REQUIRE(alices.size() == 2);
    CHECK(alices[1]["membership"] == "friends-28");
    CHECK(alices[1]["paid"] == true);
    CHECK(alices[1]["starts_at"] == "2028-01-01T00:00:00Z");
    CHECK(body_json(c.get_as("/api/me/customer", alice_now))["memberships"].dump().find("friends-28") != std::string::npos);

    json erins = products(c, erin_now, "memberships");
    REQUIRE(erins.size() == 2);
    CHECK(erins[1]["membership"] == "friends-28");
    CHECK(erins[1]["paid"] == false);  // reserved and invoiced: nothing until it is paid
    CHECK(body_json(c.get_as("/api/me/customer", erin_now))["memberships"].dump().find("friends-28") == std::string::npos);
    REQUIRE(c.send("POST", "/api/orders/" + erins[1]["order"].get<std::string>() + "/mark-paid", "", c.admin)->status == 200);
    CHECK(body_json(c.get_as("/api/me/customer", erin_now))["memberships"].dump().find("friends-28") != std::string::npos);
}

TEST_CASE("passes auto-renew at their expiry, again and again for a membership-style pass", "[renewals][auto_renew][passes]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example");
    const json gym{{"kind", "pass"}, {"pass", "gym"}};
    auto bought = c.post_order(alice, c.order_body(alice, web_basket({gym}), card_payment(c.store_card(alice, approved_card))), "p1");
    INFO(bought->body);
    REQUIRE(bought->status == 201);
    json passes = products(c, alice, "passes");
    REQUIRE(passes.size() == 1);
    CHECK(passes[0]["expires_at"] == "2026-12-31T12:00:00Z");

    c.move_to("2027-03-05T09:00:00Z");  // renewed on 31 Dec, 30 Jan and 1 Mar
    passes = products(c, alice, "passes");
    REQUIRE(passes.size() == 4);
    CHECK(passes[1]["expires_at"] == "2027-01-30T12:00:00Z");
    CHECK(passes[3]["expires_at"] == "2027-03-31T12:00:00Z");
    for (const json& pass : passes) CHECK(pass["paid"] == true);
    CHECK(products(c, alice, "orders").size() == 4);
}
