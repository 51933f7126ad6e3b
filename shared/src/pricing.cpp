// price_basket: validates every line, prices tickets from price lists and pricing sets, redeems
// passes, lets the optimiser choose offers, adds fees, and explains each price in a sentence.
#include "encore/pricing.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "encore/entitlements.hpp"
#include "encore/offer_assignment.hpp"
#include "encore/pass_redemption.hpp"
#include "encore/product_sale.hpp"
#include "words.hpp"

namespace encore {

namespace {

constexpr std::size_t max_tickets = 1000;
constexpr std::size_t max_offers = 1000;

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

int count_of(const std::vector<std::pair<OfferId, int>>& counts, const OfferId& id) {
    for (const auto& [offer, n] : counts)
        if (offer == id) return n;
    return 0;
}

// A ticket being priced: one seat at one instance, from a ticket line or one instance of a series line.
struct Ticket {
    int line = 0;
    std::size_t item = 0;  // index in the line's items
    const Instance* instance = nullptr;
    const Event* event = nullptr;
    bool series = false;
    bool redeemed = false;
};

class Pricer {
public:
    Pricer(const Catalog& c, const Basket& b, const Customer& who, Instant now, const OfferUsage& usage)
        : catalog_(c), basket_(b), customer_(who), now_(now), usage_(usage), entitlements_(c, who, b, now) {}

    PricedBasket run() {
        out_.currency = catalog_.currency;
        if (basket_.lines.empty()) problem(-1, "empty_basket", "the basket is empty");
        if (basket_.lines.size() > max_tickets)
            problem(-1, "basket_too_large", "a basket can hold at most " + std::to_string(max_tickets) + " lines");
        if (out_.problems.empty()) {
            for (std::size_t i = 0; i < basket_.lines.size(); ++i) price_line(static_cast<int>(i));
            check_series_seat_caps();
            if (tickets_.size() > max_tickets)
                problem(-1, "basket_too_large", "a basket can hold at most " + std::to_string(max_tickets) + " tickets");
        }
        if (!out_.problems.empty()) return invalid();
        apply_offers();
        apply_ticket_fees();
        apply_order_fees();
        total_up();
        out_.valid = true;
        return std::move(out_);
    }

private:
    void problem(int line, std::string code, std::string message) {
        out_.problems.push_back({line, std::move(code), std::move(message)});
    }

    PricedBasket invalid() {
        PricedBasket result;
        result.currency = out_.currency;
        result.problems = std::move(out_.problems);
        return result;
    }

    std::string money(std::int64_t minor) const { return format_money({minor, catalog_.currency}); }

    // --- lines -------------------------------------------------------------------------------------

    void price_line(int index) {
        const BasketLine& line = basket_.lines[index];
        PricedLine priced;
        priced.index = index;
        priced.kind = line.kind;
        out_.lines.push_back(std::move(priced));
        switch (line.kind) {
            case LineKind::ticket: price_ticket_line(index, line); break;
            case LineKind::series: price_series_line(index, line); break;
            case LineKind::pass: price_pass_purchase(index, line); break;
            case LineKind::membership: price_membership_purchase(index, line); break;
        }
    }

    bool claim_seat(int line, const Instance& instance, const SeatId& seat) {
        if (seats_taken_.emplace(instance.id.value, seat.value).second) return true;
        problem(line, "duplicate_seat",
                "seat " + seat.value + " at " + local_start(instance) + " is already in this basket");
        return false;
    }

    // Base price of a seat from a price list; records a problem and returns false if not sold.
    bool base_price(int line, const Instance& instance, std::uint32_t seat, const TicketTypeId& type,
                    const PriceListId& list_id, PricedItem& item) {
        const Venue* venue = catalog_.find_venue(instance.venue);
        const PriceList* list = catalog_.find_price_list(list_id);
        if (!venue || !list) {
            problem(line, "no_price_list", "no price list is set for " + instance.id.value);
            return false;
        }
        const PriceBandId& band = venue->plan.seats[seat].band;
        auto amount = list->price(band, type);
        if (!amount) {
            const TicketType* t = catalog_.find_ticket_type(type);
            const PriceBand* b = catalog_.find_band(band);
            problem(line, "ticket_type_not_sold",
                    (t ? t->name : type.value) + " tickets are not sold in " + (b ? b->name : band.value) + " for " +
                        event_name(instance) + " on " + local_start(instance));
            return false;
        }
        item.band = band;
        item.price_list = list_id;
        item.base = item.price = *amount;
        return true;
    }

