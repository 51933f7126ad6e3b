// Loading and writing the product sections of the catalog, checking every reference.
#include "products_json.hpp"

#include <cmath>
#include <set>
#include <utility>

namespace encore::detail {

namespace {

class ProductLoader {
public:
    ProductLoader(Catalog& c, JsonReader& r) : c_(c), r_(r) {}

    void load(const json& doc) {
        c_.reindex();  // look-ups over what the basic sections produced, even if they had problems
        // Product ids are read first so criteria may name products defined later in the file.
        for (const char* list : {"fixed_series", "flex_passes", "memberships"})
            if (const json* items = doc.is_object() ? find(doc, list) : nullptr; items && items->is_array())
                for (const json& item : *items)
                    if (item.is_object() && item.contains("id") && item["id"].is_string())
                        product_ids_.insert(item["id"].get<std::string>());
        each(doc, "", "lock_types", [&](const json& j, const std::string& p) { c_.lock_types.push_back(lock_type(j, p)); });
        c_.reindex();
        each(doc, "", "memberships", [&](const json& j, const std::string& p) { c_.memberships.push_back(membership(j, p)); });
        each(doc, "", "flex_passes", [&](const json& j, const std::string& p) { c_.flex_passes.push_back(flex_pass(j, p)); });
        each(doc, "", "fixed_series", [&](const json& j, const std::string& p) { c_.fixed_series.push_back(series(j, p)); });
        each(doc, "", "seat_locks", [&](const json& j, const std::string& p) { c_.seat_locks.push_back(seat_lock(j, p)); });
        each(doc, "", "priority_windows",
             [&](const json& j, const std::string& p) { c_.priority_windows.push_back(priority_window(j, p)); });
        each(doc, "", "offers", [&](const json& j, const std::string& p) { c_.offers.push_back(offer(j, p)); });
        each(doc, "", "fees", [&](const json& j, const std::string& p) { c_.fees.push_back(fee(j, p)); });
    }

private:
    static const json* find(const json& obj, const char* key) {
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }

    template <class F>
    void each(const json& obj, const std::string& path, std::string_view key, F&& f, bool required = false) {
        r_.for_each_object(obj, path, key, std::forward<F>(f), required);
    }

    void unique(std::set<std::string>& seen, const std::string& id, const std::string& path, const std::string& what) {
        if (!id.empty() && !seen.insert(id).second)
            r_.problem(path, "duplicate_id", what + " id \"" + id + "\" is used twice");
    }

    void unknown(const std::string& path, const std::string& what, const std::string& id, const std::string& list) {
        r_.problem(path, "unknown_reference", "names " + what + " \"" + id + "\", which is not in " + list);
    }

    // A list of ids that must each exist.
    template <class IdT, class Exists>
    std::vector<IdT> id_list(const json& j, const std::string& p, std::string_view key, const std::string& what,
                             const std::string& list, Exists&& exists, bool required = false) {
        std::vector<IdT> out;
        const json* items = r_.get_array(j, p, key, required);
        if (!items) return out;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string ip = path_join(path_join(p, key), i);
            const json& v = (*items)[i];
            if (!v.is_string() || !is_valid_id(v.get<std::string>())) {
                r_.problem(ip, "wrong_type", "each entry must be an id: 1 to 100 letters, digits, '-', '_' or '.'");
                continue;
            }
            IdT id{v.get<std::string>()};
            if (!exists(id)) unknown(ip, what, id.value, list);
            out.push_back(std::move(id));
        }
        return out;
    }

    std::vector<EventId> events(const json& j, const std::string& p, std::string_view key = "events") {
        return id_list<EventId>(j, p, key, "event", "events", [&](const EventId& id) { return c_.find_event(id) != nullptr; });
    }
    std::vector<InstanceId> instances(const json& j, const std::string& p, std::string_view key, bool required = false) {
        return id_list<InstanceId>(j, p, key, "performance", "instances",
                                   [&](const InstanceId& id) { return c_.find_instance(id) != nullptr; }, required);
    }
    std::vector<TicketTypeId> ticket_types(const json& j, const std::string& p, std::string_view key = "ticket_types") {
        return id_list<TicketTypeId>(j, p, key, "ticket type", "ticket_types",
                                     [&](const TicketTypeId& id) { return c_.find_ticket_type(id) != nullptr; });
    }

    std::optional<Instant> instant(const json& j, const std::string& p, std::string_view key, bool required) {
        std::string text;
        if (!r_.get_string(j, p, key, text, required)) return std::nullopt;
        auto t = parse_instant(text);
        if (!t) r_.problem(path_join(p, key), "invalid_value", "\"" + text + "\" is not a date and time such as 2027-01-12T19:30:00Z");
        return t;
    }

