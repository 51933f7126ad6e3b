// Offers and fees: kinds, scopes, the fixed-series rule, eligibility, minimum quantity and limits;
// the optimiser's best total where a greedy choice would lose; rounding; order fees.
#include <catch2/catch.hpp>

#include "pricing_support.hpp"

using namespace test;
using encore::PricedBasket;

namespace {
encore::Catalog with_offers(std::vector<json> offers, json fees = json()) {
    return fixture([&](json& j) {
        j["offers"] = json(offers);
        if (!fees.is_null()) j["fees"] = fees;
    });
}
json offer(const char* id, const char* kind, json extra = json::object()) {
    json o = {{"id", id}, {"name", std::string("Offer ") + id}, {"kind", kind}};
    for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = it.value();
    return o;
}
}  // namespace

TEST_CASE("offer kinds price a ticket", "[pricing][offers]") {
    struct Row { json offer; std::int64_t price; };
    const std::vector<Row> rows = {
        {offer("pc", "percent_off", {{"percent", 10}}), 4500},
        {offer("pc", "percent_off", {{"percent", 33.33}}), 3333},     // 5000 * 33.33% = 1666.5 -> 1667 off
        {offer("pc", "percent_off", {{"percent", 12.5}}), 4375},
        {offer("am", "amount_off", {{"amount", 700}}), 4300},
        {offer("am", "amount_off", {{"amount", 9000}}), 0},            // never below zero
        {offer("fx", "fixed_price", {{"amount", 2000}}), 2000},
        {offer("fx", "fixed_price", {{"amount", 6000}}), 5000},        // not applied: it would cost more
    };
    for (const Row& r : rows) {
        CAPTURE(r.offer.dump());
        PricedBasket b = price(with_offers({r.offer}), basket({ticket("macbeth-mon", "A1")}));
        REQUIRE(b.valid);
        CHECK(b.lines[0].items[0].price == r.price);
        CHECK(b.discount_total == 5000 - r.price);
        CHECK(b.lines[0].items[0].offer.empty() == (r.price == 5000));
    }
}

