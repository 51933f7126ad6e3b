// Entitlements from ownership plus basket; criteria; on-sale, priority window and seat-lock rules.
#include "encore/entitlements.hpp"

#include <algorithm>

#include "encore/seasons.hpp"

namespace encore {

namespace {
template <class T>
bool contains(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// A subscription ends with its package's season (a series without a season never ends).
bool subscription_counts(const Catalog& catalog, const ProductId& id, Instant now) {
    const FixedSeries* series = catalog.find_series(id);
    const Season* season = series ? series_season(catalog, *series) : nullptr;
    return !season || now < season_closes(*season);
}
}  // namespace

Entitlements::Entitlements(const Catalog& catalog, const Customer& customer, const Basket& basket, Instant now)
    : tags_(customer.tags), now_(now) {
    for (const OwnedPass& p : customer.passes)
        if (now < p.expires_at) held_.push_back(p.pass);
    for (const OwnedMembership& m : customer.memberships) {
        memberships_.push_back({m.membership, m.starts, m.ends});
        if (now < m.ends) held_.push_back(m.membership);
    }
    for (const OwnedSubscription& s : customer.subscriptions) {
        if (!subscription_counts(catalog, s.series, now)) continue;
        series_.push_back(s.series);
        held_.push_back(s.series);
    }
    for (const BasketLine& line : basket.lines) {
        switch (line.kind) {
            case LineKind::pass:
                if (catalog.find_pass(line.product)) held_.push_back(line.product);
                break;
            case LineKind::membership:
                if (const Membership* m = catalog.find_membership(line.product)) {
                    auto [starts, ends] = m->valid_period(now);
                    memberships_.push_back({m->id, starts, ends});
                    held_.push_back(m->id);
                }
                break;
            case LineKind::series:
                if (catalog.find_series(line.product)) {
                    series_.push_back(line.product);
                    held_.push_back(line.product);
                }
                break;
            case LineKind::ticket: break;
        }
    }
}

bool PriorityWindow::covers_event(const EventId& event) const {
    return events.empty() ? products.empty() : contains(events, event);
}

bool Entitlements::holds(const ProductId& id) const { return contains(held_, id); }

bool Entitlements::membership_active(const ProductId& id, Instant at) const {
    return std::any_of(memberships_.begin(), memberships_.end(), [&](const Period& p) {
        return (id.empty() || p.membership == id) && p.starts <= at && at < p.ends;
    });
}

bool Entitlements::subscribes(const ProductId& id) const { return contains(series_, id); }

bool Entitlements::has_tag(const std::string& tag) const { return contains(tags_, tag); }

bool meets(const Criterion& c, const Entitlements& who, Instant at) {
    using K = Criterion::Kind;
    switch (c.kind) {
        case K::always: return true;
        case K::all:
            return std::all_of(c.children.begin(), c.children.end(), [&](const Criterion& x) { return meets(x, who, at); });
        case K::any:
            return std::any_of(c.children.begin(), c.children.end(), [&](const Criterion& x) { return meets(x, who, at); });
        case K::not_: return c.children.size() == 1 && !meets(c.children[0], who, at);
        case K::holds: return who.holds(ProductId{c.ref});
        case K::membership_active: return who.membership_active(ProductId{c.ref}, at);
        case K::series_subscriber: return who.subscribes(ProductId{c.ref});
        case K::tag: return who.has_tag(c.ref);
    }
    return false;
}

namespace {
std::string product_name(const std::string& ref, const Catalog& catalog) {
    const ProductId id{ref};
    if (const FlexPass* p = catalog.find_pass(id)) return p->name;
    if (const Membership* m = catalog.find_membership(id)) return m->name;
    if (const FixedSeries* s = catalog.find_series(id)) return s->name;
    return ref;
}
}  // namespace

std::string describe_criterion(const Criterion& c, const Catalog& catalog) {
    using K = Criterion::Kind;
    // Only a combination inside another needs brackets: "not (a or b)", "(a or b) and c".
    auto part = [&](const Criterion& child) {
        const bool combined = (child.kind == K::all || child.kind == K::any) && child.children.size() > 1;
        return combined ? "(" + describe_criterion(child, catalog) + ")" : describe_criterion(child, catalog);
    };
    auto join = [&](const char* word) {
        std::string out;
        for (std::size_t i = 0; i < c.children.size(); ++i) {
            if (i) out += word;
            out += part(c.children[i]);
        }
        return out;
    };
    switch (c.kind) {
        case K::always: return "everyone";
        case K::all: return join(" and ");
        case K::any: return join(" or ");
        case K::not_: return "not " + join("");
        case K::holds: return "holders of the " + product_name(c.ref, catalog);
        case K::membership_active: return c.ref.empty() ? "members" : "members of the " + product_name(c.ref, catalog);
        case K::series_subscriber: return "subscribers to the " + product_name(c.ref, catalog);
        case K::tag: return "customers tagged " + c.ref;
    }
    return "?";
}

RuleCheck check_on_sale(const Catalog& catalog, const Instance& instance, Channel channel, const Entitlements& who) {
    if (who.now() >= instance.starts_at)
        return {false, "performance_started", "this performance has already started"};
    const auto general = instance.on_sale_at(channel);
    if (general && *general <= who.now()) return {};
    std::optional<Instant> earliest_window;
    for (const PriorityWindow& w : catalog.priority_windows) {
        if (!w.covers_event(instance.event)) continue;
        const auto opens = w.opens_at[static_cast<int>(channel)];
        if (!opens || !meets(w.who, who, instance.starts_at)) continue;
        if (*opens <= who.now()) return {};
        if (!earliest_window || *opens < *earliest_window) earliest_window = opens;
    }
    if (earliest_window)
        return {false, "priority_window_not_open",
                "priority booking for you opens " + describe_utc_time(*earliest_window)};
    if (!general)
        return {false, "not_on_sale", std::string("this performance is not sold on the ") +
                                          (channel == Channel::web ? "web" : "box office")};
    for (const PriorityWindow& w : catalog.priority_windows) {
        if (!w.covers_event(instance.event)) continue;
        if (w.opens_at[static_cast<int>(channel)] && *w.opens_at[static_cast<int>(channel)] <= who.now())
            return {false, "priority_window_closed",
                    "this performance is in priority booking for " + describe_criterion(w.who, catalog) +
                        " until general sale opens " + describe_utc_time(*general)};
    }
    return {false, "not_on_sale_yet",
            "general sale opens " + describe_utc_time(*general)};
}

namespace {
// The lock type of a seat lock in force at this instance at `now` (whoever asks), or nullptr.
const LockType* lock_in_force(const Catalog& catalog, const SeatLock& lock, const Instance& instance, Instant now) {
    if (lock.venue != instance.venue) return nullptr;
    if (!lock.events.empty() && !contains(lock.events, instance.event)) return nullptr;
    if (lock.released_at && *lock.released_at <= now) return nullptr;
    return catalog.find_lock_type(lock.lock_type);
}

// The lock type of a seat lock that keeps its seats from this customer at this instance now, or nullptr.
const LockType* keeping_lock(const Catalog& catalog, const SeatLock& lock, const Instance& instance, const Entitlements& who) {
    const LockType* type = lock_in_force(catalog, lock, instance, who.now());
    return type && !meets(type->who, who, instance.starts_at) ? type : nullptr;
}
}  // namespace

RuleCheck check_seat_lock(const Catalog& catalog, const Instance& instance, const SeatId& seat,
                          const Entitlements& who) {
    for (const SeatLock& lock : catalog.seat_locks) {
        if (!contains(lock.seats, seat)) continue;
        if (const LockType* type = keeping_lock(catalog, lock, instance, who))
            return {false, "locked_seat",
                    "seat " + seat.value + " is kept for " + describe_criterion(type->who, catalog) + " (" + type->name + ")"};
    }
    return {};
}

std::vector<bool> locked_seats(const Catalog& catalog, const Instance& instance, const Entitlements& who) {
    const Venue* venue = catalog.find_venue(instance.venue);
    std::vector<bool> locked(venue ? venue->plan.seats.size() : 0, false);
    if (!venue) return locked;
    for (const SeatLock& lock : catalog.seat_locks)
        if (keeping_lock(catalog, lock, instance, who))
            for (const SeatId& seat : lock.seats)
                if (auto index = venue->plan.seat_index(seat)) locked[*index] = true;
    return locked;
}

std::vector<const LockType*> seat_lock_types(const Catalog& catalog, const Instance& instance, Instant now) {
    const Venue* venue = catalog.find_venue(instance.venue);
    std::vector<const LockType*> types(venue ? venue->plan.seats.size() : 0, nullptr);
    if (!venue) return types;
    for (const SeatLock& lock : catalog.seat_locks)
        if (const LockType* type = lock_in_force(catalog, lock, instance, now))
            for (const SeatId& seat : lock.seats)
                if (auto index = venue->plan.seat_index(seat); index && !types[*index]) types[*index] = type;
    return types;
}

}  // namespace encore