    std::optional<Date> date(const json& j, const std::string& p, std::string_view key) {
        std::string text;
        if (!r_.get_string(j, p, key, text)) return std::nullopt;
        auto d = parse_date(text);
        if (!d) r_.problem(path_join(p, key), "invalid_value", "\"" + text + "\" is not a real date written YYYY-MM-DD");
        return d;
    }

    std::array<std::optional<Instant>, 2> on_sale(const json& j, const std::string& p, bool required) {
        std::array<std::optional<Instant>, 2> out;
        const json* o = r_.get_object(j, p, "on_sale", required);
        if (!o) return out;
        const std::string op = path_join(p, "on_sale");
        for (auto it = o->begin(); it != o->end(); ++it) {
            Channel ch;
            if (!channel_from_name(it.key(), ch)) {
                r_.problem(path_join(op, it.key()), "invalid_value", "unknown sales channel \"" + it.key() + "\" (use web or box_office)");
                continue;
            }
            out[static_cast<int>(ch)] = instant(*o, op, it.key(), true);
        }
        return out;
    }

    std::array<bool, 2> channels(const json& j, const std::string& p, std::string_view key) {
        const json* list = r_.get_array(j, p, key, false);
        if (!list) return {true, true};
        std::array<bool, 2> out{false, false};
        for (std::size_t i = 0; i < list->size(); ++i) {
            Channel ch;
            const json& v = (*list)[i];
            if (v.is_string() && channel_from_name(v.get<std::string>(), ch)) out[static_cast<int>(ch)] = true;
            else r_.problem(path_join(path_join(p, key), i), "invalid_value", "channels are \"web\" or \"box_office\"");
        }
        return out;
    }

    // A non-negative amount in minor units.
    std::int64_t amount(const json& j, const std::string& p, std::string_view key) {
        std::int64_t v = 0;
        if (r_.get_int(j, p, key, v) && v < 0) {
            r_.problem(path_join(p, key), "out_of_range", "an amount cannot be negative");
            v = 0;
        }
        return v;
    }

    // A percentage with at most two decimals (12.5), as basis points (1250); 0 < p <= 100.
    std::int64_t percent(const json& j, const std::string& p, std::string_view key) {
        double v = 0;
        if (!r_.get_number(j, p, key, v)) return 0;
        const double bp = v * 100.0;
        if (!(v > 0 && v <= 100) || std::fabs(bp - std::round(bp)) > 1e-6) {
            r_.problem(path_join(p, key), "out_of_range", "a percentage must be above 0 and at most 100, with at most two decimals");
            return 0;
        }
        return static_cast<std::int64_t>(std::llround(bp));
    }

    int count(const json& j, const std::string& p, std::string_view key, int fallback, int minimum) {
        std::int64_t v = fallback;
        if (r_.get_int(j, p, key, v, false) && (v < minimum || v > 100000)) {
            r_.problem(path_join(p, key), "out_of_range",
                       "\"" + std::string(key) + "\" must be a whole number from " + std::to_string(minimum) + " to 100000");
            return fallback;
        }
        return static_cast<int>(v);
    }

    std::optional<Criterion> criterion_field(const json& j, const std::string& p, std::string_view key, bool required) {
        const json* v = r_.member(j, p, key, required);
        if (!v) return std::nullopt;
        return criterion(*v, path_join(p, key), 0);
    }

    Criterion criterion(const json& j, const std::string& p, int depth) {
        Criterion c;
        if (depth > 16) {
            r_.problem(p, "out_of_range", "criteria may be nested at most 16 deep");
            return c;
        }
        if (!j.is_object() || j.size() != 1) {
            r_.problem(p, "invalid_value",
                       "a criterion is an object with one key: all, any, not, holds, membership_active, series_subscriber, tag or always");
            return c;
        }
        const std::string key = j.begin().key();
        const json& v = j.begin().value();
        const std::string vp = path_join(p, key);
        using K = Criterion::Kind;
        if (key == "all" || key == "any") {
            c.kind = key == "all" ? K::all : K::any;
            if (!v.is_array() || v.empty()) {
                r_.problem(vp, "invalid_value", "\"" + key + "\" takes a non-empty list of criteria");
                return c;
            }
            for (std::size_t i = 0; i < v.size(); ++i) c.children.push_back(criterion(v[i], path_join(vp, i), depth + 1));
        } else if (key == "not") {
            c.kind = K::not_;
            c.children.push_back(criterion(v, vp, depth + 1));
        } else if (key == "always") {
            c.kind = K::always;
        } else if (key == "holds" || key == "series_subscriber" || key == "membership_active" || key == "tag") {
            c.kind = key == "holds" ? K::holds : key == "tag" ? K::tag : key == "series_subscriber" ? K::series_subscriber : K::membership_active;
            if (!v.is_string() || (v.get<std::string>().empty() && c.kind != K::membership_active)) {
                r_.problem(vp, "wrong_type", "\"" + key + "\" takes an id string");
                return c;
            }
            c.ref = v.get<std::string>();
            if (c.kind != K::tag && !c.ref.empty() && !product_ids_.count(c.ref))
                unknown(vp, "product", c.ref, "fixed_series, flex_passes or memberships");
        } else {
            r_.problem(vp, "invalid_value", "unknown criterion \"" + key + "\"");
        }
        return c;
    }