    const std::string& local_start(const Instance& instance) const {
        auto [it, added] = local_starts_.try_emplace(&instance);
        if (added) it->second = instance.local_start();
        return it->second;
    }

    std::string event_name(const Instance& instance) const {
        const Event* e = catalog_.find_event(instance.event);
        return e ? e->name : instance.event.value;
    }

    std::optional<std::uint32_t> seat_index(int line, const Instance& instance, const SeatId& seat) {
        const Venue* venue = catalog_.find_venue(instance.venue);
        auto index = venue ? venue->plan.seat_index(seat) : std::nullopt;
        if (!index)
            problem(line, "unknown_seat", "there is no seat " + seat.value + " at " + event_name(instance) + " on " +
                                              local_start(instance));
        return index;
    }

    bool check(int line, const RuleCheck& rule) {
        if (!rule.ok) problem(line, rule.code, rule.message);
        return rule.ok;
    }

    void price_ticket_line(int index, const BasketLine& line) {
        const Instance* instance = catalog_.find_instance(line.instance);
        if (!instance) return problem(index, "unknown_instance", "there is no performance " + line.instance.value);
        if (!catalog_.find_ticket_type(line.ticket_type))
            return problem(index, "unknown_ticket_type", "there is no ticket type \"" + line.ticket_type.value + "\"");
        auto seat = seat_index(index, *instance, line.seat);
        if (!seat) return;
        bool ok = check(index, check_on_sale(catalog_, *instance, basket_.channel, entitlements_));
        ok = check(index, check_seat_lock(catalog_, *instance, line.seat, entitlements_)) && ok;
        ok = claim_seat(index, *instance, line.seat) && ok;
        PricedItem item;
        item.instance = instance->id;
        item.seat = line.seat;
        item.ticket_type = line.ticket_type;
        if (!base_price(index, *instance, *seat, line.ticket_type, instance->price_list, item) || !ok) return;
        PricedLine& priced = out_.lines.back();
        const Venue* venue = catalog_.find_venue(instance->venue);
        priced.description = event_name(*instance) + ", " + local_start(*instance) + ", " +
                             venue->plan.seat_name(*seat);
        Ticket ticket{index, priced.items.size(), instance, catalog_.find_event(instance->event), false, false};
        if (line.redeem && !redeem_pass(index, *line.redeem, *instance, item)) return;
        ticket.redeemed = line.redeem.has_value();
        priced.items.push_back(std::move(item));
        tickets_.push_back(ticket);
    }

