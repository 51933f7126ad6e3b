// The renewal lifecycle over loopback (003): a subscription bought rolls over onto next season's package on
// a plan that differs, the customer renews in full or by instalments, declines or changes seats, the dates
// run on the server clock (also when it jumps far ahead), the lock releases seats to OPEN or the house's
// HOLD, season end deactivates; every history row is kept and the projection agrees with it.
#include <catch2/catch.hpp>

#include "account_helpers.hpp"
#include "renewals_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

json seat_list(const json& view) {
    json seats = json::array();
    for (const json& seat : view["seats"]) seats.push_back({seat["seat"], seat["status"]});
    return seats;
}

const json* find_action(const json& view, const std::string& name, int instalments = 0) {
    for (const json& action : view["actions"])
        if (action["action"] == name && (instalments == 0 || action.value("instalments", 0) == instalments)) return &action;
    return nullptr;
}

json pay_by(const std::string& card) { return {{"method", "card"}, {"card_token", card}}; }

}  // namespace

TEST_CASE("a subscription rolls over onto next season's package on a plan that differs; staff see what could not be mapped",
          "[renewals][rollover]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example"), bob = c.register_customer("bob@test.example"),
                      carol = c.register_customer("carol@test.example");
    c.buy_series(alice, "sub27", "tue", {"ST-B-1"}, card_payment(c.store_card(alice, approved_card)));
    c.buy_series(bob, "sub27", "tue", {"ST-A-3"}, card_payment(c.store_card(bob, approved_card)));    // a wheelchair space
    c.buy_series(carol, "sub27", "sat", {"ST-A-1"}, card_payment(c.store_card(carol, approved_card)));  // S-A-1 is one in 2028
    const long long a = c.only_record(alice), b = c.only_record(bob), k = c.only_record(carol);
    json before = c.record(alice, a);
    CHECK(before["status"] == "New");
    CHECK(before["package"]["id"] == "sub27");
    CHECK(seat_list(before) == json::array({{"ST-B-1", "SOLD"}}));
    CHECK(c.seat_state("play27a-tue", "ST-B-1") == 's');

    c.move_to("2027-01-02T09:00:00Z");  // s27 is active and s28 upcoming: the rollover is due
    json after = c.record(alice, a);
    CHECK(after["status"] == "Pending");
    CHECK(after["package"]["id"] == "sub28");
    CHECK(after["renewing_from"]["id"] == "sub27");
    CHECK(after["group"]["id"] == "tuesdays");  // mapped by weekday and time of day
    CHECK(seat_list(after) == json::array({{"S-B-1", "RESERVED"}}));
    for (const char* instance : {"play28a-tue", "play28b-tue"}) CHECK(c.seat_state(instance, "S-B-1") == 'r');
    CHECK(c.seat_state("play27a-tue", "ST-B-1") == 's');  // this season's seats stay theirs
    CHECK(seat_list(c.record(bob, b)) == json::array({{"S-A-1", "RESERVED"}}));  // a wheelchair space onto one
    CHECK(c.record(carol, k)["group"]["id"] == "weekend");
    CHECK(c.record(carol, k)["seats"].empty());
    CHECK(c.history_actions(a) == std::vector<std::string>{"Subscribe", "Rollover"});
    CHECK(c.staff_record(a)["history"][1]["at"] == "2027-01-01T00:00:00Z");

    const json issues = c.staff_record(k)["subscriber_record"]["rollover_issues"];
    REQUIRE(issues.size() == 1);
    CHECK(issues[0]["code"] == "seat_needs_differ");
    CHECK(issues[0]["seat"] == "ST-A-1");
    const json campaign = body_json(c.get_as("/api/staff/renewals", c.admin));
    REQUIRE(campaign["rollovers"].size() == 1);
    CHECK(campaign["rollovers"][0]["from"] == "sub27");
    CHECK(campaign["rollovers"][0]["subscribers"] == 3);
    CHECK(campaign["rollover_issues"][0]["subscriber_record"] == k);
    CHECK(campaign["packages"][0]["statuses"]["Pending"] == 3);

    c.move_to("2027-01-10T09:00:00Z");  // a later pass does not roll anyone over again
    CHECK(c.history_actions(a).size() == 2);
    c.check_projections();
}

