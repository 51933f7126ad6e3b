// Random pricing inputs from a portable generator.
#include "random_pricing.hpp"

namespace encore::testing {

std::uint64_t Rng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int Rng::below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

bool Rng::chance(int percent) { return below(100) < percent; }

namespace {

std::vector<ProductId> product_ids(const Catalog& c) {
    std::vector<ProductId> ids;
    for (const FlexPass& p : c.flex_passes) ids.push_back(p.id);
    for (const Membership& m : c.memberships) ids.push_back(m.id);
    for (const FixedSeries& s : c.fixed_series) ids.push_back(s.id);
    return ids;
}

Criterion random_criterion(const Catalog& c, Rng& rng, bool monotone, int depth = 0) {
    Criterion k;
    const std::vector<ProductId> products = product_ids(c);
    const int roll = rng.below(depth > 1 ? 4 : (monotone ? 6 : 7));
    switch (roll) {
        case 0:
            k.kind = Criterion::Kind::tag;
            k.ref = rng.chance(50) ? "staff" : "donor";
            break;
        case 1:
            k.kind = Criterion::Kind::membership_active;
            k.ref = c.memberships.empty() || rng.chance(30) ? "" : rng.pick(c.memberships).id.value;
            break;
        case 2:
        case 3:
            if (products.empty()) { k.kind = Criterion::Kind::always; break; }
            k.kind = Criterion::Kind::holds;
            k.ref = rng.pick(products).value;
            break;
        case 4:
        case 5:
            k.kind = roll == 4 ? Criterion::Kind::all : Criterion::Kind::any;
            for (int i = 0, n = 2 + rng.below(2); i < n; ++i) k.children.push_back(random_criterion(c, rng, monotone, depth + 1));
            break;
        default:
            k.kind = Criterion::Kind::not_;
            k.children.push_back(random_criterion(c, rng, monotone, depth + 1));
            break;
    }
    return k;
}

template <class T>
std::vector<T> some_of(const std::vector<T>& items, Rng& rng, int percent_each) {
    std::vector<T> out;
    for (const T& item : items)
        if (rng.chance(percent_each)) out.push_back(item);
    return out;
}

}  // namespace

std::vector<Offer> random_offers(const Catalog& c, Rng& rng, int count, bool monotone) {
    std::vector<Offer> offers;
    std::vector<EventId> events;
    for (const Event& e : c.events) events.push_back(e.id);
    std::vector<PriceBandId> bands;
    for (const PriceBand& b : c.price_bands) bands.push_back(b.id);
    std::vector<TicketTypeId> types;
    for (const TicketType& t : c.ticket_types) types.push_back(t.id);
    for (int i = 0; i < count; ++i) {
        Offer o;
        o.id.value = "rnd-" + std::to_string(i);
        o.name = "Random offer " + std::to_string(i);
        o.kind = static_cast<OfferKind>(rng.below(4));
        switch (o.kind) {
            case OfferKind::percent_off: o.value = 100 * (5 + rng.below(60)) + (rng.chance(20) ? 33 : 0); break;
            case OfferKind::amount_off: o.value = 50 * (1 + rng.below(40)); break;
            case OfferKind::fixed_price: o.value = 500 * (1 + rng.below(10)); break;
            case OfferKind::fee_waiver: break;
        }
        if (rng.chance(40)) o.events = some_of(events, rng, 30);
        if (rng.chance(30)) o.bands = some_of(bands, rng, 50);
        if (rng.chance(25)) o.ticket_types = some_of(types, rng, 50);
        if (rng.chance(15)) o.channels[rng.below(2)] = false;
        o.series_rule = static_cast<SeriesRule>(rng.below(3));
        if (rng.chance(40)) o.who = random_criterion(c, rng, monotone);
        if (rng.chance(20)) o.min_quantity = 2 + rng.below(4);
        if (rng.chance(25)) o.limit_per_customer = 1 + rng.below(4);
        if (rng.chance(15)) o.limit_total = 1 + rng.below(6);
        offers.push_back(std::move(o));
    }
    return offers;
}

std::vector<Fee> random_fees(const Catalog& c, Rng& rng) {
    std::vector<Fee> fees;
    const std::vector<ProductId> products = product_ids(c);
    for (int i = 0, n = rng.below(3); i < n; ++i) {
        Fee f;
        f.id.value = "fee-" + std::to_string(i);
        f.name = "fee " + std::to_string(i);
        f.per = rng.chance(60) ? FeePer::ticket : FeePer::order;
        f.kind = rng.chance(60) ? FeeKind::fixed : FeeKind::percent;
        f.value = f.kind == FeeKind::fixed ? 25 * (1 + rng.below(20)) : 50 * (1 + rng.below(10));
        if (rng.chance(50) && !products.empty()) f.waived_for = Criterion{Criterion::Kind::holds, rng.pick(products).value, {}};
        fees.push_back(std::move(f));
    }
    return fees;
}

Customer random_customer(const Catalog& c, Rng& rng, Instant now) {
    Customer who;
    if (rng.chance(20)) who.tags.push_back("staff");
    if (rng.chance(20)) who.tags.push_back("donor");
    if (!c.memberships.empty() && rng.chance(30)) {
        const Membership& m = rng.pick(c.memberships);
        const std::int64_t shift = std::int64_t{rng.below(400) - 300} * 86400;
        auto [starts, ends] = m.valid_period({now.unix_seconds + shift});
        who.memberships.push_back({m.id, starts, ends});
    }
    for (int i = 0, n = c.flex_passes.empty() ? 0 : rng.below(3); i < n; ++i) {
        const FlexPass& p = rng.pick(c.flex_passes);
        OwnedPass owned{p.id, "P" + std::to_string(i), p.expires_at({now.unix_seconds - std::int64_t{rng.below(60)} * 86400}), {}};
        for (int k = 0, used = rng.below(p.allowance + 1); k < used && !c.instances.empty(); ++k)
            owned.redeemed.push_back(rng.pick(c.instances).id);
        who.passes.push_back(std::move(owned));
    }
    if (!c.fixed_series.empty() && rng.chance(20)) {
        const FixedSeries& s = rng.pick(c.fixed_series);
        who.subscriptions.push_back({s.id, s.groups.empty() ? SeriesGroupId{} : s.groups.front().id});
    }
    for (const Offer& o : c.offers)
        if (rng.chance(10)) who.offer_uses.emplace_back(o.id, 1 + rng.below(3));
    return who;
}

Basket random_basket(const Catalog& c, const Customer& who, Rng& rng, int max_lines) {
    Basket b;
    b.channel = rng.chance(70) ? Channel::web : Channel::box_office;
    const int lines = 1 + rng.below(max_lines);
    std::vector<int> pass_lines;
    for (int i = 0; i < lines; ++i) {
        BasketLine line;
        const int roll = rng.below(100);
        if (roll < 8 && !c.flex_passes.empty()) {
            line.kind = LineKind::pass;
            line.product = rng.pick(c.flex_passes).id;
            pass_lines.push_back(i);
        } else if (roll < 13 && !c.memberships.empty()) {
            line.kind = LineKind::membership;
            line.product = rng.pick(c.memberships).id;
        } else if (roll < 25 && !c.fixed_series.empty() && !c.fixed_series.front().groups.empty()) {
            const FixedSeries& s = rng.pick(c.fixed_series);
            line.kind = LineKind::series;
            line.product = s.id;
            const SeriesGroup& g = rng.pick(s.groups);
            if (g.instances.empty()) continue;
            line.group = g.id;
            const Instance* first = c.find_instance(g.instances.front());
            const Venue* venue = first ? c.find_venue(first->venue) : nullptr;
            if (!venue) continue;
            line.seat = rng.pick(venue->plan.seats).id;
            if (rng.chance(30)) line.ticket_type = rng.pick(s.ticket_types);
            if (rng.chance(40))
                for (const InstanceId& id : g.instances)
                    if (rng.chance(80)) line.instances.push_back(id);
        } else {
            if (c.instances.empty()) continue;
            const Instance& instance = rng.pick(c.instances);
            const Venue* venue = c.find_venue(instance.venue);
            if (!venue) continue;
            line.kind = LineKind::ticket;
            line.instance = instance.id;
            line.seat = rng.pick(venue->plan.seats).id;
            line.ticket_type = rng.chance(70) ? c.ticket_types.front().id : rng.pick(c.ticket_types).id;
            if (!who.passes.empty() && rng.chance(25)) line.redeem = PassRedemption{rng.pick(who.passes).code, -1};
            else if (!pass_lines.empty() && rng.chance(30)) line.redeem = PassRedemption{{}, rng.pick(pass_lines)};
        }
        b.lines.push_back(std::move(line));
    }
    return b;
}

}  // namespace encore::testing
