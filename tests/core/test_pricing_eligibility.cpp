// In-basket eligibility: priority booking windows and seat locks open when a membership is in the
// basket or owned, and close again when it is removed; memberships are priced as products.
#include <catch2/catch.hpp>

#include "pricing_support.hpp"

using namespace test;
using encore::PricedBasket;

namespace {
const json member = {{"memberships", {{{"membership", "friends"}, {"starts", "2026-10-01T00:00:00Z"}, {"ends", "2027-10-01T00:00:00Z"}}}}};
const json friends_line = {{"kind", "membership"}, {"membership", "friends"}};
}  // namespace

TEST_CASE("priority booking opens for members, including a membership in the same basket", "[pricing][eligibility]") {
    const encore::Catalog c = fixture();
    const char* during_priority = "2026-12-15T12:00:00Z";
    PricedBasket stranger = price(c, basket({ticket("earnest-2027-02-01", "A1")}), json::object(), during_priority);
    CHECK(has_problem(stranger, 0, "priority_window_closed"));
    CHECK(stranger.problems.at(0).message.find("members of the Friends Membership") != std::string::npos);

    CHECK(price(c, basket({ticket("earnest-2027-02-01", "A1")}), member, during_priority).valid);

    PricedBasket joining = price(c, basket({ticket("earnest-2027-02-01", "A1"), friends_line}), json::object(), during_priority);
    INFO(problems_text(joining));
    REQUIRE(joining.valid);
    CHECK(joining.total == 5000 + 6000);

    PricedBasket too_early = price(c, basket({ticket("earnest-2027-02-01", "A1")}), member, "2026-11-21T12:00:00Z");
    CHECK(has_problem(too_early, 0, "priority_window_not_open"));

    CHECK(price(c, basket({ticket("earnest-2027-02-01", "A1")}), json::object(), "2027-01-15T09:30:00Z").valid);  // box office general sale
    PricedBasket web_not_yet = price(c, basket({ticket("earnest-2027-02-01", "A1")}, "web"), json::object(), "2027-01-15T09:30:00Z");
    CHECK(has_problem(web_not_yet, 0, "priority_window_closed"));
}

TEST_CASE("a membership counts only if it is active on the performance's date", "[pricing][eligibility]") {
    const json lapsing = {{"memberships", {{{"membership", "friends"}, {"starts", "2025-12-01T00:00:00Z"}, {"ends", "2027-01-20T00:00:00Z"}}}}};
    const encore::Catalog c = fixture();
    CHECK(has_problem(price(c, basket({ticket("earnest-2027-02-01", "A1")}), lapsing, "2026-12-15T12:00:00Z"), 0, "priority_window_closed"));
    CHECK(price(c, basket({ticket("macbeth-mon", "A6")}), lapsing).valid);        // 11 Jan: still a member
    CHECK(has_problem(price(c, basket({ticket("othello-mon", "A6")}), lapsing), 0, "locked_seat"));  // 8 Feb: not any more
}

TEST_CASE("locked seats are bookable only by eligible customers", "[pricing][eligibility]") {
    const encore::Catalog c = fixture();
    PricedBasket stranger = price(c, basket({ticket("macbeth-mon", "A6")}));
    CHECK(has_problem(stranger, 0, "locked_seat"));
    CHECK(stranger.problems.at(0).message.find("Members' block") != std::string::npos);
    CHECK(price(c, basket({ticket("macbeth-mon", "A6")}), member).valid);
    CHECK(price(c, basket({friends_line, ticket("macbeth-mon", "A6")})).valid);
    const encore::Catalog released = fixture([](json& j) { j["seat_locks"][0]["released_at"] = "2026-11-20T00:00:00Z"; });
    CHECK(price(released, basket({ticket("macbeth-mon", "A6")})).valid);
}