    void price_series_line(int index, const BasketLine& line) {
        const FixedSeries* series = catalog_.find_series(line.product);
        if (!series) return problem(index, "unknown_series", "there is no fixed series \"" + line.product.value + "\"");
        const bool renewal = basket_.renewal && series->active[static_cast<int>(basket_.channel)];
        if (!renewal && !on_sale_to_customer(index, series->id, series->name, true)) return;
        const SeriesGroup* group = series->find_group(line.group);
        if (!group)
            return problem(index, "unknown_series_group",
                           series->name + " has no group \"" + line.group.value + "\"");
        const TicketTypeId type = line.ticket_type.empty() ? series->default_ticket_type : line.ticket_type;
        if (!series->allows_ticket_type(type)) {
            const TicketType* t = catalog_.find_ticket_type(type);
            return problem(index, "series_ticket_type",
                           series->name + " cannot be booked with " + (t ? t->name : type.value) + " tickets");
        }
        if (series->choose_band_first && line.band.empty())
            return problem(index, "series_band_required",
                           series->name + " is booked by price band: choose a band before a seat");
        std::vector<const Instance*> chosen;
        const std::vector<InstanceId>& wanted = line.instances.empty() ? group->instances : line.instances;
        for (const InstanceId& id : wanted) {
            const Instance* instance = catalog_.find_instance(id);
            if (!instance || !contains(group->instances, id))
                return problem(index, "series_instance_not_in_group",
                               "performance " + id.value + " is not part of " + group->name);
            if (std::find(chosen.begin(), chosen.end(), instance) != chosen.end())
                return problem(index, "series_duplicate_instance", "performance " + id.value + " is chosen twice");
            chosen.push_back(instance);
        }
        std::set<std::string> events;
        for (const Instance* i : chosen) events.insert(i->event.value);
        const int event_count = static_cast<int>(events.size());
        if (event_count != static_cast<int>(chosen.size()))
            return problem(index, "series_event_count",
                           "a series booking takes one performance of each event; " + group->name +
                               " has more than one performance of the same event chosen");
        if (!series->events_required.matches(event_count))
            return problem(index, "series_event_count",
                           series->name + " needs " + series->events_required.text + " events; this booking has " +
                               std::to_string(event_count));
        const PricingSet* pricing = series->find_pricing_set(group->pricing_set);
        const PricingColumn* column = pricing ? pricing->column_for(event_count) : nullptr;
        if (!column)
            return problem(index, "series_no_price",
                           series->name + " has no price for " + std::to_string(event_count) + " events in " + group->name);
        series_lines_.push_back(index);

        PricedLine& priced = out_.lines.back();
        priced.description = series->name + ", " + group->name + ", seat " + line.seat.value + " (" +
                             std::to_string(event_count) + " events)";
        bool ok = true;
        std::vector<PricedItem> items;
        for (const Instance* instance : chosen) {
            auto seat = seat_index(index, *instance, line.seat);
            if (!seat) return;
            ok = check(index, check_seat_lock(catalog_, *instance, line.seat, entitlements_)) && ok;
            ok = claim_seat(index, *instance, line.seat) && ok;
            PricedItem item;
            item.instance = instance->id;
            item.seat = line.seat;
            item.ticket_type = type;
            item.product = series->id;
            item.pricing_set = pricing->id;
            item.pricing_column = column->events.text;
            if (!base_price(index, *instance, *seat, type, column->price_list_for(instance->event), item)) return;
            if (!line.band.empty() && item.band != line.band) {
                const PriceBand* b = catalog_.find_band(line.band);
                problem(index, "series_band_mismatch",
                        "seat " + line.seat.value + " is not in " + (b ? b->name : line.band.value) + " for " +
                            event_name(*instance));
                return;
            }
            items.push_back(std::move(item));
        }
        if (!ok) return;
        priced.series = series_summary(*pricing, *column, event_count, chosen, items);
        for (std::size_t k = 0; k < items.size(); ++k) {
            const Instance* instance = chosen[k];
            tickets_.push_back({index, priced.items.size(), instance, catalog_.find_event(instance->event), true, false});
            priced.items.push_back(std::move(items[k]));
        }
    }

    SeriesLineSummary series_summary(const PricingSet& pricing, const PricingColumn& column, int events,
                                     const std::vector<const Instance*>& chosen, const std::vector<PricedItem>& items) const {
        SeriesLineSummary summary;
        summary.pricing_set = pricing.id;
        summary.column = column.events.text;
        summary.events = events;
        std::int64_t series_total = 0, singles = 0;
        bool all_sold_singly = true, one_price = true;
        for (std::size_t k = 0; k < items.size(); ++k) {
            series_total += items[k].base;
            one_price = one_price && items[k].base == items.front().base;
            const Venue* venue = catalog_.find_venue(chosen[k]->venue);
            auto seat = venue ? venue->plan.seat_index(items[k].seat) : std::nullopt;
            auto single = seat ? catalog_.seat_price(*chosen[k], *seat, items[k].ticket_type) : std::nullopt;
            if (single) singles += single->minor;
            all_sold_singly = all_sold_singly && single.has_value();
        }
        summary.column_label = std::to_string(events) + (events == 1 ? " event: " : " events: ") +
                               (one_price && !items.empty() ? money(items.front().base) + " each" : money(series_total));
        if (all_sold_singly) {
            summary.singles_total = singles;
            summary.saving = singles - series_total;
        }
        return summary;
    }