    std::string product_id(const json& j, const std::string& p) {
        std::string id;
        if (r_.get_id(j, p, "id", id) && !all_products_.insert(id).second)
            r_.problem(path_join(p, "id"), "duplicate_id", "product id \"" + id + "\" is used twice (series, passes and memberships share ids)");
        return id;
    }

    Membership membership(const json& j, const std::string& p) {
        Membership m;
        m.id.value = product_id(j, p);
        r_.get_string(j, p, "name", m.name);
        r_.get_string(j, p, "description", m.description, false);
        m.price = amount(j, p, "price");
        if (const json* v = r_.get_object(j, p, "validity")) {
            const std::string vp = path_join(p, "validity");
            if (v->contains("months")) {
                m.validity = MembershipValidity::months;
                m.length = count(*v, vp, "months", 12, 1);
            } else if (v->contains("days")) {
                m.validity = MembershipValidity::days;
                m.length = count(*v, vp, "days", 365, 1);
            } else if (v->contains("from")) {
                m.validity = MembershipValidity::fixed_dates;
                if (auto d = date(*v, vp, "from")) m.starts = *d;
                if (auto d = date(*v, vp, "to")) m.ends = *d;
                if (days_from_civil(m.ends) < days_from_civil(m.starts))
                    r_.problem(path_join(vp, "to"), "out_of_range", "a membership must end on or after the day it starts");
            } else {
                r_.problem(vp, "invalid_value", "validity is {\"months\": N}, {\"days\": N} or {\"from\": date, \"to\": date}");
            }
        }
        std::string renews;
        if (r_.get_string(j, p, "renews_into", renews, false)) {
            m.renews_into.value = renews;
            if (!product_ids_.count(renews)) unknown(path_join(p, "renews_into"), "membership", renews, "memberships");
        } else {
            m.renews_into = m.id;
        }
        m.on_sale = on_sale(j, p, false);
        return m;
    }

    PassDiscount pass_discount(const json& j, const std::string& p) {
        PassDiscount d;
        std::string kind;
        if (!r_.get_string(j, p, "kind", kind)) return d;
        if (kind == "free") d.kind = PassDiscountKind::free;
        else if (kind == "percent_off") { d.kind = PassDiscountKind::percent_off; d.value = percent(j, p, "percent"); }
        else if (kind == "fixed_price") { d.kind = PassDiscountKind::fixed_price; d.value = amount(j, p, "amount"); }
        else r_.problem(path_join(p, "kind"), "invalid_value", "a pass discount is free, percent_off or fixed_price");
        return d;
    }

