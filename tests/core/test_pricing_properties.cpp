// Properties over thousands of random baskets: totals add up; the optimiser is never beaten by a
// brute-force search; more offers never cost more; removing a pass or membership from a basket
// never makes the rest cheaper through a benefit it gave.
#include <catch2/catch.hpp>

#include <functional>

#include "encore/offer_assignment.hpp"
#include "pricing_support.hpp"
#include "random_pricing.hpp"

using namespace test;
using encore::PricedBasket;
using encore::testing::Rng;

namespace {

const encore::Instant now = at("2026-12-15T12:00:00Z");

encore::Catalog random_catalog(Rng& rng, bool monotone) {
    encore::Catalog c = fixture();
    c.offers = encore::testing::random_offers(c, rng, rng.below(8), monotone);
    c.fees = encore::testing::random_fees(c, rng);
    return c;
}

void check_totals(const PricedBasket& b, std::size_t lines) {
    if (!b.valid) {
        REQUIRE_FALSE(b.problems.empty());
        CHECK(b.lines.empty());
        CHECK(b.total == 0);
        for (const auto& p : b.problems) {
            CHECK(p.line >= -1);
            CHECK(p.line < static_cast<int>(lines));
            CHECK_FALSE(p.message.empty());
        }
        return;
    }
    REQUIRE(b.problems.empty());
    REQUIRE(b.lines.size() == lines);
    std::int64_t total = 0, base = 0, prices = 0, fees = 0;
    for (const auto& line : b.lines) {
        std::int64_t line_total = 0;
        for (const auto& item : line.items) {
            CHECK(item.price >= 0);
            CHECK(item.price <= item.base);
            CHECK(item.offer_discount >= 0);
            CHECK_FALSE(item.explanation.empty());
            if (!item.pass.empty()) CHECK(item.offer.empty());
            base += item.base;
            prices += item.price;
            line_total += item.price;
            for (const auto& f : item.fees) {
                CHECK(f.amount >= 0);
                if (f.waived) CHECK(f.amount == 0);
                line_total += f.amount;
                fees += f.amount;
            }
        }
        CHECK(line.total == line_total);
        total += line_total;
    }
    for (const auto& f : b.order_fees) {
        CHECK(f.amount >= 0);
        total += f.amount;
        fees += f.amount;
    }
    CHECK(b.total == total);
    CHECK(b.base_total == base);
    CHECK(b.fee_total == fees);
    CHECK(b.discount_total == base - prices);
    CHECK(b.discount_total >= 0);
}

}  // namespace

TEST_CASE("totals always add up and every price is explained", "[pricing][property]") {
    Rng rng(1);
    int valid = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        const encore::Catalog c = random_catalog(rng, false);
        const encore::Customer who = encore::testing::random_customer(c, rng, now);
        const encore::Basket basket = encore::testing::random_basket(c, who, rng, 8);
        CAPTURE(trial, encore::basket_to_json(basket).dump());
        const PricedBasket b = encore::price_basket(c, basket, who, now);
        check_totals(b, basket.lines.size());
        valid += b.valid;
    }
    CHECK(valid > 600);  // the generator must exercise real prices, not only refusals
}

TEST_CASE("the offer optimiser is never beaten by a brute-force search", "[pricing][property][optimiser]") {
    Rng rng(2);
    for (int trial = 0; trial < 2000; ++trial) {
        encore::OfferAssignmentProblem p;
        p.tickets = 1 + rng.below(6);
        p.offers = 1 + rng.below(4);
        for (int i = 0; i < p.tickets * p.offers; ++i) p.value.push_back(rng.chance(35) ? 0 : 1 + rng.below(rng.chance(50) ? 5 : 3000));
        for (int o = 0; o < p.offers; ++o) p.capacity.push_back(rng.below(4));
        const encore::OfferAssignment got = encore::assign_offers(p);

        std::vector<int> used(p.offers, 0);
        std::int64_t sum = 0;
        for (int t = 0; t < p.tickets; ++t) {
            const int o = got.offer_of_ticket[t];
            if (o < 0) continue;
            REQUIRE(p.value[t * p.offers + o] > 0);
            sum += p.value[t * p.offers + o];
            ++used[o];
        }
        for (int o = 0; o < p.offers; ++o) REQUIRE(used[o] <= p.capacity[o]);
        REQUIRE(sum == got.total);

        std::int64_t best = 0;
        std::vector<int> choice(p.tickets, -1);
        std::function<void(int, std::int64_t)> search = [&](int t, std::int64_t so_far) {
            if (t == p.tickets) { best = std::max(best, so_far); return; }
            search(t + 1, so_far);
            for (int o = 0; o < p.offers; ++o) {
                const std::int64_t v = p.value[t * p.offers + o];
                if (v <= 0 || used[o] >= p.capacity[o]) continue;
                ++used[o];
                search(t + 1, so_far + v);
                --used[o];
            }
        };
        std::fill(used.begin(), used.end(), 0);
        search(0, 0);
        CAPTURE(trial);
        REQUIRE(got.total == best);
    }
}

TEST_CASE("more offers never make a basket cost more", "[pricing][property][optimiser]") {
    Rng rng(3);
    for (int trial = 0; trial < 800; ++trial) {
        encore::Catalog c = random_catalog(rng, false);
        if (c.offers.empty()) continue;
        const encore::Customer who = encore::testing::random_customer(c, rng, now);
        const encore::Basket basket = encore::testing::random_basket(c, who, rng, 6);
        const PricedBasket all = encore::price_basket(c, basket, who, now);
        if (!all.valid) continue;
        c.offers.erase(c.offers.begin() + rng.below(static_cast<int>(c.offers.size())));
        const PricedBasket fewer = encore::price_basket(c, basket, who, now);
        REQUIRE(fewer.valid);
        CAPTURE(trial);
        CHECK(all.total <= fewer.total);
    }
}

TEST_CASE("removing a pass or membership never makes the rest of the basket cheaper", "[pricing][property][eligibility]") {
    Rng rng(4);
    int compared = 0;
    for (int trial = 0; trial < 2500; ++trial) {
        const encore::Catalog c = random_catalog(rng, true);
        const encore::Customer who = encore::testing::random_customer(c, rng, now);
        encore::Basket basket = encore::testing::random_basket(c, who, rng, 7);
        if (rng.chance(60)) {  // make sure an eligibility source is often there
            encore::BasketLine product;
            product.kind = rng.chance(50) ? encore::LineKind::membership : encore::LineKind::pass;
            product.product = product.kind == encore::LineKind::membership ? c.memberships.front().id : rng.pick(c.flex_passes).id;
            basket.lines.push_back(product);
        }
        const PricedBasket with = encore::price_basket(c, basket, who, now);
        if (!with.valid) continue;
        for (std::size_t removed = 0; removed < basket.lines.size(); ++removed) {
            const auto kind = basket.lines[removed].kind;
            if (kind != encore::LineKind::pass && kind != encore::LineKind::membership) continue;
            encore::Basket without = basket;
            without.lines.erase(without.lines.begin() + static_cast<long>(removed));
            for (auto& line : without.lines)
                if (line.redeem && line.redeem->basket_line > static_cast<int>(removed)) --line.redeem->basket_line;
            const PricedBasket after = encore::price_basket(c, without, who, now);
            if (!after.valid) continue;  // a benefit the rest depended on is gone: refused, not cheaper
            ++compared;
            CAPTURE(trial, removed, encore::basket_to_json(basket).dump());
            CHECK(after.total >= with.total - with.lines[removed].total);
        }
    }
    CHECK(compared > 300);
}