TEST_CASE("offer scopes: events, instances, bands, ticket types, channels, eligibility", "[pricing][offers]") {
    const json ten = {{"percent", 10}};
    auto with = [&](json extra) { json o = offer("o", "percent_off", ten); for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = it.value(); return o; };
    const json member = {{"memberships", {{{"membership", "friends"}, {"starts", "2026-10-01T00:00:00Z"}, {"ends", "2027-10-01T00:00:00Z"}}}}};
    struct Row { json offer; json line; json customer; const char* channel; bool applies; };
    const std::vector<Row> rows = {
        {with({{"events", {"macbeth"}}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", true},
        {with({{"events", {"hamlet"}}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", false},
        {with({{"instances", {"macbeth-sat"}}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", false},
        {with({{"bands", {"B"}}}), ticket("macbeth-mon", "B1"), json::object(), "box_office", true},
        {with({{"bands", {"B"}}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", false},
        {with({{"ticket_types", {"child"}}}), ticket("macbeth-mon", "A1", "child"), json::object(), "box_office", true},
        {with({{"ticket_types", {"child"}}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", false},
        {with({{"channels", {"web"}}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", false},
        {with({{"who", {{"membership_active", "friends"}}}}), ticket("macbeth-mon", "A1"), member, "box_office", true},
        {with({{"who", {{"membership_active", "friends"}}}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", false},
        {with({{"series_rule", "only"}}), ticket("macbeth-mon", "A1"), json::object(), "box_office", false},
        {with({{"series_rule", "not"}}), series("five", "mon", "A1"), json::object(), "box_office", false},
        {with({{"series_rule", "only"}}), series("five", "mon", "A1"), json::object(), "box_office", true},
        {with({{"series_rule", "either"}}), series("five", "mon", "A1"), json::object(), "box_office", true},
    };
    for (const Row& r : rows) {
        CAPTURE(r.offer.dump(), r.line.dump());
        PricedBasket b = price(with_offers({r.offer}), basket({r.line}, r.channel), r.customer);
        INFO(problems_text(b));
        REQUIRE(b.valid);
        CHECK((b.discount_total > 0) == r.applies);
    }
}

TEST_CASE("a membership in the basket unlocks a members' offer in the same basket", "[pricing][offers][eligibility]") {
    const encore::Catalog c = with_offers({offer("members", "percent_off", {{"percent", 20}, {"who", {{"holds", "friends"}}}})});
    PricedBasket alone = price(c, basket({ticket("macbeth-mon", "A1")}));
    PricedBasket joined = price(c, basket({ticket("macbeth-mon", "A1"), {{"kind", "membership"}, {"membership", "friends"}}}));
    CHECK(alone.total == 5000);
    CHECK(joined.total == 4000 + 6000);
    CHECK(joined.lines[0].items[0].explanation.find("£10.00 off with Offer members") != std::string::npos);
}

TEST_CASE("the optimiser finds the best basket total where greedy would not", "[pricing][offers]") {
    // Ticket 0 (band A) could take X (10.00 off, once per customer) or Y (9.00 off, band A only);
    // ticket 1 (band B) only X. Greedy gives X to ticket 0 and saves 10.00; the best is 19.00.
    const encore::Catalog c = with_offers({offer("X", "amount_off", {{"amount", 1000}, {"limit_per_customer", 1}}),
                                           offer("Y", "amount_off", {{"amount", 900}, {"bands", {"A"}}})});
    PricedBasket b = price(c, basket({ticket("macbeth-mon", "A1"), ticket("macbeth-mon", "B1")}));
    REQUIRE(b.valid);
    CHECK(b.discount_total == 1900);
    CHECK(b.lines[0].items[0].offer.value == "Y");
    CHECK(b.lines[1].items[0].offer.value == "X");
}

TEST_CASE("at most one offer per ticket, ties go to the offer listed first", "[pricing][offers]") {
    const encore::Catalog c = with_offers({offer("first", "amount_off", {{"amount", 500}}), offer("second", "amount_off", {{"amount", 500}})});
    PricedBasket b = price(c, basket({ticket("macbeth-mon", "A1"), ticket("macbeth-mon", "A2")}));
    REQUIRE(b.valid);
    CHECK(b.discount_total == 1000);
    CHECK(b.lines[0].items[0].offer.value == "first");
    CHECK(b.lines[1].items[0].offer.value == "first");
}

TEST_CASE("limits: minimum quantity, per customer counting earlier orders, in total", "[pricing][offers]") {
    const json three = json::array({ticket("macbeth-mon", "A1"), ticket("macbeth-mon", "A2"), ticket("macbeth-mon", "A3")});
    json four = three;
    four.push_back(ticket("macbeth-mon", "A4"));
    const encore::Catalog group = with_offers({offer("group", "amount_off", {{"amount", 500}, {"min_quantity", 4}})});
    CHECK(price(group, basket(three)).discount_total == 0);
    CHECK(price(group, basket(four)).discount_total == 2000);

    const encore::Catalog limited = with_offers({offer("lim", "amount_off", {{"amount", 500}, {"limit_per_customer", 2}, {"limit_total", 100}})});
    CHECK(price(limited, basket(three)).discount_total == 1000);
    CHECK(price(limited, basket(three), {{"offer_uses", {{"lim", 1}}}}).discount_total == 500);
    CHECK(price(limited, basket(three), {{"offer_uses", {{"lim", 5}}}}).discount_total == 0);
    CHECK(price(limited, basket(three), json::object(), "2026-11-21T12:00:00Z", {{"lim", 99}}).discount_total == 500);
    CHECK(price(limited, basket(three), json::object(), "2026-11-21T12:00:00Z", {{"lim", 100}}).discount_total == 0);
}

TEST_CASE("pass-redeemed tickets take no offer", "[pricing][offers][pass]") {
    const encore::Catalog c = with_offers({offer("pc", "percent_off", {{"percent", 50}})});
    json line = ticket("concert-1", "A1");
    line["redeem"] = {{"code", "F"}};
    PricedBasket b = price(c, basket({line}), {{"passes", {{{"pass", "flex-5"}, {"code", "F"}, {"expires_at", "2027-05-01T00:00:00Z"}}}}});
    REQUIRE(b.valid);
    CHECK(b.lines[0].items[0].price == 1500);
    CHECK(b.lines[0].items[0].offer.empty());
}

TEST_CASE("fees: per ticket and per order, fixed and percentage, waived by an offer or a criterion", "[pricing][fees]") {
    const json fees = {
        {{"id", "tkt"}, {"name", "ticket fee"}, {"per", "ticket"}, {"kind", "percent"}, {"percent", 5}},
        {{"id", "ord"}, {"name", "order fee"}, {"per", "order"}, {"kind", "fixed"}, {"amount", 200}, {"waived_for", {{"tag", "vip"}}}},
        {{"id", "card"}, {"name", "card fee"}, {"per", "order"}, {"kind", "percent"}, {"percent", 1.5}, {"channels", {"web"}}},
    };
    const encore::Catalog c = with_offers({}, fees);
    PricedBasket b = price(c, basket({ticket("macbeth-mon", "A1"), ticket("macbeth-mon", "B1")}, "web"));
    REQUIRE(b.valid);
    // tickets 5000 + 3500; ticket fees 250 + 175; order fee 200; card 1.5% of 8500 = 127.5 -> 128
    CHECK(b.fee_total == 250 + 175 + 200 + 128);
    CHECK(b.total == 8500 + 250 + 175 + 200 + 128);
    CHECK(b.order_fees.size() == 2);
    PricedBasket vip = price(c, basket({ticket("macbeth-mon", "A1")}, "box_office"), {{"tags", {"vip"}}});
    CHECK(vip.total == 5000 + 250);
    CHECK(vip.order_fees.at(0).waived);

    const encore::Catalog waiver = with_offers({offer("nofee", "fee_waiver", {{"bands", {"A"}}})}, fees);
    PricedBasket w = price(waiver, basket({ticket("macbeth-mon", "A1")}, "box_office"));
    REQUIRE(w.valid);
    CHECK(w.lines[0].items[0].fees.at(0).waived);
    CHECK(w.lines[0].items[0].offer.value == "nofee");
    CHECK(w.total == 5000 + 200);
    CHECK(w.discount_total == 0);
}

TEST_CASE("an invalid catalog offer is reported with its path", "[pricing][catalog]") {
    json doc = fixture_json();
    doc["offers"] = {offer("bad", "percent_off", {{"percent", 150}}), offer("bad", "half_off"),
                     offer("who", "amount_off", {{"amount", 1}, {"who", {{"holds", "gold-card"}}}})};
    doc["fixed_series"][0]["pricing_sets"][0]["columns"][0]["price_list"] = "drama";
    doc["fixed_series"][0]["events_required"] = "5-4";
    encore::CatalogLoad load = encore::load_catalog(doc);
    REQUIRE_FALSE(load.catalog);
    auto has = [&](const char* path, const char* code) {
        for (const auto& p : load.problems) if (p.path == path && p.code == code) return true;
        return false;
    };
    CHECK(has("/offers/0/percent", "out_of_range"));
    CHECK(has("/offers/1/id", "duplicate_id"));
    CHECK(has("/offers/1/kind", "invalid_value"));
    CHECK(has("/offers/2/who/holds", "unknown_reference"));
    CHECK(has("/fixed_series/0/pricing_sets/0/columns/0/price_list", "invalid_value"));
    CHECK(has("/fixed_series/0/events_required", "invalid_value"));
}

TEST_CASE("the product sections round-trip through JSON", "[catalog][pricing]") {
    const encore::Catalog c = with_offers({offer("pc", "percent_off", {{"percent", 12.5}, {"who", {{"any", {{{"tag", "a"}}, {{"not", {{"holds", "friends"}}}}}}}}})});
    const json once = encore::catalog_to_json(c);
    encore::CatalogLoad again = encore::load_catalog(once);
    REQUIRE(again.catalog);
    CHECK(encore::catalog_to_json(*again.catalog) == once);
    CHECK(again.catalog->fixed_series.size() == 2);
    CHECK(again.catalog->offers.at(0).value == 1250);
}