    FlexPass flex_pass(const json& j, const std::string& p) {
        FlexPass f;
        f.id.value = product_id(j, p);
        r_.get_string(j, p, "name", f.name);
        r_.get_string(j, p, "description", f.description, false);
        f.price = amount(j, p, "price");
        f.allowance = count(j, p, "allowance", 1, 1);
        f.events = events(j, p);
        f.instances = instances(j, p, "instances");
        if (f.events.empty() && f.instances.empty())
            r_.problem(path_join(p, "events"), "missing_field", "a pass must name at least one eligible event or instance");
        if (const json* d = r_.get_object(j, p, "discount", false)) f.discount = pass_discount(*d, path_join(p, "discount"));
        each(j, p, "event_discounts", [&](const json& ej, const std::string& ep) {
            std::string event;
            if (r_.get_id(ej, ep, "event", event) && !c_.find_event(EventId{event})) unknown(path_join(ep, "event"), "event", event, "events");
            if (const json* d = r_.get_object(ej, ep, "discount")) f.event_discounts.emplace_back(EventId{event}, pass_discount(*d, path_join(ep, "discount")));
        });
        f.ticket_types = ticket_types(j, p);
        f.max_per_instance = count(j, p, "max_per_instance", 1, 1);
        r_.get_bool(j, p, "repeat_redemption", f.repeat_redemption, false);
        f.max_per_event = count(j, p, "max_per_event", 0, 0);
        if (const json* w = r_.get_object(j, p, "window")) {
            const std::string wp = path_join(p, "window");
            if (auto d = date(*w, wp, "starts")) f.window_starts = *d;
            f.window_days = count(*w, wp, "days", 365, 1);
        }
        if (r_.member(j, p, "expires_after_days", false)) f.expires_after_days = count(j, p, "expires_after_days", 365, 1);
        if (r_.get_string(j, p, "renews_into", f.renews_into.value, false) && !product_ids_.count(f.renews_into.value))
            unknown(path_join(p, "renews_into"), "pass", f.renews_into.value, "flex_passes");
        f.on_sale = on_sale(j, p, false);
        return f;
    }

    FixedSeries series(const json& j, const std::string& p) {
        FixedSeries s;
        s.id.value = product_id(j, p);
        r_.get_string(j, p, "name", s.name);
        r_.get_string(j, p, "description", s.description, false);
        r_.get_bool(j, p, "shell", s.shell, false);
        const bool sold = !s.shell;  // a shell package has nothing to sell: no events, groups or prices
        s.events = events(j, p);
        std::string required;
        if (r_.get_string(j, p, "events_required", required, sold)) {
            if (auto rule = parse_event_count_rule(required)) s.events_required = *rule;
            else r_.problem(path_join(p, "events_required"), "invalid_value", "\"" + required + "\" is not a number of events such as 4, 3-10 or 1,3,5");
        }
        s.ticket_types = ticket_types(j, p);
        if (s.ticket_types.empty() && sold) r_.problem(path_join(p, "ticket_types"), "missing_field", "a series must allow at least one ticket type");
        if ((sold || j.contains("default_ticket_type")) && r_.get_id(j, p, "default_ticket_type", s.default_ticket_type.value) &&
            !s.allows_ticket_type(s.default_ticket_type))
            r_.problem(path_join(p, "default_ticket_type"), "invalid_value", "the default ticket type must be one of the series' ticket types");
        s.max_seats_per_order = count(j, p, "max_seats_per_order", 10, 1);
        r_.get_bool(j, p, "choose_band_first", s.choose_band_first, false);
        s.active = channels(j, p, "active");
        s.on_sale = on_sale(j, p, false);
        s.hold_expires_at = instant(j, p, "hold_expires_at", false);
        r_.get_string(j, p, "lineage", s.lineage, false);
        if (std::string season; r_.get_string(j, p, "season", season, false)) {
            s.season.value = season;
            if (!c_.find_season(s.season)) unknown(path_join(p, "season"), "season", season, "seasons");
        }
        if (const json* d = r_.get_object(j, p, "renewal", false)) s.renewal = renewal_dates(*d, path_join(p, "renewal"));
        std::set<std::string> set_ids, group_ids;
        each(j, p, "pricing_sets", [&](const json& sj, const std::string& sp) {
            PricingSet set;
            if (r_.get_id(sj, sp, "id", set.id.value)) unique(set_ids, set.id.value, path_join(sp, "id"), "pricing set");
            r_.get_string(sj, sp, "name", set.name);
            bool has_default = false;
            each(sj, sp, "columns", [&](const json& cj, const std::string& cp) {
                set.columns.push_back(column(cj, cp, s));
                if (set.columns.back().is_default && std::exchange(has_default, true))
                    r_.problem(path_join(cp, "events"), "invalid_value", "a pricing set has at most one default column");
            }, true);
            if (set.columns.empty()) r_.problem(path_join(sp, "columns"), "missing_field", "a pricing set needs at least one column");
            s.pricing_sets.push_back(std::move(set));
        }, sold);
        each(j, p, "groups", [&](const json& gj, const std::string& gp) {
            SeriesGroup g;
            if (r_.get_id(gj, gp, "id", g.id.value)) unique(group_ids, g.id.value, path_join(gp, "id"), "series group");
            r_.get_string(gj, gp, "name", g.name);
            g.instances = instances(gj, gp, "instances", true);
            if (g.instances.empty() && r_.member(gj, gp, "instances", false))
                r_.problem(path_join(gp, "instances"), "invalid_value", "a series group needs at least one performance");
            for (std::size_t i = 0; i < g.instances.size(); ++i)
                if (const Instance* inst = c_.find_instance(g.instances[i]); inst && !s.events.empty() &&
                    std::find(s.events.begin(), s.events.end(), inst->event) == s.events.end())
                    r_.problem(path_join(path_join(gp, "instances"), i), "invalid_value",
                               "performance " + inst->id.value + " is of an event that is not in the series' events");
            if (r_.get_id(gj, gp, "pricing_set", g.pricing_set.value) && !s.find_pricing_set(g.pricing_set))
                unknown(path_join(gp, "pricing_set"), "pricing set", g.pricing_set.value, "this series' pricing_sets");
            s.groups.push_back(std::move(g));
        }, sold);
        if (s.groups.empty() && sold) r_.problem(path_join(p, "groups"), "missing_field", "a series needs at least one group");
        return s;
    }