TEST_CASE("criteria compose with all, any and not", "[pricing][eligibility]") {
    const json tagged = {{"tags", {"staff"}}};
    auto catalog_with = [](json who) {
        return fixture([&](json& j) { j["lock_types"][0]["who"] = who; });
    };
    struct Row { json who; json customer; bool bookable; };
    const std::vector<Row> rows = {
        {{{"tag", "staff"}}, tagged, true},
        {{{"tag", "staff"}}, json::object(), false},
        {{{"not", {{"tag", "staff"}}}}, json::object(), true},
        {{{"not", {{"tag", "staff"}}}}, tagged, false},
        {{{"any", {{{"tag", "staff"}}, {{"membership_active", ""}}}}}, member, true},
        {{{"all", {{{"tag", "staff"}}, {{"membership_active", ""}}}}}, member, false},
        {{{"all", {{{"tag", "staff"}}, {{"holds", "friends"}}}}}, {{"tags", {"staff"}}, {"memberships", member["memberships"]}}, true},
        {{{"series_subscriber", "five"}}, {{"subscriptions", {{{"series", "five"}, {"group", "mon"}}}}}, true},
        {{{"series_subscriber", "five"}}, json::object(), false},
        {{{"always", true}}, json::object(), true},
    };
    for (const Row& r : rows) {
        CAPTURE(r.who.dump(), r.customer.dump());
        CHECK(price(catalog_with(r.who), basket({ticket("macbeth-mon", "A6")}), r.customer).valid == r.bookable);
    }
}

TEST_CASE("a series in the basket makes its buyer a subscriber at once", "[pricing][eligibility]") {
    const encore::Catalog c = fixture([](json& j) { j["lock_types"][0]["who"] = {{"series_subscriber", "five"}}; });
    CHECK(has_problem(price(c, basket({ticket("concert-1", "A6")})), 0, "locked_seat"));
    CHECK(price(c, basket({series("five", "sat", "B1"), ticket("concert-1", "A6")})).valid);
}

TEST_CASE("memberships and passes are sold as products, on sale per channel", "[pricing]") {
    const encore::Catalog c = fixture();
    PricedBasket b = price(c, basket({friends_line}));
    REQUIRE(b.valid);
    CHECK(b.total == 6000);
    CHECK(b.lines[0].items[0].explanation.find("valid until 2027-11-21") != std::string::npos);
    const encore::Catalog not_yet = fixture([](json& j) { j["memberships"][0]["on_sale"] = {{"web", "2027-01-01T00:00:00Z"}}; });
    CHECK(has_problem(price(not_yet, basket({friends_line}, "web")), 0, "product_not_on_sale_yet"));
    CHECK(has_problem(price(not_yet, basket({friends_line}, "box_office")), 0, "product_not_on_sale"));
}

TEST_CASE("ordinary ticket lines are refused with a precise reason", "[pricing]") {
    const encore::Catalog c = fixture();
    struct Row { json line; const char* code; };
    const std::vector<Row> rows = {
        {ticket("nope", "A1"), "unknown_instance"},
        {ticket("macbeth-mon", "Q1"), "unknown_seat"},
        {ticket("macbeth-mon", "A1", "pensioner"), "unknown_ticket_type"},
        {ticket("concert-1", "A1", "concession"), "ticket_type_not_sold"},
        {{{"kind", "pass"}, {"pass", "nope"}}, "unknown_pass"},
        {{{"kind", "membership"}, {"membership", "nope"}}, "unknown_membership"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.line.dump());
        CHECK(has_problem(price(c, basket({r.line})), 0, r.code));
    }
    CHECK(has_problem(price(c, basket(json::array())), -1, "empty_basket"));
    CHECK(has_problem(price(c, basket({ticket("macbeth-mon", "A1")}), json::object(), "2027-01-11T19:30:00Z"), 0, "performance_started"));
    CHECK(price(c, basket({ticket("macbeth-mon", "A1")}), json::object(), "2027-01-11T19:29:59Z").valid);
}