TEST_CASE("a customer renews in full, by instalments, declines or changes seats from their account", "[renewals][actions]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example");
    const std::string card = c.store_card(alice, approved_card);
    c.buy_series(alice, "sub27", "tue", {"ST-B-1"}, card_payment(card));
    const long long id = c.only_record(alice);
    c.move_to("2027-03-02T10:00:00Z");  // rolled over on 1 Jan, renewal open since 1 Mar
    json view = c.record(alice, id);
    REQUIRE(view["status"] == "Pending");
    const json* full = find_action(view, "renew", 1);
    REQUIRE(full);
    const std::int64_t price = (*full)["amount"];
    CHECK(price > 0);
    CHECK(find_action(view, "decline"));
    CHECK(find_action(view, "change_seats"));
    CHECK(view["dates"]["renewal_ends"] == "2027-04-01T00:00:00Z");
    CHECK_FALSE(view["dates"].contains("lapsed_ends"));  // the admin's date, not the customer's

    SECTION("renew in full") {
        auto done = c.act(alice, id, {{"action", "renew"}, {"expected_amount", price}, {"payment", pay_by(card)}});
        INFO(done->body);
        REQUIRE(done->status == 200);
        const json after = body_json(done)["subscriber_record"];
        CHECK(after["status"] == "Renewed");
        CHECK(seat_list(after) == json::array({{"S-B-1", "SOLD"}}));
        CHECK(after["payments"][0]["amount"] == price);
        CHECK(body_json(done)["appended"][0]["action"] == "ManualRenew");
        for (const char* instance : {"play28a-tue", "play28b-tue"}) CHECK(c.seat_state(instance, "S-B-1") == 's');
        CHECK(body_json(c.get_as("/api/me/customer", alice))["subscriptions"].dump().find("sub28") != std::string::npos);
        auto again = c.act(alice, id, {{"action", "renew"}, {"payment", pay_by(card)}});
        require_problem(again, 422, "renewal_refused");
        CHECK(body_json(again)["reason"] == "already_renewed");
    }
    SECTION("renew by a payment plan, seats reserved until the last instalment") {
        const json* plan = find_action(view, "renew", 3);
        REQUIRE(plan);
        REQUIRE((*plan)["plan"].size() == 3);
        auto changed = c.act(alice, id, {{"action", "renew"}, {"instalments", 3}, {"expected_amount", 1}, {"payment", pay_by(card)}});
        require_problem(changed, 409, "price_changed");
        auto too_long = c.act(alice, id, {{"action", "renew"}, {"instalments", 12}, {"payment", pay_by(card)}});
        require_problem(too_long, 422, "renewal_refused");
        CHECK(body_json(too_long)["reason"] == "payment_plan_too_long");
        auto done = c.act(alice, id, {{"action", "renew"}, {"instalments", 3}, {"expected_amount", (*plan)["amount"]}, {"payment", pay_by(card)}});
        INFO(done->body);
        REQUIRE(done->status == 200);
        json after = body_json(done)["subscriber_record"];
        CHECK(after["status"] == "Renewed");
        CHECK(seat_list(after) == json::array({{"S-B-1", "RESERVED"}}));
        CHECK(after["payment_plan"]["outstanding"] == price - (*plan)["amount"].get<std::int64_t>());
        CHECK(c.seat_state("play28a-tue", "S-B-1") == 'r');
        CHECK(body_json(c.get_as("/api/me/customer", alice))["subscriptions"].dump().find("sub28") == std::string::npos);
        for (int paid = 2; paid <= 3; ++paid) {
            const json* next = find_action(after, "pay_instalment");
            REQUIRE(next);
            const json pay{{"action", "pay_instalment"}, {"expected_amount", (*next)["amount"]}, {"payment", pay_by(card)}};
            const std::string path = "/api/me/subscriber-records/" + std::to_string(id) + "/actions";
            const httplib::Headers keyed{{"Idempotency-Key", "instalment-" + std::to_string(paid)}};
            auto instalment = c.send("POST", path, pay.dump(), alice, keyed);
            INFO(instalment->body);
            REQUIRE(instalment->status == 200);
            auto retried = c.send("POST", path, pay.dump(), alice, keyed);  // a retry is answered the same, paid once
            CHECK(retried->status == 200);
            CHECK(retried->body == instalment->body);
            after = body_json(instalment)["subscriber_record"];
        }
        CHECK(after["payments"].size() == 3);
        CHECK(after["payment_plan"]["complete"] == true);
        CHECK(seat_list(after) == json::array({{"S-B-1", "SOLD"}}));
        CHECK(c.seat_state("play28b-tue", "S-B-1") == 's');
        CHECK(body_json(c.get_as("/api/me/customer", alice))["subscriptions"].dump().find("sub28") != std::string::npos);
        CHECK(c.history_actions(id) ==
              std::vector<std::string>{"Subscribe", "Rollover", "ManualRenew", "PaymentRecorded", "PaymentRecorded"});
    }
    SECTION("decline, seats reserved until the lock date, then the house's hold, then the record ends") {
        auto declined = c.act(alice, id, {{"action", "decline"}, {"note", "moving away"}});
        REQUIRE(declined->status == 200);
        CHECK(body_json(declined)["subscriber_record"]["status"] == "Declined");
        auto renew = c.act(alice, id, {{"action", "renew"}, {"payment", pay_by(card)}});
        require_problem(renew, 422, "renewal_refused");
        CHECK(body_json(renew)["reason"] == "renewal_declined");
        auto held = c.send("PUT", "/api/admin/house-holds/play28b-tue", R"({"seats":["S-B-1"]})", c.admin);
        REQUIRE(held->status == 200);
        CHECK(c.seat_state("play28a-tue", "S-B-1") == 'r');
        c.move_to("2027-05-02T09:00:00Z");
        json after = c.record(alice, id);
        CHECK(after["status"] == "NonRenewed");
        CHECK(after["seats"].empty());
        for (const char* instance : {"play28a-tue", "play28b-tue"}) CHECK(c.seat_state(instance, "S-B-1") == 'x');  // the house holds it
        c.move_to("2027-07-02T09:00:00Z");  // the season renewed from has ended
        CHECK(c.record(alice, id)["status"] == "Inactive");
        CHECK(c.history_actions(id) ==
              std::vector<std::string>{"Subscribe", "Rollover", "DeclinedRenewal", "RenewalLocked", "Deactivate"});
        CHECK(c.staff_record(id)["history"][3]["seats"][0]["status"] == "HOLD");
    }
    SECTION("change seats while renewing, the new seat free at every performance and the old one released") {
        const std::string bob = c.register_customer("bob@test.example");
        c.set_clock("2026-12-02T12:00:00Z");
        c.buy_series(bob, "sub27", "tue", {"ST-B-2"}, card_payment(c.store_card(bob, approved_card)));
        c.move_to("2027-03-02T11:00:00Z");
        const long long bobs = c.only_record(bob);
        auto moved = c.act(bob, bobs, {{"action", "change_seats"}, {"seats", {"S-C-1"}}});
        INFO(moved->body);
        REQUIRE(moved->status == 200);
        auto taken = c.act(alice, id, {{"action", "change_seats"}, {"seats", {"S-C-1"}}});
        require_problem(taken, 422, "renewal_refused");
        CHECK(body_json(taken)["reason"] == "seat_unavailable");
        auto unknown = c.act(alice, id, {{"action", "change_seats"}, {"seats", {"ST-B-1"}}});  // last season's plan
        require_problem(unknown, 422, "renewal_refused");
        CHECK(body_json(unknown)["reason"] == "unknown_seat");
        auto done = c.act(alice, id, {{"action", "change_seats"}, {"seats", {"S-C-2"}}});
        REQUIRE(done->status == 200);
        CHECK(seat_list(body_json(done)["subscriber_record"]) == json::array({{"S-C-2", "RESERVED"}}));
        for (const char* instance : {"play28a-tue", "play28b-tue"}) {
            CHECK(c.seat_state(instance, "S-B-1") == 'o');
            CHECK(c.seat_state(instance, "S-C-2") == 'r');
        }
        const json renewed_view = c.record(alice, id);
        auto renewed = c.act(alice, id, {{"action", "renew"}, {"expected_amount", (*find_action(renewed_view, "renew", 1))["amount"]},
                                         {"payment", pay_by(card)}});
        REQUIRE(renewed->status == 200);
        CHECK(c.seat_state("play28b-tue", "S-C-2") == 's');
    }
    c.check_projections();
}