    RenewalDates renewal_dates(const json& j, const std::string& p) {
        RenewalDates d;
        for (auto [key, field] : {std::pair{"starts", &RenewalDates::starts}, {"ends", &RenewalDates::ends},
                                  {"lapsed_ends", &RenewalDates::lapsed_ends}, {"locks", &RenewalDates::locks}})
            if (auto t = instant(j, p, key, true)) d.*field = *t;
        d.auto_renew_starts = instant(j, p, "auto_renew_starts", false).value_or(d.starts);
        return d;
    }

    void series_price_list(const std::string& id, const std::string& path) {
        const PriceList* list = c_.find_price_list(PriceListId{id});
        if (!list) unknown(path, "price list", id, "price_lists");
        else if (list->kind != PriceListKind::series)
            r_.problem(path, "invalid_value", "price list \"" + id + "\" is a standard list; a fixed series needs a series price list");
    }

    PricingColumn column(const json& j, const std::string& p, const FixedSeries& s) {
        PricingColumn col;
        std::string events_text;
        if (r_.get_string(j, p, "events", events_text)) {
            if (events_text == "default") {
                col.is_default = true;
                col.events.text = events_text;
            } else if (auto rule = parse_event_count_rule(events_text)) col.events = *rule;
            else r_.problem(path_join(p, "events"), "invalid_value", "\"" + events_text + "\" is not a number of events such as 4, 3-10 or 1,3,5, or \"default\"");
        }
        if (r_.get_id(j, p, "price_list", col.default_price_list.value)) series_price_list(col.default_price_list.value, path_join(p, "price_list"));
        if (const json* per = r_.get_object(j, p, "event_price_lists", false)) {
            const std::string pp = path_join(p, "event_price_lists");
            for (auto it = per->begin(); it != per->end(); ++it) {
                const std::string ep = path_join(pp, it.key());
                if (!c_.find_event(EventId{it.key()})) unknown(ep, "event", it.key(), "events");
                else if (!s.events.empty() && std::find(s.events.begin(), s.events.end(), EventId{it.key()}) == s.events.end())
                    r_.problem(ep, "invalid_value", "event \"" + it.key() + "\" is not in the series' events");
                if (!it.value().is_string()) { r_.problem(ep, "wrong_type", "a price list id string is expected"); continue; }
                series_price_list(it.value().get<std::string>(), ep);
                col.event_price_lists.emplace_back(EventId{it.key()}, PriceListId{it.value().get<std::string>()});
            }
        }
        return col;
    }

    LockType lock_type(const json& j, const std::string& p) {
        LockType t;
        if (r_.get_id(j, p, "id", t.id.value)) unique(lock_type_ids_, t.id.value, path_join(p, "id"), "lock type");
        r_.get_string(j, p, "name", t.name);
        if (auto c = criterion_field(j, p, "who", true)) t.who = *c;
        return t;
    }

    SeatLock seat_lock(const json& j, const std::string& p) {
        SeatLock l;
        if (r_.get_id(j, p, "lock_type", l.lock_type.value) && !c_.find_lock_type(l.lock_type))
            unknown(path_join(p, "lock_type"), "lock type", l.lock_type.value, "lock_types");
        const Venue* venue = nullptr;
        if (r_.get_id(j, p, "venue", l.venue.value) && !(venue = c_.find_venue(l.venue)))
            unknown(path_join(p, "venue"), "venue", l.venue.value, "venues");
        l.seats = id_list<SeatId>(j, p, "seats", "seat", "the venue's plan",
                                  [&](const SeatId& id) { return !venue || venue->plan.seat_index(id).has_value(); }, true);
        l.events = events(j, p);
        l.released_at = instant(j, p, "released_at", false);
        return l;
    }

