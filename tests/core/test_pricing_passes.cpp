// Flexible passes: redemption by code or from the same basket, per-event discounts, the recurring
// event rule, and every reason a redemption is refused.
#include <catch2/catch.hpp>

#include "pricing_support.hpp"

using namespace test;
using encore::PricedBasket;

namespace {
json redeem(json line, const char* code) {
    line["redeem"] = {{"code", code}};
    return line;
}
json redeem_line(json line, int index) {
    line["redeem"] = {{"line", index}};
    return line;
}
json owner(const char* pass, const char* code, json redeemed = json::array(), const char* expires = "2027-05-01T00:00:00Z") {
    return {{"passes", {{{"pass", pass}, {"code", code}, {"expires_at", expires}, {"redeemed", redeemed}}}}};
}
}  // namespace

TEST_CASE("one pass: one event free and another 50% off", "[pricing][pass]") {
    PricedBasket b = price(fixture(),
                           basket({redeem(ticket("macbeth-mon", "A1"), "FLEX-1"), redeem(ticket("concert-1", "A1"), "FLEX-1")}),
                           owner("flex-5", "FLEX-1"));
    INFO(problems_text(b));
    REQUIRE(b.valid);
    CHECK(b.lines[0].items[0].base == 5000);
    CHECK(b.lines[0].items[0].price == 0);
    CHECK(b.lines[1].items[0].base == 3000);
    CHECK(b.lines[1].items[0].price == 1500);
    CHECK(b.lines[0].items[0].pass_code == "FLEX-1");
    CHECK(b.lines[0].items[0].explanation ==
          "Adult ticket in Band A for Macbeth on Mon 11 Jan 2027, 19:30: \xC2\xA3" "50.00 from the Drama standard price list, "
          "free with the Flex 5 Pass FLEX-1.");
    CHECK(b.lines[0].description == "Macbeth, Mon 11 Jan 2027, 19:30, Stalls, Row A, Seat 1");
    CHECK(b.total == 1500);
}

TEST_CASE("a recurring event: one redemption across its dates unless repeats are allowed", "[pricing][pass]") {
    const encore::Catalog c = fixture();
    PricedBasket once = price(c, basket({redeem(ticket("macbeth-mon", "A1"), "FLEX-1"), redeem(ticket("macbeth-sat", "A1"), "FLEX-1")}),
                              owner("flex-5", "FLEX-1"));
    CHECK_FALSE(once.valid);
    CHECK(has_problem(once, 1, "pass_event_limit"));

    PricedBasket earlier = price(c, basket({redeem(ticket("macbeth-sat", "A1"), "FLEX-1")}), owner("flex-5", "FLEX-1", {"macbeth-mon"}));
    CHECK(has_problem(earlier, 0, "pass_event_limit"));

    PricedBasket repeated = price(c, basket({redeem(ticket("macbeth-mon", "A1"), "REP-1"), redeem(ticket("macbeth-sat", "A1"), "REP-1")}),
                                  owner("flex-repeat", "REP-1"));
    INFO(problems_text(repeated));
    REQUIRE(repeated.valid);
    CHECK(repeated.total == 2 * 1500);  // fixed price per ticket

    const encore::Catalog roomy = fixture([](json& j) { j["flex_passes"][1]["max_per_instance"] = 5; });
    PricedBasket per_event = price(roomy, basket({redeem(ticket("macbeth-sat", "A2"), "REP-1")}),
                                   owner("flex-repeat", "REP-1", {"macbeth-mon", "macbeth-sat", "macbeth-mon"}));
    CHECK(has_problem(per_event, 0, "pass_event_limit"));
}

TEST_CASE("pass redemptions are refused with a precise reason", "[pricing][pass]") {
    const encore::Catalog c = fixture();
    struct Row { const char* what; std::vector<json> lines; json customer; int line; const char* code; };
    const std::vector<Row> rows = {
        {"expired", {redeem(ticket("macbeth-mon", "A1"), "OLD")}, owner("flex-5", "OLD", json::array(), "2026-11-01T00:00:00Z"), 0, "pass_expired"},
        {"exhausted", {redeem(ticket("othello-mon", "A1"), "USED")},
         owner("flex-5", "USED", {"macbeth-mon", "hamlet-mon", "lear-mon", "tempest-mon", "concert-1"}), 0, "pass_exhausted"},
        {"outside its window", {redeem(ticket("macbeth-mon", "A1"), "LATE")}, owner("flex-late", "LATE"), 0, "pass_outside_window"},
        {"not valid for the event", {redeem(ticket("lear-mon", "A1"), "REP")}, owner("flex-repeat", "REP"), 0, "pass_not_valid_for_event"},
        {"unknown code", {redeem(ticket("lear-mon", "A1"), "NOPE")}, owner("flex-5", "FLEX-1"), 0, "pass_unknown"},
        {"two tickets at one performance", {redeem(ticket("macbeth-mon", "A1"), "REP"), redeem(ticket("macbeth-mon", "A2"), "REP")},
         owner("flex-repeat", "REP"), 1, "pass_instance_limit"},
        {"basket line that is not a pass", {ticket("lear-mon", "A2"), redeem_line(ticket("lear-mon", "A1"), 0)}, json::object(), 1, "pass_unknown"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        PricedBasket b = price(c, basket(r.lines), r.customer);
        INFO(problems_text(b));
        CHECK_FALSE(b.valid);
        CHECK(has_problem(b, r.line, r.code));
    }
}

TEST_CASE("a pass bought in the basket can be redeemed in the same basket", "[pricing][pass]") {
    PricedBasket b = price(fixture(), basket({{{"kind", "pass"}, {"pass", "flex-5"}}, redeem_line(ticket("hamlet-sat", "B1"), 0)}));
    INFO(problems_text(b));
    REQUIRE(b.valid);
    CHECK(b.lines[0].items[0].price == 12000);
    CHECK(b.lines[1].items[0].price == 0);
    CHECK(b.lines[1].items[0].pass_code == "basket:0");
    CHECK(b.total == 12000);
}

TEST_CASE("the booking fee is waived while a pass is in the basket and returns when it is removed", "[pricing][pass][fees]") {
    const encore::Catalog c = fixture();
    PricedBasket without = price(c, basket({ticket("macbeth-mon", "A1")}, "web"));
    REQUIRE(without.valid);
    CHECK(without.total == 5000 + 150);
    CHECK(without.lines[0].items[0].fees.at(0).amount == 150);
    CHECK(without.lines[0].items[0].explanation.find("plus booking fee") != std::string::npos);

    PricedBasket with = price(c, basket({ticket("macbeth-mon", "A1"), {{"kind", "pass"}, {"pass", "flex-5"}}}, "web"));
    REQUIRE(with.valid);
    CHECK(with.lines[0].items[0].fees.at(0).waived);
    CHECK(with.lines[0].items[0].fees.at(0).amount == 0);
    CHECK(with.lines[0].items[0].explanation.find("booking fee waived for holders of the Flex 5 Pass") != std::string::npos);
    CHECK(with.total == 5000 + 12000);

    PricedBasket owned = price(c, basket({ticket("macbeth-mon", "A1")}, "web"), owner("flex-5", "FLEX-1"));
    CHECK(owned.total == 5000);
    PricedBasket lapsed = price(c, basket({ticket("macbeth-mon", "A1")}, "web"), owner("flex-5", "FLEX-1", json::array(), "2026-11-20T00:00:00Z"));
    CHECK(lapsed.total == 5150);
}
