// The season view: series, passes and memberships described from the catalog, with their sale status.
#include "encore/season_view.hpp"

#include <algorithm>
#include <set>

#include "encore/composite.hpp"
#include "words.hpp"

namespace encore {

namespace {

using detail::join_words;

const char* where(Channel channel) { return channel == Channel::web ? "online" : "at the box office"; }

// "1 Nov 2026"
std::string date_words(const Date& d) {
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::to_string(d.day) + " " + months[(d.month - 1) % 12] + " " + std::to_string(d.year);
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// 1250 basis points -> "12.5%"
std::string percent_words(std::int64_t basis_points) {
    std::string text = std::to_string(basis_points / 100);
    if (const std::int64_t rest = basis_points % 100) {
        text += "." + std::string(rest < 10 ? "0" : "") + std::to_string(rest);
        if (text.back() == '0') text.pop_back();
    }
    return text + "%";
}

// {4, 5} -> "4 or 5"; {3, ..., 10} -> "3 to 10"; {1, 3, 5} -> "1, 3 or 5".
std::string counts_words(const std::vector<int>& counts) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < counts.size();) {
        std::size_t j = i;
        while (j + 1 < counts.size() && counts[j + 1] == counts[j] + 1) ++j;
        if (j >= i + 2) {
            parts.push_back(std::to_string(counts[i]) + " to " + std::to_string(counts[j]));
        } else {
            for (std::size_t k = i; k <= j; ++k) parts.push_back(std::to_string(counts[k]));
        }
        i = j + 1;
    }
    return join_words(parts, " or ");
}

std::string event_name(const Catalog& catalog, const EventId& id) {
    const Event* e = catalog.find_event(id);
    return e ? e->name : id.value;
}

std::string product_name(const Catalog& catalog, const ProductId& id) {
    if (const FixedSeries* s = catalog.find_series(id)) return s->name;
    if (const FlexPass* p = catalog.find_pass(id)) return p->name;
    if (const Membership* m = catalog.find_membership(id)) return m->name;
    return id.value;
}

class SeasonWriter {
public:
    SeasonWriter(const Catalog& c, Channel channel, const Entitlements& who, const std::vector<Availability>& availability)
        : c_(c), channel_(channel), who_(who), availability_(availability) {}

    SeasonView run() {
        SeasonView view;
        for (const FixedSeries& s : c_.fixed_series) view.series.push_back(series(s));
        for (const FlexPass& p : c_.flex_passes) view.passes.push_back(pass(p));
        for (const Membership& m : c_.memberships) view.memberships.push_back(membership(m));
        return view;
    }

private:
    std::string money(std::int64_t minor) const { return format_money({minor, c_.currency}); }

    SeriesView series(const FixedSeries& s) const {
        SeriesView v = common<SeriesView>(s);
        const std::vector<int> allowed = allowed_counts(s, static_cast<int>(s.events.size()));
        if (!allowed.empty()) v.events_text = counts_words(allowed) + " of " + plural(static_cast<int>(s.events.size()), "event", "events");
        bool all_sold_out = !s.groups.empty();
        for (const SeriesGroup& g : s.groups) {
            v.groups.push_back(group(s, g));
            const auto& from = v.groups.back().from_per_show;
            if (from && (!v.from_per_show || *from < *v.from_per_show)) v.from_per_show = from;
            all_sold_out = all_sold_out && v.groups.back().sold_out;
        }
        if (v.from_per_show) v.from_text = "from " + money(*v.from_per_show) + " a show";
        if (all_sold_out && (v.sale.state == SaleState::on_sale || v.sale.state == SaleState::priority)) {
            v.sale.state = SaleState::sold_out;
            v.sale.may_buy = false;
            v.sale.text = "Sold out";
        }
        return v;
    }

    // The numbers of events a booking may have, up to `most`.
    static std::vector<int> allowed_counts(const FixedSeries& s, int most) {
        std::vector<int> out;
        for (int n = 1; n <= most; ++n)
            if (s.events_required.matches(n)) out.push_back(n);
        return out;
    }

