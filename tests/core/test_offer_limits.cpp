// Offers with a total limit: the remaining counts the server publishes turn back into the usage pricing
// takes, so the page prices exactly as the server does when both know the same counts.
#include <catch2/catch.hpp>

#include "encore/offer_limits.hpp"
#include "pricing_support.hpp"
#include "random_pricing.hpp"

using namespace test;

namespace {

encore::Catalog limited_catalog() {
    return fixture([](json& j) {
        j["offers"] = {{{"id", "early"}, {"name", "Early bird"}, {"kind", "percent_off"}, {"percent", 20}, {"limit_total", 3}},
                       {{"id", "open"}, {"name", "Open offer"}, {"kind", "amount_off"}, {"amount", 100}},
                       {{"id", "last"}, {"name", "Last ten"}, {"kind", "amount_off"}, {"amount", 500}, {"limit_total", 10}}};
    });
}

using Counts = std::vector<std::pair<encore::OfferId, int>>;

Counts counts(std::initializer_list<std::pair<const char*, int>> list) {
    Counts out;
    for (const auto& [id, n] : list) out.emplace_back(encore::OfferId{id}, n);
    return out;
}

}  // namespace

TEST_CASE("what is left of offers with a total limit, and the usage it stands for", "[offers][limits]") {
    const encore::Catalog c = limited_catalog();
    struct Row { Counts used; Counts remaining; Counts back; };
    const std::vector<Row> rows = {
        {{}, counts({{"early", 3}, {"last", 10}}), {}},
        {counts({{"early", 1}, {"open", 40}}), counts({{"early", 2}, {"last", 10}}), counts({{"early", 1}})},
        {counts({{"last", 10}, {"early", 2}}), counts({{"early", 1}, {"last", 0}}), counts({{"early", 2}, {"last", 10}})},
        {counts({{"early", 7}, {"gone", 4}}), counts({{"early", 0}, {"last", 10}}), counts({{"early", 3}})},
    };
    for (const Row& r : rows) {
        const encore::OfferRemaining remaining = encore::offers_remaining(c, encore::OfferUsage{r.used});
        CHECK(remaining.tickets == r.remaining);
        CHECK(encore::usage_from_remaining(c, remaining).tickets == r.back);
    }
    // Counts the server did not send mean no use; counts above the limit mean none used; others are ignored.
    CHECK(encore::usage_from_remaining(c, {counts({{"last", 4}})}).tickets == counts({{"last", 6}}));
    CHECK(encore::usage_from_remaining(c, {counts({{"early", 99}, {"open", 1}, {"nope", 2}})}).tickets.empty());
}

TEST_CASE("usage and remaining counts as JSON", "[offers][limits][json]") {
    CHECK(encore::offer_usage_to_json({counts({{"early", 2}, {"last", 0}})}) == json{{"early", 2}, {"last", 0}});
    CHECK(encore::offer_remaining_to_json({counts({{"early", 1}})}) == json{{"early", 1}});
    encore::Problems problems;
    auto remaining = encore::offer_remaining_from_json(json{{"early", 1}, {"last", 9}}, problems);
    REQUIRE(remaining);
    CHECK(remaining->tickets == counts({{"early", 1}, {"last", 9}}));
    CHECK_FALSE(encore::offer_remaining_from_json(json{{"early", -1}}, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/early");
    CHECK_FALSE(encore::offer_remaining_from_json(json::array(), problems));
    auto usage = encore::offer_usage_from_json(encore::offer_usage_to_json({counts({{"early", 2}})}), problems);
    REQUIRE(usage);
    CHECK(usage->tickets == counts({{"early", 2}}));
}

TEST_CASE("the page prices as the server does from the published remaining counts", "[offers][limits][property]") {
    encore::testing::Rng rng(11);
    int limited = 0, differs_from_unused = 0;
    for (int trial = 0; trial < 400; ++trial) {
        encore::Catalog c = fixture();
        c.offers = encore::testing::random_offers(c, rng, 1 + rng.below(6), rng.chance(50));
        for (encore::Offer& o : c.offers)
            if (rng.chance(60)) o.limit_total = 1 + rng.below(4);
        encore::OfferUsage used;
        for (const encore::Offer& o : c.offers)
            if (rng.chance(70)) used.tickets.emplace_back(o.id, rng.below(6));
        const encore::Instant now = at("2026-12-15T12:00:00Z");
        const encore::Customer who = encore::testing::random_customer(c, rng, now);
        const encore::Basket b = encore::testing::random_basket(c, who, rng, 6);
        // The server publishes what is left; the page reads it from JSON and prices with the usage it stands for.
        encore::Problems problems;
        const json published = encore::offer_remaining_to_json(encore::offers_remaining(c, used));
        const auto remaining = encore::offer_remaining_from_json(json::parse(published.dump()), problems);
        REQUIRE(remaining);
        const json server = encore::priced_basket_to_json(encore::price_basket(c, b, who, now, used));
        const json page = encore::priced_basket_to_json(encore::price_basket(c, b, who, now, encore::usage_from_remaining(c, *remaining)));
        CAPTURE(trial);
        CHECK(page == server);
        limited += !remaining->tickets.empty();
        differs_from_unused += encore::priced_basket_to_json(encore::price_basket(c, b, who, now)) != server;
    }
    CHECK(limited > 100);
    CHECK(differs_from_unused > 10);  // the counts matter: pricing as if none were used would differ
}