    void check_series_seat_caps() {
        std::map<std::string, int> seats;
        for (int index : series_lines_) {
            const FixedSeries* series = catalog_.find_series(basket_.lines[index].product);
            if (++seats[series->id.value] == series->max_seats_per_order + 1)
                problem(index, "series_too_many_seats",
                        series->name + " can be booked for at most " + std::to_string(series->max_seats_per_order) +
                            " seats in one order");
        }
    }

    // Whether this customer may buy the product now (general sale or their priority window); records why not.
    // A product no longer sold passes here: the pass and membership checks below say why.
    bool on_sale_to_customer(int index, const ProductId& id, const std::string& name, bool series) {
        const SaleStatus sale = product_sale_status(catalog_, id, basket_.channel, entitlements_);
        if (sale.may_buy || sale.state == SaleState::closed) return true;
        const std::string where = basket_.channel == Channel::web ? "online" : "at the box office";
        if (sale.state == SaleState::priority)
            problem(index, "priority_window_closed",
                    name + " is in priority booking for " + sale.who +
                        (sale.general_sale ? " until general sale opens " + describe_utc_time(*sale.general_sale) : ""));
        else if (sale.state == SaleState::not_yet && (!sale.general_sale || *sale.opens_at < *sale.general_sale))
            problem(index, "priority_window_not_open", "priority booking for you opens " + describe_utc_time(*sale.opens_at));
        else if (sale.state == SaleState::not_yet)
            problem(index, series ? "series_not_on_sale_yet" : "product_not_on_sale_yet",
                    name + " goes on sale " + (series ? where + " " : "") + describe_utc_time(*sale.opens_at));
        else
            problem(index, series ? "series_not_on_sale" : "product_not_on_sale",
                    name + (series ? " is not on sale " + where : " is not sold on this channel"));
        return false;
    }

    void price_pass_purchase(int index, const BasketLine& line) {
        const FlexPass* pass = catalog_.find_pass(line.product);
        if (!pass) return problem(index, "unknown_pass", "there is no pass \"" + line.product.value + "\"");
        if (!on_sale_to_customer(index, pass->id, pass->name, false)) return;
        if (now_ >= pass->window_closes())
            return problem(index, "pass_outside_window", pass->name + " can no longer be redeemed, so it is not sold");
        add_product_item(pass->id, pass->price,
                         pass->name + " (" + std::to_string(pass->allowance) + " tickets)",
                         pass->name + ": " + std::to_string(pass->allowance) + " tickets to use from " +
                             format_date(pass->window_starts) + " until " +
                             describe_utc_time(pass->expires_at(now_)) + ", " + money(pass->price) + ".");
    }

    void price_membership_purchase(int index, const BasketLine& line) {
        const Membership* m = catalog_.find_membership(line.product);
        if (!m) return problem(index, "unknown_membership", "there is no membership \"" + line.product.value + "\"");
        if (!on_sale_to_customer(index, m->id, m->name, false)) return;
        auto [starts, ends] = m->valid_period(now_);
        if (ends <= now_) return problem(index, "membership_ended", m->name + " has already ended");
        add_product_item(m->id, m->price, m->name,
                         m->name + ", valid until " + format_date(utc_date({ends.unix_seconds - 1})) + ", " +
                             money(m->price) + ".");
    }

    void add_product_item(const ProductId& id, std::int64_t price, std::string description, std::string explanation) {
        PricedItem item;
        item.product = id;
        item.base = item.price = price;
        item.explanation = std::move(explanation);
        PricedLine& priced = out_.lines.back();
        priced.description = std::move(description);
        priced.items.push_back(std::move(item));
    }

    // --- passes ------------------------------------------------------------------------------------

    PassStanding* find_pass_use(int index, const PassRedemption& r) {
        const std::string key = r.basket_line >= 0 ? "basket:" + std::to_string(r.basket_line) : r.code;
        auto found = pass_uses_.find(key);
        if (found != pass_uses_.end()) return &found->second;
        std::optional<PassStanding> standing = pass_standing(catalog_, customer_, basket_, r, now_);
        if (!standing) {
            problem(index, "pass_unknown", r.basket_line >= 0 ? "line " + std::to_string(r.basket_line) + " of the basket is not a pass"
                                                              : "you have no pass with the code \"" + r.code + "\"");
            return nullptr;
        }
        return &pass_uses_.emplace(key, std::move(*standing)).first->second;
    }