    SeriesGroupView group(const FixedSeries& s, const SeriesGroup& g) const {
        SeriesGroupView v;
        v.id = g.id;
        v.name = g.name;
        std::vector<EventId> events;
        std::set<std::string> bands;
        for (const InstanceId& id : g.instances) {
            const Instance* i = c_.find_instance(id);
            if (!i) continue;
            v.performances.push_back(event_name(c_, i->event) + ", " + i->local_start());
            if (std::find(events.begin(), events.end(), i->event) == events.end()) events.push_back(i->event);
            if (const Venue* venue = c_.find_venue(i->venue))
                for (const Seat& seat : venue->plan.seats) bands.insert(seat.band.value);
        }
        if (const PricingSet* set = s.find_pricing_set(g.pricing_set)) {
            const std::vector<int> counts = allowed_counts(s, static_cast<int>(events.size()));
            for (const PricingColumn& column : set->columns) {
                std::vector<int> covered;
                for (int n : counts)
                    if (set->column_for(n) == &column) covered.push_back(n);
                std::optional<std::int64_t> low, high;
                for (const EventId& e : events) {
                    const PriceList* list = c_.find_price_list(column.price_list_for(e));
                    for (const std::string& band : bands)
                        if (auto amount = list ? list->price(PriceBandId{band}, s.default_ticket_type) : std::nullopt) {
                            if (!low || *amount < *low) low = amount;
                            if (!high || *amount > *high) high = amount;
                        }
                }
                if (covered.empty() || !low) continue;
                v.columns.push_back(counts_words(covered) + (covered.size() == 1 && covered[0] == 1 ? " event: " : " events: ") +
                                    (*low == *high ? "" : "from ") + money(*low) + " each");
                if (!v.from_per_show || *low < *v.from_per_show) v.from_per_show = low;
            }
        }
        v.sold_out = sold_out(s, g);
        return v;
    }

    // No seat is free at enough of the group's performances to make a booking (all their states given).
    bool sold_out(const FixedSeries& s, const SeriesGroup& g) const {
        std::vector<Availability> states;
        for (const InstanceId& id : g.instances) {
            auto found = std::find_if(availability_.begin(), availability_.end(), [&](const Availability& a) { return a.instance == id; });
            if (found == availability_.end()) return false;
            states.push_back(*found);
        }
        const CompositeAvailability composite = composite_availability(c_, states);
        if (!composite.problems.empty() || composite.plans.empty()) return false;
        const int needed = std::min(std::max(s.events_required.minimum(), 1), composite.performances());
        for (const CompositePlan& plan : composite.plans)
            for (const CompositeSeat& seat : plan.seats)
                if (seat.free_at >= needed) return false;
        return true;
    }

    std::string discount_words(const PassDiscount& d) const {
        switch (d.kind) {
            case PassDiscountKind::free: return "free";
            case PassDiscountKind::percent_off: return percent_words(d.value) + " off";
            case PassDiscountKind::fixed_price: return money(d.value) + " a ticket";
        }
        return "";
    }

    PassView pass(const FlexPass& p) const {
        PassView v = common<PassView>(p);
        v.price_text = money(p.price);
        v.allowance_text = plural(p.allowance, "ticket", "tickets");
        for (const EventId& e : p.events) v.covers.push_back({event_name(c_, e), discount_words(p.discount_for(e))});
        for (const InstanceId& id : p.instances)
            if (const Instance* i = c_.find_instance(id))
                v.covers.push_back({event_name(c_, i->event) + ", " + i->local_start(), discount_words(p.discount_for(i->event))});
        std::vector<std::string> types;
        for (const TicketTypeId& t : p.ticket_types)
            if (const TicketType* type = c_.find_ticket_type(t)) types.push_back(type->name);
        if (!types.empty()) v.conditions.push_back(join_words(types, " or ") + " tickets");
        v.conditions.push_back(plural(p.max_per_instance, "ticket", "tickets") + " per performance");
        if (!p.repeat_redemption) v.conditions.push_back("one date of each event");
        else if (p.max_per_event > 0) v.conditions.push_back("up to " + plural(p.max_per_event, "ticket", "tickets") + " for each event");
        v.window_text = "for performances from " + date_words(p.window_starts) + " to " +
                        date_words(utc_date({p.window_closes().unix_seconds - 1}));
        if (p.expires_after_days)
            v.window_text += "; it expires " + plural(*p.expires_after_days, "day", "days") + " after you buy it, if that is sooner";
        return v;
    }

