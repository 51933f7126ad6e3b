// "Use a pass": which passes a basket can use, with the allowance left, by the same rule pricing
// redeems them with (checked against price_basket on random baskets).
#include <catch2/catch.hpp>

#include "encore/pass_redemption.hpp"
#include "pricing_support.hpp"
#include "random_pricing.hpp"

using namespace test;
using encore::UsablePass;

namespace {

json owned(const char* pass, const char* code, json redeemed = json::array(), const char* expires = "2027-05-01T00:00:00Z") {
    return {{"pass", pass}, {"code", code}, {"expires_at", expires}, {"redeemed", redeemed}};
}
json redeem(json line, const char* code) {
    line["redeem"] = {{"code", code}};
    return line;
}
const json flex_line = {{"kind", "pass"}, {"pass", "flex-5"}};

std::vector<UsablePass> usable(const encore::Catalog& c, const json& basket_json, const json& customer_json,
                               const char* now = "2026-11-21T12:00:00Z") {
    encore::Problems problems;
    auto b = encore::basket_from_json(basket_json, problems);
    auto who = encore::customer_from_json(customer_json, problems);
    REQUIRE(b);
    REQUIRE(who);
    return encore::usable_passes(c, *b, *who, at(now));
}

// "FLEX-1 left 4 lines 1,2" for each usable pass; "basket:N" for a pass bought on line N.
std::string summary(const std::vector<UsablePass>& passes) {
    std::string out;
    for (const UsablePass& p : passes) {
        if (!out.empty()) out += "; ";
        out += p.redeem.basket_line >= 0 ? "basket:" + std::to_string(p.redeem.basket_line) : p.redeem.code;
        out += " left " + std::to_string(p.left) + " lines";
        for (std::size_t i = 0; i < p.lines.size(); ++i) out += (i ? "," : " ") + std::to_string(p.lines[i]);
    }
    return out;
}

}  // namespace