TEST_CASE("a customer acts only on their own record, while the renewal is open; the box office until the lapsed end",
          "[renewals][actions][staff]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example"), bob = c.register_customer("bob@test.example");
    const std::string card = c.store_card(alice, approved_card);
    c.buy_series(alice, "sub27", "tue", {"ST-B-1"}, card_payment(card));
    const long long id = c.only_record(alice);
    c.move_to("2027-02-01T09:00:00Z");
    auto early = c.act(alice, id, {{"action", "renew"}, {"payment", pay_by(card)}});
    require_problem(early, 422, "renewal_refused");
    CHECK(body_json(early)["reason"] == "renewal_not_open");
    CHECK(c.record(alice, id)["unavailable"][0]["code"] == "renewal_not_open");
    require_problem(c.get_as("/api/me/subscriber-records/" + std::to_string(id), bob), 404, "subscriber_record_not_found");
    require_problem(c.act(bob, id, {{"action", "decline"}}), 404, "subscriber_record_not_found");
    require_problem(c.act(alice, id, {{"action", "renew"}, {"instalments", 13}}), 422, "invalid_request");
    require_problem(c.act(alice, id, {{"action", "jump"}}), 422, "invalid_request");
    require_problem(c.act(alice, id, {{"action", "decline"}, {"extra", 1}}), 422, "invalid_request");

    c.move_to("2027-04-02T09:00:00Z");  // renewal end passed with no action: Lapsed, shown to the customer as Pending
    json mine = c.record(alice, id);
    CHECK(mine["status"] == "Pending");
    CHECK(mine["renewal_closed"] == true);
    CHECK(mine["actions"].empty());
    const json own_history = body_json(c.get_as("/api/me/subscriber-records/" + std::to_string(id) + "/history", alice));
    REQUIRE(own_history["history"].size() == 2);
    for (const json& row : own_history["history"]) CHECK(row["action"] != "Lapse");
    CHECK(c.staff_record(id)["subscriber_record"]["status"] == "Lapsed");
    auto closed = c.act(alice, id, {{"action", "renew"}, {"payment", pay_by(card)}});
    require_problem(closed, 422, "renewal_refused");
    CHECK(body_json(closed)["reason"] == "renewal_closed");
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 'r');

    const json staff_view = c.staff_record(id)["subscriber_record"];
    CHECK(staff_view["dates"]["lapsed_ends"] == "2027-04-15T00:00:00Z");
    REQUIRE(find_action(staff_view, "renew", 1));
    auto unpaid = c.staff_act(id, {{"action", "renew"}});
    require_problem(unpaid, 422, "invalid_request");
    auto won_back = c.staff_act(id, {{"action", "renew"}, {"payment", {{"method", "recorded"}, {"reference", "cash, till 2"}}}});
    INFO(won_back->body);
    REQUIRE(won_back->status == 200);
    const json renewed = body_json(won_back)["subscriber_record"];
    CHECK(renewed["status"] == "Renewed");
    CHECK(renewed["payments"][0]["method"] == "recorded");
    CHECK(renewed["payments"][0]["reference"] == "cash, till 2");
    CHECK(renewed["payments"][0]["taken_by"].get<std::string>().rfind("staff:", 0) == 0);
    const json history = c.staff_record(id)["history"];
    CHECK(history.back()["action"] == "ManualRenew");
    CHECK(history.back()["actor"].get<std::string>().rfind("staff:", 0) == 0);
    const json customer = body_json(c.get_as("/api/staff/customers/" + std::to_string(renewed["customer"].get<long long>()), c.admin));
    CHECK(customer["staff_acts"][0]["act"] == "renewal_action");
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 's');
}

