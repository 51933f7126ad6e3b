// The exact sentences customers read: each fee waiver said once, criteria in brackets only where
// they nest, a fee-waiver offer named once.
#include <catch2/catch.hpp>

#include "encore/entitlements.hpp"
#include "pricing_support.hpp"

using namespace test;
using encore::PricedBasket;

namespace {
const json member = {{"memberships", {{{"membership", "friends"}, {"starts", "2026-10-01T00:00:00Z"}, {"ends", "2027-10-01T00:00:00Z"}}}}};
const json flex_owner = {{"passes", {{{"pass", "flex-5"}, {"code", "FLEX-1"}, {"expires_at", "2027-05-01T00:00:00Z"}}}}};
const std::string macbeth = "Adult ticket in Band A for Macbeth on Mon 11 Jan 2027, 19:30: \xC2\xA3" "50.00 from the Drama standard price list";

json card_fee() {
    return {{"id", "card"}, {"name", "card handling fee"}, {"per", "ticket"}, {"kind", "fixed"}, {"amount", 50},
            {"channels", {"web"}}, {"waived_for", {{"holds", "flex-5"}}}};
}
}  // namespace

TEST_CASE("price explanations, sentence by sentence", "[pricing][explanation]") {
    struct Row {
        const char* what;
        std::function<void(json&)> change;
        json customer;
        std::string sentence;
    };
    const std::vector<Row> rows = {
        {"a waiver for either of two products: no brackets around the whole",
         [](json& j) { j["fees"][0]["waived_for"] = {{"any", {{{"holds", "friends"}}, {{"holds", "flex-5"}}}}}; }, member,
         macbeth + ", booking fee waived for holders of the Friends Membership or holders of the Flex 5 Pass."},
        {"a nested combination keeps its brackets, once",
         [](json& j) {
             j["fees"][0]["waived_for"] = {{"all", {{{"any", {{{"holds", "friends"}}, {{"holds", "flex-5"}}}}}, {{"not", {{"tag", "staff"}}}}}}};
         },
         member,
         macbeth + ", booking fee waived for (holders of the Friends Membership or holders of the Flex 5 Pass) and not "
                   "customers tagged staff."},
        {"two fees waived for the same reason are said once", [](json& j) { j["fees"].push_back(card_fee()); }, flex_owner,
         macbeth + ", booking fee and card handling fee waived for holders of the Flex 5 Pass."},
        {"a fee waiver offer is named once, with the fee it waives",
         [](json& j) {
             j["offers"] = {{{"id", "no-fee"}, {"name", "Friends pay no booking fee"}, {"kind", "fee_waiver"},
                             {"who", {{"membership_active", "friends"}}}}};
         },
         member, macbeth + ", booking fee waived with the Friends pay no booking fee offer."},
        {"a fee charged", [](json&) {}, json::object(), macbeth + ", plus booking fee \xC2\xA3" "1.50."},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        PricedBasket b = price(fixture(r.change), basket({ticket("macbeth-mon", "A1")}, "web"), r.customer);
        INFO(problems_text(b));
        REQUIRE(b.valid);
        CHECK(b.lines[0].items[0].explanation == r.sentence);
    }
}

TEST_CASE("a waiver's reason reads without doubled brackets", "[pricing][explanation]") {
    const encore::Catalog c = fixture([](json& j) { j["fees"][0]["waived_for"] = {{"any", {{{"holds", "friends"}}, {{"holds", "flex-5"}}}}}; });
    PricedBasket b = price(c, basket({ticket("macbeth-mon", "A1")}, "web"), member);
    REQUIRE(b.valid);
    const encore::AppliedFee& fee = b.lines[0].items[0].fees.at(0);
    CHECK(fee.waived);
    CHECK(fee.waived_by == "holders of the Friends Membership or holders of the Flex 5 Pass");
    CHECK(b.lines[0].items[0].explanation.find("((") == std::string::npos);
}

TEST_CASE("criteria in plain words", "[eligibility][explanation]") {
    auto words = [&](const json& who) {
        const encore::Catalog with = fixture([&](json& j) { j["lock_types"][0]["who"] = who; });
        return encore::describe_criterion(with.lock_types[0].who, with);
    };
    CHECK(words({{"membership_active", ""}}) == "members");
    CHECK(words({{"any", {{{"membership_active", ""}}, {{"tag", "staff"}}}}}) == "members or customers tagged staff");
    CHECK(words({{"not", {{"any", {{{"tag", "a"}}, {{"tag", "b"}}}}}}}) == "not (customers tagged a or customers tagged b)");
    CHECK(words({{"all", {{{"series_subscriber", "five"}}, {{"any", {{{"tag", "a"}}}}}}}}) ==
          "subscribers to the 5 Event Package and customers tagged a");
    PricedBasket locked = price(fixture([](json& j) {
                                    j["lock_types"][0]["who"] = {{"any", {{{"membership_active", ""}}, {{"tag", "staff"}}}}};
                                }),
                                basket({ticket("macbeth-mon", "A6")}));
    REQUIRE(has_problem(locked, 0, "locked_seat"));
    CHECK(locked.problems[0].message == "seat A6 is kept for members or customers tagged staff (Members' block)");
}