TEST_CASE("use a pass: the passes a basket can use and what is left of them", "[pass][use]") {
    const encore::Catalog c = fixture();
    struct Row {
        const char* what;
        std::vector<json> lines;
        std::vector<json> passes;  // a vector, not json: clang makes {one_json} a copy, not an array (CWG 2137)
        std::string expected;
    };
    const std::vector<Row> rows = {
        {"an owned pass for a covered play", {ticket("macbeth-mon", "A1")}, {owned("flex-5", "FLEX-1")}, "FLEX-1 left 5 lines 0"},
        {"earlier redemptions count", {ticket("hamlet-mon", "A1")}, {owned("flex-5", "FLEX-1", {"macbeth-mon", "lear-mon"})},
         "FLEX-1 left 3 lines 0"},
        {"used up", {ticket("othello-mon", "A1")},
         {owned("flex-5", "FLEX-1", {"macbeth-mon", "hamlet-mon", "lear-mon", "tempest-mon", "concert-1"})}, ""},
        {"expired", {ticket("macbeth-mon", "A1")}, {owned("flex-5", "OLD", json::array(), "2026-11-01T00:00:00Z")}, ""},
        {"its window has not started", {ticket("macbeth-mon", "A1")}, {owned("flex-late", "LATE")}, ""},
        {"an event it does not cover", {ticket("lear-mon", "A1")}, {owned("flex-repeat", "REP")}, ""},
        {"only the ticket lines it covers", {ticket("lear-mon", "A1"), ticket("macbeth-sat", "A1"), ticket("macbeth-mon", "A2")},
         {owned("flex-repeat", "REP")}, "REP left 4 lines 1,2"},
        {"this basket's redemptions count", {redeem(ticket("macbeth-mon", "A1"), "FLEX-1"), ticket("hamlet-mon", "A2")},
         {owned("flex-5", "FLEX-1")}, "FLEX-1 left 4 lines 1"},
        {"another date of an event it already paid for here",
         {redeem(ticket("macbeth-mon", "A1"), "FLEX-1"), ticket("macbeth-sat", "A2")}, {owned("flex-5", "FLEX-1")}, ""},
        {"a pass bought in the basket", {flex_line, ticket("hamlet-sat", "B1")}, {}, "basket:0 left 5 lines 1"},
        {"owned passes first, then the basket's", {ticket("hamlet-sat", "B1"), flex_line},
         {owned("flex-repeat", "REP"), owned("flex-5", "FLEX-1")}, "FLEX-1 left 5 lines 0; basket:1 left 5 lines 0"},
        {"no ticket lines", {flex_line}, {owned("flex-5", "FLEX-1")}, ""},
        {"series lines are not redeemed with passes", {series("five", "mon", "A1")}, {owned("flex-5", "FLEX-1")}, ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        CHECK(summary(usable(c, basket(r.lines), {{"passes", json(r.passes)}})) == r.expected);
    }
}

TEST_CASE("use a pass: ticket types the pass excludes", "[pass][use]") {
    const encore::Catalog c = fixture([](json& j) { j["flex_passes"][0]["ticket_types"] = {"adult"}; });
    const json customer = {{"passes", json::array({owned("flex-5", "FLEX-1")})}};
    CHECK(summary(usable(c, basket({ticket("macbeth-mon", "A1", "child")}), customer)).empty());
    CHECK(summary(usable(c, basket({ticket("macbeth-mon", "A1", "child"), ticket("hamlet-mon", "A1")}), customer)) ==
          "FLEX-1 left 5 lines 1");
}

TEST_CASE("use a pass: the details the basket shows", "[pass][use]") {
    auto passes = usable(fixture(), basket({ticket("macbeth-mon", "A1")}), {{"passes", json::array({owned("flex-5", "FLEX-1")})}});
    REQUIRE(passes.size() == 1);
    CHECK(passes[0].pass.value == "flex-5");
    CHECK(passes[0].name == "Flex 5 Pass");
    CHECK(passes[0].allowance == 5);
    CHECK(passes[0].expires_at == at("2027-05-01T00:00:00Z"));
}

TEST_CASE("use a pass agrees with pricing on random baskets", "[pass][use][property]") {
    encore::testing::Rng rng(8);
    const encore::Catalog c = fixture();
    int offered = 0, refused = 0;
    for (int trial = 0; trial < 6000; ++trial) {
        const encore::Instant now{at("2026-11-02T00:00:00Z").unix_seconds + rng.below(120) * 86400};
        const encore::Customer who = encore::testing::random_customer(c, rng, now);
        const encore::Basket b = encore::testing::random_basket(c, who, rng, 5);
        if (!encore::price_basket(c, b, who, now).valid) continue;
        const std::vector<UsablePass> passes = encore::usable_passes(c, b, who, now);
        // In a sellable basket, every candidate pass x ticket line without a pass: listed exactly when
        // pricing accepts the redemption.
        std::vector<encore::PassRedemption> candidates;
        for (const auto& p : who.passes) candidates.push_back({p.code, -1});
        for (std::size_t i = 0; i < b.lines.size(); ++i)
            if (b.lines[i].kind == encore::LineKind::pass) candidates.push_back({{}, static_cast<int>(i)});
        for (const encore::PassRedemption& candidate : candidates)
            for (std::size_t i = 0; i < b.lines.size(); ++i) {
                if (b.lines[i].kind != encore::LineKind::ticket || b.lines[i].redeem) continue;
                encore::Basket with = b;
                with.lines[i].redeem = candidate;
                const bool accepted = encore::price_basket(c, with, who, now).valid;
                bool listed = false;
                for (const UsablePass& p : passes)
                    if (p.redeem.basket_line == candidate.basket_line && p.redeem.code == candidate.code)
                        listed = std::find(p.lines.begin(), p.lines.end(), static_cast<int>(i)) != p.lines.end();
                CAPTURE(trial, i, candidate.code, candidate.basket_line);
                CHECK(listed == accepted);
                (listed ? offered : refused) += 1;
            }
    }
    CHECK(offered > 100);
    CHECK(refused > 100);
}

TEST_CASE("passes in use: what each pass pays for in the basket and what it has left", "[pass][use]") {
    const encore::Catalog c = fixture();
    auto in_use = [&](const std::vector<json>& lines, const std::vector<json>& passes) {
        encore::Problems problems;
        auto b = encore::basket_from_json(basket(lines), problems);
        auto who = encore::customer_from_json({{"passes", json(passes)}}, problems);
        REQUIRE(b);
        REQUIRE(who);
        return encore::passes_in_use(c, *b, *who, at("2026-11-21T12:00:00Z"));
    };
    struct Row {
        const char* what;
        std::vector<json> lines;
        std::vector<json> passes;
        std::string expected;
    };
    const std::vector<Row> rows = {
        {"nothing redeemed", {ticket("macbeth-mon", "A1")}, {owned("flex-5", "FLEX-1")}, ""},
        {"one owned pass on two lines", {redeem(ticket("macbeth-mon", "A1"), "FLEX-1"), ticket("lear-mon", "A1"),
                                         redeem(ticket("hamlet-mon", "A1"), "FLEX-1")},
         {owned("flex-5", "FLEX-1")}, "FLEX-1 left 3 lines 0,2"},
        {"earlier orders' redemptions count", {redeem(ticket("hamlet-mon", "A1"), "FLEX-1")},
         {owned("flex-5", "FLEX-1", {"macbeth-mon", "lear-mon"})}, "FLEX-1 left 2 lines 0"},
        {"a pass bought in the basket", {flex_line, {{"kind", "ticket"}, {"instance", "hamlet-sat"}, {"seat", "B1"},
                                                     {"ticket_type", "adult"}, {"redeem", {{"line", 0}}}}},
         {}, "basket:0 left 4 lines 1"},
        {"two passes, each once, in the order first redeemed",
         {redeem(ticket("macbeth-mon", "A1"), "REP"), redeem(ticket("hamlet-mon", "A1"), "FLEX-1"), redeem(ticket("macbeth-sat", "A2"), "REP")},
         {owned("flex-5", "FLEX-1"), owned("flex-repeat", "REP")}, "REP left 2 lines 0,2; FLEX-1 left 4 lines 1"},
        {"a redemption its rule refuses pays for nothing", {redeem(ticket("macbeth-mon", "A1"), "FLEX-1"), redeem(ticket("macbeth-sat", "A2"), "FLEX-1")},
         {owned("flex-5", "FLEX-1")}, "FLEX-1 left 4 lines 0"},
        {"an unknown code is left out", {redeem(ticket("macbeth-mon", "A1"), "NOPE")}, {owned("flex-5", "FLEX-1")}, ""},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        CHECK(summary(in_use(r.lines, r.passes)) == r.expected);
    }
}

TEST_CASE("passes in use agree with pricing: each redeemed ticket of a sellable basket is counted once", "[pass][use][property]") {
    encore::testing::Rng rng(81);
    const encore::Catalog c = fixture();
    int checked = 0;
    for (int trial = 0; trial < 4000; ++trial) {
        const encore::Instant now{at("2026-11-02T00:00:00Z").unix_seconds + rng.below(120) * 86400};
        const encore::Customer who = encore::testing::random_customer(c, rng, now);
        encore::Basket b = encore::testing::random_basket(c, who, rng, 5);
        // Redeem a random usable pass on a random free ticket line, as "Use a pass" does.
        const std::vector<UsablePass> usable_now = encore::usable_passes(c, b, who, now);
        if (!usable_now.empty()) {
            const UsablePass& p = usable_now[rng.below(usable_now.size())];
            b.lines[p.lines[rng.below(p.lines.size())]].redeem = p.redeem;
        }
        const encore::PricedBasket priced = encore::price_basket(c, b, who, now);
        if (!priced.valid) continue;
        const std::vector<UsablePass> used = encore::passes_in_use(c, b, who, now);
        int redeemed_lines = 0, counted = 0;
        for (const encore::PricedLine& line : priced.lines)
            for (const encore::PricedItem& item : line.items) redeemed_lines += !item.pass.empty();
        for (const UsablePass& p : used) {
            counted += static_cast<int>(p.lines.size());
            CHECK(p.left >= 0);
            CHECK(p.left <= p.allowance - static_cast<int>(p.lines.size()));
            for (int i : p.lines) CHECK(priced.lines[i].items.front().pass == p.pass);
        }
        CAPTURE(trial);
        CHECK(counted == redeemed_lines);
        checked += redeemed_lines > 0;
    }
    CHECK(checked > 100);
}