TEST_CASE("the box office cannot renew after the lapsed end date; the lock then releases the seats", "[renewals][staff]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example");
    c.buy_series(alice, "sub27", "tue", {"ST-B-1"}, card_payment(c.store_card(alice, approved_card)));
    const long long id = c.only_record(alice);
    c.move_to("2027-04-16T09:00:00Z");
    auto late = c.staff_act(id, {{"action", "renew"}, {"payment", {{"method", "recorded"}}}});
    require_problem(late, 422, "renewal_refused");
    CHECK(body_json(late)["reason"] == "renewal_closed");
    c.move_to("2027-05-01T00:00:01Z");
    CHECK(c.staff_record(id)["subscriber_record"]["status"] == "NonRenewed");
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 'o');
}

TEST_CASE("moving the clock far ahead runs every transition in order, each dated when it fell due", "[renewals][scheduler]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example");
    c.buy_series(alice, "sub27", "tue", {"ST-B-1"}, card_payment(c.store_card(alice, approved_card)));
    const long long id = c.only_record(alice);
    c.move_to("2027-08-01T09:00:00Z");  // past the rollover, renewal end, lock date and the end of season 2027
    const json history = c.staff_record(id)["history"];
    REQUIRE(history.size() == 5);
    const std::vector<std::pair<std::string, std::string>> expected{{"Subscribe", "2026-12-01"},
                                                                    {"Rollover", "2027-01-01T00:00:00Z"},
                                                                    {"Lapse", "2027-04-01T00:00:00Z"},
                                                                    {"RenewalLocked", "2027-05-01T00:00:00Z"},
                                                                    {"Deactivate", "2027-07-01T00:00:00Z"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(history[i]["action"] == expected[i].first);
        CHECK(history[i]["at"].get<std::string>().rfind(expected[i].second, 0) == 0);
        CHECK(history[i]["sequence"] == i + 1);
    }
    CHECK(history[3]["seats"][0] == json{{"group", "tuesdays"}, {"seat", "S-B-1"}, {"status", "OPEN"}});
    CHECK(c.record(alice, id)["status"] == "Inactive");
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 'o');
    c.check_projections();
}