    PriorityWindow priority_window(const json& j, const std::string& p) {
        PriorityWindow w;
        if (r_.get_id(j, p, "id", w.id.value)) unique(window_ids_, w.id.value, path_join(p, "id"), "priority window");
        r_.get_string(j, p, "name", w.name);
        if (auto c = criterion_field(j, p, "who", true)) w.who = *c;
        w.events = events(j, p);
        w.products = id_list<ProductId>(j, p, "products", "product", "fixed_series, flex_passes or memberships",
                                        [&](const ProductId& id) { return product_ids_.count(id.value) > 0; });
        if (const json* o = r_.get_object(j, p, "opens_at")) {
            const std::string op = path_join(p, "opens_at");
            for (auto it = o->begin(); it != o->end(); ++it) {
                Channel ch;
                if (!channel_from_name(it.key(), ch)) r_.problem(path_join(op, it.key()), "invalid_value", "unknown sales channel \"" + it.key() + "\"");
                else w.opens_at[static_cast<int>(ch)] = instant(*o, op, it.key(), true);
            }
        }
        return w;
    }

    Offer offer(const json& j, const std::string& p) {
        Offer o;
        if (r_.get_id(j, p, "id", o.id.value)) unique(offer_ids_, o.id.value, path_join(p, "id"), "offer");
        r_.get_string(j, p, "name", o.name);
        std::string kind;
        if (r_.get_string(j, p, "kind", kind)) {
            if (kind == "percent_off") { o.kind = OfferKind::percent_off; o.value = percent(j, p, "percent"); }
            else if (kind == "amount_off") { o.kind = OfferKind::amount_off; o.value = amount(j, p, "amount"); }
            else if (kind == "fixed_price") { o.kind = OfferKind::fixed_price; o.value = amount(j, p, "amount"); }
            else if (kind == "fee_waiver") o.kind = OfferKind::fee_waiver;
            else r_.problem(path_join(p, "kind"), "invalid_value", "an offer is percent_off, amount_off, fixed_price or fee_waiver");
        }
        o.events = events(j, p);
        o.instances = instances(j, p, "instances");
        o.bands = id_list<PriceBandId>(j, p, "bands", "price band", "price_bands", [&](const PriceBandId& id) { return c_.find_band(id) != nullptr; });
        o.ticket_types = ticket_types(j, p);
        o.channels = channels(j, p, "channels");
        std::string rule;
        if (r_.get_string(j, p, "series_rule", rule, false)) {
            if (rule == "not") o.series_rule = SeriesRule::not_series;
            else if (rule == "only") o.series_rule = SeriesRule::only_series;
            else if (rule == "either") o.series_rule = SeriesRule::either;
            else r_.problem(path_join(p, "series_rule"), "invalid_value", "series_rule is not, only or either");
        }
        o.who = criterion_field(j, p, "who", false);
        o.min_quantity = count(j, p, "min_quantity", 1, 1);
        o.limit_per_customer = count(j, p, "limit_per_customer", 0, 0);
        o.limit_total = count(j, p, "limit_total", 0, 0);
        return o;
    }

    Fee fee(const json& j, const std::string& p) {
        Fee f;
        if (r_.get_id(j, p, "id", f.id.value)) unique(fee_ids_, f.id.value, path_join(p, "id"), "fee");
        r_.get_string(j, p, "name", f.name);
        std::string per, kind;
        if (r_.get_string(j, p, "per", per)) {
            if (per == "ticket") f.per = FeePer::ticket;
            else if (per == "order") f.per = FeePer::order;
            else r_.problem(path_join(p, "per"), "invalid_value", "a fee is charged per \"ticket\" or per \"order\"");
        }
        if (r_.get_string(j, p, "kind", kind)) {
            if (kind == "fixed") { f.kind = FeeKind::fixed; f.value = amount(j, p, "amount"); }
            else if (kind == "percent") { f.kind = FeeKind::percent; f.value = percent(j, p, "percent"); }
            else r_.problem(path_join(p, "kind"), "invalid_value", "a fee is \"fixed\" or \"percent\"");
        }
        f.channels = channels(j, p, "channels");
        f.waived_for = criterion_field(j, p, "waived_for", false);
        return f;
    }