    bool redeem_pass(int index, const PassRedemption& r, const Instance& instance, PricedItem& item) {
        PassStanding* use = find_pass_use(index, r);
        if (!use || !check(index, check_pass_redemption(catalog_, *use, instance, item.ticket_type, now_))) return false;
        use->redeemed.push_back(&instance);
        item.price = redeemed_price(*use->pass, instance.event, item.base);
        item.pass = use->pass->id;
        item.pass_code = use->code;
        return true;
    }

    // --- offers and fees ---------------------------------------------------------------------------

    // The per-ticket fees a ticket pays on this channel unless an offer waives them (criteria already applied).
    std::vector<const Fee*> charged_fees(const Ticket& t) const {
        std::vector<const Fee*> fees;
        for (const Fee& fee : catalog_.fees)
            if (fee.per == FeePer::ticket && fee.channels[static_cast<int>(basket_.channel)] &&
                !(fee.waived_for && meets(*fee.waived_for, entitlements_, t.instance->starts_at)))
                fees.push_back(&fee);
        return fees;
    }

    static std::int64_t fee_amount(const Fee& fee, std::int64_t price) {
        return fee.kind == FeeKind::fixed ? fee.value : percentage_of({price, {}}, fee.value).minor;
    }

    static std::int64_t fees_on(const std::vector<const Fee*>& fees, std::int64_t price) {
        std::int64_t total = 0;
        for (const Fee* fee : fees) total += fee_amount(*fee, price);
        return total;
    }

    bool offer_applies(const Offer& offer, const Ticket& t, const PricedItem& item) const {
        if (t.redeemed || !offer.channels[static_cast<int>(basket_.channel)]) return false;
        if (offer.series_rule == SeriesRule::not_series && t.series) return false;
        if (offer.series_rule == SeriesRule::only_series && !t.series) return false;
        if (!offer.events.empty() && !contains(offer.events, t.instance->event)) return false;
        if (!offer.instances.empty() && !contains(offer.instances, t.instance->id)) return false;
        if (!offer.bands.empty() && !contains(offer.bands, item.band)) return false;
        if (!offer.ticket_types.empty() && !contains(offer.ticket_types, item.ticket_type)) return false;
        return !offer.who || meets(*offer.who, entitlements_, t.instance->starts_at);
    }

    std::int64_t offer_price(const Offer& offer, std::int64_t base) const {
        switch (offer.kind) {
            case OfferKind::percent_off: return base - percentage_of({base, {}}, offer.value).minor;
            case OfferKind::amount_off: return std::max<std::int64_t>(0, base - offer.value);
            case OfferKind::fixed_price: return std::min(base, offer.value);
            case OfferKind::fee_waiver: return base;
        }
        return base;
    }

    PricedItem& item_of(const Ticket& t) { return out_.lines[t.line].items[t.item]; }