TEST_CASE("two servers on one database run the campaign's dates once", "[renewals][scheduler]") {
    Campaign c;
    std::vector<std::string> customers;
    for (int i = 0; i < 3; ++i) {
        const std::string email = "s" + std::to_string(i) + "@test.example";
        const std::string token = c.register_customer(email);
        c.buy_series(token, "sub27", "tue", {"ST-B-" + std::to_string(i + 1)}, card_payment(c.store_card(token, approved_card)));
        customers.push_back(token);
    }
    ServerProcess second({"--db", c.running.dir.database(), "--fast-password-hashing", "--session-hours", "8760"},
                         c.running.dir.file("second.log"));
    auto other = second.client();
    const std::string when = "2027-05-02T09:00:00Z";
    auto moved = other->Put("/api/admin/clock", {{"Authorization", "Bearer " + c.admin}}, json{{"now", when}}.dump(), "application/json");
    REQUIRE(moved);
    REQUIRE(moved->status == 200);
    c.move_to(when);
    for (const std::string& token : customers) {
        const long long id = c.only_record(token);
        CHECK(c.history_actions(id) == std::vector<std::string>{"Subscribe", "Rollover", "Lapse", "RenewalLocked"});
    }
    CHECK(second.stop() == 0);
    c.check_projections();
}