    Catalog& c_;
    JsonReader& r_;
    std::set<std::string> product_ids_, all_products_, lock_type_ids_, window_ids_, offer_ids_, fee_ids_;
};

json criterion_to_json(const Criterion& c) {
    using K = Criterion::Kind;
    json children = json::array();
    for (const Criterion& x : c.children) children.push_back(criterion_to_json(x));
    switch (c.kind) {
        case K::always: return {{"always", true}};
        case K::all: return {{"all", children}};
        case K::any: return {{"any", children}};
        case K::not_: return {{"not", children.empty() ? json::object() : children[0]}};
        case K::holds: return {{"holds", c.ref}};
        case K::membership_active: return {{"membership_active", c.ref}};
        case K::series_subscriber: return {{"series_subscriber", c.ref}};
        case K::tag: return {{"tag", c.ref}};
    }
    return json::object();
}

template <class IdT>
json ids(const std::vector<IdT>& list) {
    json out = json::array();
    for (const IdT& id : list) out.push_back(id.value);
    return out;
}

json on_sale_json(const std::array<std::optional<Instant>, 2>& on_sale) {
    json out = json::object();
    for (Channel ch : all_channels)
        if (auto t = on_sale[static_cast<int>(ch)]) out[channel_name(ch)] = format_instant(*t);
    return out;
}

json channels_json(const std::array<bool, 2>& channels) {
    json out = json::array();
    for (Channel ch : all_channels)
        if (channels[static_cast<int>(ch)]) out.push_back(channel_name(ch));
    return out;
}

// 1250 basis points -> 12.5
json percent_json(std::int64_t basis_points) {
    if (basis_points % 100 == 0) return basis_points / 100;
    return static_cast<double>(basis_points) / 100.0;
}

json pass_discount_json(const PassDiscount& d) {
    switch (d.kind) {
        case PassDiscountKind::free: return {{"kind", "free"}};
        case PassDiscountKind::percent_off: return {{"kind", "percent_off"}, {"percent", percent_json(d.value)}};
        case PassDiscountKind::fixed_price: return {{"kind", "fixed_price"}, {"amount", d.value}};
    }
    return json::object();
}

}  // namespace

void load_products(const json& doc, Catalog& catalog, JsonReader& reader) { ProductLoader(catalog, reader).load(doc); }