    void apply_offers() {
        const std::size_t n_offers = std::min(catalog_.offers.size(), max_offers);
        if (n_offers == 0 || tickets_.empty()) return;
        OfferAssignmentProblem p;
        p.tickets = static_cast<int>(tickets_.size());
        p.offers = static_cast<int>(n_offers);
        p.value.assign(tickets_.size() * n_offers, 0);
        p.capacity.assign(n_offers, 0);
        std::vector<std::vector<const Fee*>> charged(tickets_.size());
        std::vector<std::int64_t> cost_before(tickets_.size());
        for (std::size_t t = 0; t < tickets_.size(); ++t) {
            charged[t] = charged_fees(tickets_[t]);
            cost_before[t] = item_of(tickets_[t]).price + fees_on(charged[t], item_of(tickets_[t]).price);
        }
        for (std::size_t o = 0; o < n_offers; ++o) {
            const Offer& offer = catalog_.offers[o];
            int applicable = 0;
            for (std::size_t t = 0; t < tickets_.size(); ++t) {
                const PricedItem& item = item_of(tickets_[t]);
                if (!offer_applies(offer, tickets_[t], item)) continue;
                ++applicable;
                const std::int64_t price = offer_price(offer, item.price);
                const std::int64_t after = price + (offer.kind == OfferKind::fee_waiver ? 0 : fees_on(charged[t], price));
                p.value[t * n_offers + o] = cost_before[t] - after;
            }
            int capacity = applicable >= offer.min_quantity ? applicable : 0;
            if (offer.limit_per_customer > 0)
                capacity = std::min(capacity, offer.limit_per_customer - count_of(customer_.offer_uses, offer.id));
            if (offer.limit_total > 0)
                capacity = std::min(capacity, offer.limit_total - count_of(usage_.tickets, offer.id));
            p.capacity[o] = std::max(capacity, 0);
        }
        const OfferAssignment best = assign_offers(p);
        for (std::size_t t = 0; t < tickets_.size(); ++t) {
            const int o = best.offer_of_ticket[t];
            if (o < 0) continue;
            const Offer& offer = catalog_.offers[o];
            PricedItem& item = item_of(tickets_[t]);
            const std::int64_t price = offer_price(offer, item.price);
            item.offer = offer.id;
            item.offer_discount = item.price - price;
            item.price = price;
            if (offer.kind == OfferKind::fee_waiver) fee_waived_by_offer_.insert(t);
        }
    }

    void apply_ticket_fees() {
        for (std::size_t t = 0; t < tickets_.size(); ++t) {
            const Ticket& ticket = tickets_[t];
            PricedItem& item = item_of(ticket);
            for (const Fee& fee : catalog_.fees) {
                if (fee.per != FeePer::ticket || !fee.channels[static_cast<int>(basket_.channel)]) continue;
                AppliedFee applied{fee.id, fee.name, 0, false, {}};
                if (fee_waived_by_offer_.count(t)) {
                    applied.waived = true;
                    applied.waived_by = offer_waiver(item.offer);
                } else if (fee.waived_for && meets(*fee.waived_for, entitlements_, ticket.instance->starts_at)) {
                    applied.waived = true;
                    applied.waived_by = describe_criterion(*fee.waived_for, catalog_);
                } else {
                    applied.amount = fee_amount(fee, item.price);
                }
                item.fees.push_back(std::move(applied));
            }
            item.explanation = explain_ticket(ticket, item);
        }
    }

    void apply_order_fees() {
        if (tickets_.empty()) return;
        std::int64_t ticket_subtotal = 0;
        for (const Ticket& t : tickets_) ticket_subtotal += item_of(t).price;
        for (const Fee& fee : catalog_.fees) {
            if (fee.per != FeePer::order || !fee.channels[static_cast<int>(basket_.channel)]) continue;
            AppliedFee applied{fee.id, fee.name, 0, false, {}};
            if (fee.waived_for && meets(*fee.waived_for, entitlements_, now_)) {
                applied.waived = true;
                applied.waived_by = describe_criterion(*fee.waived_for, catalog_);
            } else {
                applied.amount = fee_amount(fee, ticket_subtotal);
            }
            out_.order_fees.push_back(std::move(applied));
        }
    }

    void total_up() {
        for (PricedLine& line : out_.lines) {
            line.total = 0;
            for (const PricedItem& item : line.items) {
                out_.base_total += item.base;
                line.total += item.price;
                for (const AppliedFee& f : item.fees) {
                    line.total += f.amount;
                    out_.fee_total += f.amount;
                }
            }
            out_.total += line.total;
        }
        for (const AppliedFee& f : out_.order_fees) {
            out_.fee_total += f.amount;
            out_.total += f.amount;
        }
        out_.discount_total = out_.base_total - (out_.total - out_.fee_total);
    }

    // --- explanations ------------------------------------------------------------------------------

    std::string offer_name(const OfferId& id) const {
        for (const Offer& o : catalog_.offers)
            if (o.id == id) return o.name;
        return id.value;
    }