    MembershipView membership(const Membership& m) const {
        MembershipView v = common<MembershipView>(m);
        v.price_text = money(m.price);
        switch (m.validity) {
            case MembershipValidity::months: v.validity_text = plural(m.length, "month", "months") + " from the day you join"; break;
            case MembershipValidity::days: v.validity_text = plural(m.length, "day", "days") + " from the day you join"; break;
            case MembershipValidity::fixed_dates: v.validity_text = "from " + date_words(m.starts) + " to " + date_words(m.ends); break;
        }
        return v;
    }

    // What every product's view has: its names, price (passes and memberships), benefits and sale status.
    template <class View, class Product>
    View common(const Product& p) const {
        View v;
        v.id = p.id;
        v.name = p.name;
        v.description = p.description;
        if constexpr (requires { v.price = p.price; }) v.price = p.price;
        v.benefits = product_benefits(c_, p.id, channel_, who_.now());
        v.sale = product_sale_status(c_, p.id, channel_, who_);
        return v;
    }

    const Catalog& c_;
    Channel channel_;
    const Entitlements& who_;
    const std::vector<Availability>& availability_;
};

}  // namespace

std::vector<Benefit> product_benefits(const Catalog& catalog, const ProductId& id, Channel channel, Instant now) {
    std::vector<Benefit> out;
    BasketLine line;
    line.product = id;
    Instant at = now;
    if (catalog.find_series(id)) line.kind = LineKind::series;
    else if (catalog.find_pass(id)) line.kind = LineKind::pass;
    else if (const Membership* m = catalog.find_membership(id)) line.kind = LineKind::membership, at = m->valid_period(now).first;
    else return out;
    const Customer nobody;
    const Basket empty{channel, {}}, buying{channel, {line}};
    const Entitlements with(catalog, nobody, buying, now), without(catalog, nobody, empty, now);
    auto grants = [&](const Criterion& c) { return meets(c, with, at) && !meets(c, without, at); };
    const int ch = static_cast<int>(channel);
    for (const PriorityWindow& w : catalog.priority_windows) {
        if (!w.opens_at[ch] || !grants(w.who)) continue;
        std::vector<std::string> what;
        for (const ProductId& p : w.products) what.push_back(product_name(catalog, p));
        for (const EventId& e : w.events) what.push_back(event_name(catalog, e));
        if (what.empty()) what.push_back("every performance");
        out.push_back({Benefit::Kind::priority_booking, w.name + ": book " + join_words(what) + " " + where(channel) +
                                                            " from " + describe_utc_time(*w.opens_at[ch])});
    }
    for (const LockType& t : catalog.lock_types) {
        if (!grants(t.who)) continue;
        int seats = 0;
        for (const SeatLock& lock : catalog.seat_locks)
            if (lock.lock_type == t.id && !(lock.released_at && *lock.released_at <= now)) seats += static_cast<int>(lock.seats.size());
        if (seats > 0) out.push_back({Benefit::Kind::seat_lock, "Seats in the " + t.name + " (" + plural(seats, "seat", "seats") + ")"});
    }
    for (const Fee& f : catalog.fees)
        if (f.channels[ch] && f.waived_for && grants(*f.waived_for)) out.push_back({Benefit::Kind::fee_waiver, "No " + f.name});
    for (const Offer& o : catalog.offers)
        if (o.channels[ch] && o.who && grants(*o.who)) out.push_back({Benefit::Kind::offer, o.name});
    return out;
}

SeasonView season_view(const Catalog& catalog, Channel channel, const Entitlements& who, const std::vector<Availability>& availability) {
    return SeasonWriter(catalog, channel, who, availability).run();
}

}  // namespace encore