void products_to_json(const Catalog& c, json& out) {
    json memberships = json::array();
    for (const Membership& m : c.memberships) {
        json validity = m.validity == MembershipValidity::months ? json{{"months", m.length}}
                        : m.validity == MembershipValidity::days ? json{{"days", m.length}}
                                                                   : json{{"from", format_date(m.starts)}, {"to", format_date(m.ends)}};
        memberships.push_back({{"id", m.id.value}, {"name", m.name}, {"description", m.description}, {"price", m.price},
                               {"validity", validity}, {"renews_into", m.renews_into.value}, {"on_sale", on_sale_json(m.on_sale)}});
    }
    json passes = json::array();
    for (const FlexPass& f : c.flex_passes) {
        json event_discounts = json::array();
        for (const auto& [e, d] : f.event_discounts) event_discounts.push_back({{"event", e.value}, {"discount", pass_discount_json(d)}});
        json pass = {{"id", f.id.value}, {"name", f.name}, {"description", f.description}, {"price", f.price},
                     {"allowance", f.allowance}, {"events", ids(f.events)}, {"instances", ids(f.instances)},
                     {"discount", pass_discount_json(f.discount)}, {"event_discounts", event_discounts},
                     {"ticket_types", ids(f.ticket_types)}, {"max_per_instance", f.max_per_instance},
                     {"repeat_redemption", f.repeat_redemption}, {"max_per_event", f.max_per_event},
                     {"window", {{"starts", format_date(f.window_starts)}, {"days", f.window_days}}},
                     {"on_sale", on_sale_json(f.on_sale)}};
        if (f.expires_after_days) pass["expires_after_days"] = *f.expires_after_days;
        if (!f.renews_into.empty()) pass["renews_into"] = f.renews_into.value;
        passes.push_back(std::move(pass));
    }
    json series = json::array();
    for (const FixedSeries& s : c.fixed_series) {
        json sets = json::array();
        for (const PricingSet& set : s.pricing_sets) {
            json columns = json::array();
            for (const PricingColumn& col : set.columns) {
                json per = json::object();
                for (const auto& [e, l] : col.event_price_lists) per[e.value] = l.value;
                columns.push_back({{"events", col.events.text}, {"price_list", col.default_price_list.value}, {"event_price_lists", per}});
            }
            sets.push_back({{"id", set.id.value}, {"name", set.name}, {"columns", columns}});
        }
        json groups = json::array();
        for (const SeriesGroup& g : s.groups)
            groups.push_back({{"id", g.id.value}, {"name", g.name}, {"instances", ids(g.instances)}, {"pricing_set", g.pricing_set.value}});
        json item = {{"id", s.id.value}, {"name", s.name}, {"description", s.description}, {"events", ids(s.events)},
                     {"events_required", s.events_required.text}, {"ticket_types", ids(s.ticket_types)},
                     {"default_ticket_type", s.default_ticket_type.value}, {"max_seats_per_order", s.max_seats_per_order},
                     {"choose_band_first", s.choose_band_first}, {"active", channels_json(s.active)},
                     {"on_sale", on_sale_json(s.on_sale)}, {"lineage", s.lineage}, {"pricing_sets", sets}, {"groups", groups}};
        if (s.hold_expires_at) item["hold_expires_at"] = format_instant(*s.hold_expires_at);
        if (!s.season.empty()) item["season"] = s.season.value;
        if (s.shell) {
            item["shell"] = true;
            if (s.events_required.text.empty()) item.erase("events_required");
            if (s.default_ticket_type.empty()) item.erase("default_ticket_type");
        }
        if (const auto& r = s.renewal)
            item["renewal"] = {{"starts", format_instant(r->starts)}, {"auto_renew_starts", format_instant(r->auto_renew_starts)},
                               {"ends", format_instant(r->ends)}, {"lapsed_ends", format_instant(r->lapsed_ends)},
                               {"locks", format_instant(r->locks)}};
        series.push_back(std::move(item));
    }
    json lock_types = json::array();
    for (const LockType& t : c.lock_types) lock_types.push_back({{"id", t.id.value}, {"name", t.name}, {"who", criterion_to_json(t.who)}});
    json locks = json::array();
    for (const SeatLock& l : c.seat_locks) {
        json lock = {{"lock_type", l.lock_type.value}, {"venue", l.venue.value}, {"seats", ids(l.seats)}, {"events", ids(l.events)}};
        if (l.released_at) lock["released_at"] = format_instant(*l.released_at);
        locks.push_back(std::move(lock));
    }
    json windows = json::array();
    for (const PriorityWindow& w : c.priority_windows) {
        json window = {{"id", w.id.value}, {"name", w.name}, {"who", criterion_to_json(w.who)}, {"events", ids(w.events)},
                       {"opens_at", on_sale_json(w.opens_at)}};
        if (!w.products.empty()) window["products"] = ids(w.products);
        windows.push_back(std::move(window));
    }
    json offers = json::array();
    for (const Offer& o : c.offers) {
        static constexpr const char* kinds[] = {"percent_off", "amount_off", "fixed_price", "fee_waiver"};
        static constexpr const char* rules[] = {"not", "only", "either"};
        json offer = {{"id", o.id.value}, {"name", o.name}, {"kind", kinds[static_cast<int>(o.kind)]},
                      {"events", ids(o.events)}, {"instances", ids(o.instances)}, {"bands", ids(o.bands)},
                      {"ticket_types", ids(o.ticket_types)}, {"channels", channels_json(o.channels)},
                      {"series_rule", rules[static_cast<int>(o.series_rule)]}, {"min_quantity", o.min_quantity},
                      {"limit_per_customer", o.limit_per_customer}, {"limit_total", o.limit_total}};
        if (o.kind == OfferKind::percent_off) offer["percent"] = percent_json(o.value);
        if (o.kind == OfferKind::amount_off || o.kind == OfferKind::fixed_price) offer["amount"] = o.value;
        if (o.who) offer["who"] = criterion_to_json(*o.who);
        offers.push_back(std::move(offer));
    }
    json fees = json::array();
    for (const Fee& f : c.fees) {
        json fee = {{"id", f.id.value}, {"name", f.name}, {"per", f.per == FeePer::ticket ? "ticket" : "order"},
                    {"kind", f.kind == FeeKind::fixed ? "fixed" : "percent"}, {"channels", channels_json(f.channels)}};
        if (f.kind == FeeKind::fixed) fee["amount"] = f.value;
        else fee["percent"] = percent_json(f.value);
        if (f.waived_for) fee["waived_for"] = criterion_to_json(*f.waived_for);
        fees.push_back(std::move(fee));
    }
    out["memberships"] = memberships;
    out["flex_passes"] = passes;
    out["fixed_series"] = series;
    out["lock_types"] = lock_types;
    out["seat_locks"] = locks;
    out["priority_windows"] = windows;
    out["offers"] = offers;
    out["fees"] = fees;
}

}  // namespace encore::detail
