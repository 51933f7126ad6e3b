// Benchmark: pricing one 40-ticket basket (2 series lines, 10 tickets redeeming owned passes, 20 single
// tickets) against 50 offers and 5 flex passes. Prints "pricing: N baskets, X us per basket" (median run).
// usage: bench_pricing [pricing_catalog.json]   (default: the core tests' fixture catalog)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"

namespace {

using namespace encore;

Instant at(const char* text) { return *parse_instant(text); }

FlexPass extra_pass(const char* id, const char* name, int allowance, PassDiscount discount) {
    FlexPass p;
    p.id = ProductId{id};
    p.name = name;
    p.price = 10000;
    p.allowance = allowance;
    for (const char* e : {"macbeth", "hamlet", "lear", "tempest", "othello", "concert"}) p.events.push_back(EventId{e});
    p.discount = discount;
    p.max_per_instance = 4;
    p.repeat_redemption = true;
    p.max_per_event = 2;
    p.window_starts = Date{2026, 11, 1};
    p.window_days = 200;
    p.on_sale = {at("2026-11-01T10:00:00Z"), at("2026-11-01T09:00:00Z")};
    return p;
}

// 50 offers with varied kinds, scopes, series rules, criteria, minimum quantities and limits.
std::vector<Offer> bench_offers() {
    const std::vector<EventId> events{EventId{"macbeth"}, EventId{"hamlet"}, EventId{"lear"},
                                      EventId{"tempest"}, EventId{"othello"}, EventId{"concert"}};
    std::vector<Offer> offers;
    for (int i = 0; i < 50; ++i) {
        Offer o;
        o.id = OfferId{"bench-" + std::to_string(i)};
        o.name = "Bench offer " + std::to_string(i);
        o.kind = static_cast<OfferKind>(i % 4);
        switch (o.kind) {
            case OfferKind::percent_off: o.value = 500 + 100 * (i % 20); break;
            case OfferKind::amount_off: o.value = 100 + 50 * (i % 15); break;
            case OfferKind::fixed_price: o.value = 1500 + 100 * (i % 10); break;
            case OfferKind::fee_waiver: break;
        }
        if (i % 3 == 0)
            for (int k = 0; k < 3; ++k) o.events.push_back(events[(i / 3 + k) % events.size()]);
        if (i % 5 == 1) o.bands = {PriceBandId{"A"}};
        if (i % 5 == 2) o.bands = {PriceBandId{"B"}};
        if (i % 7 == 3) o.ticket_types = {TicketTypeId{"concession"}};
        if (i % 7 == 5) o.ticket_types = {TicketTypeId{"adult"}, TicketTypeId{"child"}};
        o.series_rule = i % 6 == 0 ? SeriesRule::only_series : i % 6 == 1 ? SeriesRule::not_series : SeriesRule::either;
        if (i % 8 == 2) o.who = Criterion{Criterion::Kind::holds, "flex-5", {}};
        if (i % 8 == 6) o.who = Criterion{Criterion::Kind::tag, "staff", {}};
        if (i % 16 == 15) o.who = Criterion{Criterion::Kind::membership_active, "friends", {}};  // not met
        if (i % 9 == 4) o.min_quantity = 3;
        if (o.kind == OfferKind::fixed_price || i % 5 == 3) o.limit_per_customer = 2 + i % 3;  // the best are scarce
        if (i % 10 == 7) o.limit_total = 6;
        offers.push_back(std::move(o));
    }
    return offers;
}

Catalog bench_catalog(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    CatalogLoad load = load_catalog(std::string_view(text.str()));
    if (!load.catalog) {
        std::fprintf(stderr, "bench_pricing: %s does not load (%s)\n", path,
                     load.problems.empty() ? "?" : load.problems[0].message.c_str());
        std::exit(2);
    }
    Catalog c = std::move(*load.catalog);
    c.flex_passes.push_back(extra_pass("flex-10", "Flex 10 Pass", 10, {PassDiscountKind::percent_off, 3000}));
    c.flex_passes.push_back(extra_pass("flex-fixed", "Fixed Price Pass", 6, {PassDiscountKind::fixed_price, 1200}));
    c.offers = bench_offers();
    Fee service;
    service.id = FeeId{"service"};
    service.name = "service charge";
    service.kind = FeeKind::percent;
    service.value = 300;
    service.waived_for = Criterion{Criterion::Kind::tag, "donor", {}};
    c.fees.push_back(service);
    Fee order;
    order.id = FeeId{"order"};
    order.name = "order fee";
    order.per = FeePer::order;
    order.value = 200;
    c.fees.push_back(order);
    c.reindex();
    return c;
}

BasketLine ticket(const char* instance, const char* seat, const char* type, const char* pass_code = nullptr) {
    BasketLine l;
    l.kind = LineKind::ticket;
    l.instance = InstanceId{instance};
    l.seat = SeatId{seat};
    l.ticket_type = TicketTypeId{type};
    if (pass_code) l.redeem = PassRedemption{pass_code, -1};
    return l;
}

BasketLine series(const char* group, const char* seat, const char* type) {
    BasketLine l;
    l.kind = LineKind::series;
    l.product = ProductId{"five"};
    l.group = SeriesGroupId{group};
    l.seat = SeatId{seat};
    l.ticket_type = TicketTypeId{type};
    return l;
}

Basket bench_basket() {
    Basket b;
    b.channel = Channel::web;
    b.lines.push_back(series("mon", "A1", "adult"));       // 5 tickets
    b.lines.push_back(series("sat", "A1", "concession"));  // 5 tickets
    for (const char* i : {"macbeth-mon", "hamlet-mon", "lear-sat", "tempest-sat", "concert-1"})
        b.lines.push_back(ticket(i, "A2", "adult", "F5"));
    b.lines.push_back(ticket("macbeth-mon", "A3", "adult", "FR"));
    b.lines.push_back(ticket("macbeth-sat", "A3", "adult", "FR"));
    b.lines.push_back(ticket("othello-mon", "A2", "adult", "F10"));
    b.lines.push_back(ticket("othello-sat", "A2", "concession", "F10"));
    b.lines.push_back(ticket("hamlet-sat", "A3", "child", "F10"));
    const char* instances[] = {"macbeth-mon", "macbeth-sat", "hamlet-mon", "hamlet-sat", "lear-mon", "lear-sat",
                               "tempest-mon", "tempest-sat", "othello-mon", "othello-sat", "concert-1"};
    const char* types[] = {"adult", "child", "concession"};
    for (int k = 0; k < 20; ++k)
        b.lines.push_back(ticket(instances[k % 11], k < 11 ? "A4" : "B1", k % 11 == 10 ? "adult" : types[k % 3]));
    return b;
}

Customer bench_customer() {
    Customer c;
    c.tags = {"staff"};
    const Instant expires = at("2027-05-20T00:00:00Z");
    c.passes.push_back({ProductId{"flex-5"}, "F5", expires, {}});
    c.passes.push_back({ProductId{"flex-repeat"}, "FR", expires, {}});
    c.passes.push_back({ProductId{"flex-10"}, "F10", expires, {InstanceId{"lear-mon"}, InstanceId{"tempest-mon"}}});
    c.passes.push_back({ProductId{"flex-fixed"}, "FX", expires, {}});
    c.offer_uses = {{OfferId{"bench-3"}, 1}, {OfferId{"bench-13"}, 2}};
    return c;
}

int tickets_in(const PricedBasket& b) {
    int n = 0;
    for (const PricedLine& l : b.lines)
        if (l.kind == LineKind::ticket || l.kind == LineKind::series) n += static_cast<int>(l.items.size());
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : ENCORE_TESTS_DIR "/core/fixtures/pricing_catalog.json";
    const Catalog catalog = bench_catalog(path);
    const Basket basket = bench_basket();
    const Customer customer = bench_customer();
    const OfferUsage usage{{{OfferId{"bench-7"}, 3}, {OfferId{"bench-17"}, 5}}};
    const Instant now = at("2026-12-15T12:00:00Z");

    // The figure is only honest if the basket is valid and the optimiser has real choices to make.
    const PricedBasket priced = price_basket(catalog, basket, customer, now, usage);
    if (!priced.valid) {
        for (const LineProblem& p : priced.problems)
            std::fprintf(stderr, "bench_pricing: line %d %s: %s\n", p.line, p.code.c_str(), p.message.c_str());
        return 1;
    }
    int redeemed = 0, with_offer = 0, applicable = 0;
    std::int64_t offer_discount = 0;
    std::vector<std::string> used;
    for (const PricedLine& l : priced.lines)
        for (const PricedItem& item : l.items) {
            redeemed += !item.pass.empty();
            if (item.offer.empty()) continue;
            ++with_offer;
            offer_discount += item.offer_discount;
            if (std::find(used.begin(), used.end(), item.offer.value) == used.end()) used.push_back(item.offer.value);
        }
    for (const Offer& o : catalog.offers) {  // applicable: alone in the catalog, it is given to some ticket
        Catalog alone = catalog;
        alone.offers = {o};
        const PricedBasket p = price_basket(alone, basket, customer, now, usage);
        bool applied = false;
        for (const PricedLine& l : p.lines)
            for (const PricedItem& item : l.items) applied = applied || !item.offer.empty();
        applicable += applied;
    }
    const int tickets = tickets_in(priced);
    std::printf("basket: %d tickets (%d redeeming passes, %d with an offer), %zu passes in the catalog\n", tickets, redeemed,
                with_offer, catalog.flex_passes.size());
    std::printf("offers: %zu in the catalog, %d applicable alone, %zu used together; offer discount %s, total %s\n",
                catalog.offers.size(), applicable, used.size(), format_money({offer_discount, catalog.currency}).c_str(),
                format_money({priced.total, catalog.currency}).c_str());
    if (tickets != 40 || redeemed != 10 || applicable < 40 || used.size() < 5) {
        std::fprintf(stderr, "bench_pricing: the basket does not exercise the optimiser as intended\n");
        return 1;
    }

    using clock = std::chrono::steady_clock;
    // Warm up first: node compiles wasm in tiers, and the optimised tier must not land inside a run.
    std::int64_t warm = 0;
    for (const auto until = clock::now() + std::chrono::milliseconds(500); clock::now() < until;)
        warm += price_basket(catalog, basket, customer, now, usage).total;
    const int runs = 7;
    std::vector<double> us_per_basket;
    long long total_baskets = 0;
    std::int64_t checksum = 0;
    for (int run = 0; run < runs; ++run) {
        int n = 0;
        const auto start = clock::now();
        auto elapsed = clock::duration::zero();
        while (elapsed < std::chrono::milliseconds(200)) {
            for (int k = 0; k < 10; ++k, ++n) checksum += price_basket(catalog, basket, customer, now, usage).total;
            elapsed = clock::now() - start;
        }
        us_per_basket.push_back(std::chrono::duration<double, std::micro>(elapsed).count() / n);
        total_baskets += n;
    }
    std::sort(us_per_basket.begin(), us_per_basket.end());
    std::printf("pricing: %lld baskets, %.1f us per basket (median of %d runs; fastest %.1f, slowest %.1f)%s\n", total_baskets,
                us_per_basket[runs / 2], runs, us_per_basket.front(), us_per_basket.back(),
                checksum % priced.total == 0 && warm % priced.total == 0 ? "" : " (checksum mismatch)");
    return checksum % priced.total == 0 && warm % priced.total == 0 ? 0 : 1;
}