    std::string explain_ticket(const Ticket& t, const PricedItem& item) const {
        const TicketType* type = catalog_.find_ticket_type(item.ticket_type);
        const PriceBand* band = catalog_.find_band(item.band);
        const PriceList* list = catalog_.find_price_list(item.price_list);
        std::string s = (type ? type->name : item.ticket_type.value) + " ticket in " + (band ? band->name : item.band.value) +
                        " for " + (t.event ? t.event->name : t.instance->event.value) + " on " + local_start(*t.instance) +
                        ": " + money(item.base);
        if (t.series) {
            const FixedSeries* series = catalog_.find_series(item.product);
            const PricingSet* set = series ? series->find_pricing_set(item.pricing_set) : nullptr;
            s += " from the " + (list ? list->name : item.price_list.value) + " series price list (" +
                 (set ? set->name : item.pricing_set.value) + ", " +
                 (item.pricing_column == "default" ? std::string("default column") : item.pricing_column + " events") + ")";
        } else {
            s += " from the " + (list ? list->name : item.price_list.value) + " price list";
        }
        if (!item.pass.empty()) {
            const FlexPass* pass = catalog_.find_pass(item.pass);
            s += ", " + (item.price == 0 ? std::string("free") : money(item.price)) + " with the " +
                 (pass ? pass->name : item.pass.value) +
                 (item.pass_code.rfind("basket:", 0) == 0 ? " in this basket" : " " + item.pass_code);
        }
        if (!item.offer.empty()) {
            const std::string name = offer_name(item.offer);
            if (item.offer_discount > 0) s += ", " + money(item.offer_discount) + " off with " + name;
            else if (!waives_fees(item.offer)) s += ", with " + name;  // a fee waiver is named once, with the fees
        }
        return s + explain_fees(item.fees, item.offer.empty() ? std::string() : offer_waiver(item.offer)) + ".";
    }

    // Who waived a fee when an offer did: "the Friends pay no booking fee offer".
    std::string offer_waiver(const OfferId& id) const { return "the " + offer_name(id) + " offer"; }

    bool waives_fees(const OfferId& id) const {
        for (const Offer& o : catalog_.offers)
            if (o.id == id) return o.kind == OfferKind::fee_waiver;
        return false;
    }

    // ", plus booking fee £1.50", ", booking fee and card fee waived for members": each reason once.
    std::string explain_fees(const std::vector<AppliedFee>& fees, const std::string& by_offer) const {
        std::string s;
        std::vector<bool> said(fees.size(), false);
        for (std::size_t i = 0; i < fees.size(); ++i) {
            const AppliedFee& f = fees[i];
            if (said[i]) continue;
            if (!f.waived) {
                if (f.amount > 0) s += ", plus " + f.name + " " + money(f.amount);
                continue;
            }
            std::vector<std::string> names{f.name};
            for (std::size_t k = i + 1; k < fees.size(); ++k)
                if (fees[k].waived && fees[k].waived_by == f.waived_by) {
                    said[k] = true;
                    names.push_back(fees[k].name);
                }
            s += ", " + detail::join_words(names) + (f.waived_by == by_offer ? " waived with " : " waived for ") + f.waived_by;
        }
        return s;
    }

    const Catalog& catalog_;
    const Basket& basket_;
    const Customer& customer_;
    Instant now_;
    const OfferUsage& usage_;
    Entitlements entitlements_;
    PricedBasket out_;
    std::vector<Ticket> tickets_;
    std::vector<int> series_lines_;
    std::set<std::pair<std::string, std::string>> seats_taken_;
    std::map<std::string, PassStanding> pass_uses_;
    std::set<std::size_t> fee_waived_by_offer_;
    mutable std::map<const Instance*, std::string> local_starts_;
};

}  // namespace

const char* line_kind_name(LineKind k) {
    switch (k) {
        case LineKind::ticket: return "ticket";
        case LineKind::series: return "series";
        case LineKind::pass: return "pass";
        case LineKind::membership: return "membership";
    }
    return "?";
}

PricedBasket price_basket(const Catalog& catalog, const Basket& basket, const Customer& customer, Instant now,
                          const OfferUsage& usage) {
    return Pricer(catalog, basket, customer, now, usage).run();
}

}  // namespace encore
