// The pass redemption rule shared by pricing and "Use a pass".
#include "encore/pass_redemption.hpp"

#include <algorithm>

namespace encore {

namespace {

std::string event_name(const Catalog& catalog, const Instance& instance) {
    const Event* e = catalog.find_event(instance.event);
    return e ? e->name : instance.event.value;
}

bool is_basket_code(const std::string& code) { return code.rfind("basket:", 0) == 0; }

bool same_pass(const PassRedemption& a, const PassRedemption& b) {
    return a.basket_line >= 0 ? a.basket_line == b.basket_line : b.basket_line < 0 && a.code == b.code;
}

}  // namespace

std::optional<PassStanding> pass_standing(const Catalog& catalog, const Customer& customer, const Basket& basket,
                                          const PassRedemption& r, Instant now) {
    PassStanding standing;
    if (r.basket_line >= 0) {
        if (r.basket_line >= static_cast<int>(basket.lines.size()) || basket.lines[r.basket_line].kind != LineKind::pass)
            return std::nullopt;
        standing.pass = catalog.find_pass(basket.lines[r.basket_line].product);
        if (!standing.pass) return std::nullopt;
        standing.code = "basket:" + std::to_string(r.basket_line);
        standing.expires_at = standing.pass->expires_at(now);
        return standing;
    }
    const OwnedPass* owned = nullptr;
    for (const OwnedPass& p : customer.passes)
        if (p.code == r.code) owned = &p;
    standing.pass = owned ? catalog.find_pass(owned->pass) : nullptr;
    if (!standing.pass) return std::nullopt;
    standing.code = r.code;
    standing.expires_at = owned->expires_at;
    for (const InstanceId& id : owned->redeemed) standing.redeemed.push_back(catalog.find_instance(id));
    return standing;
}

RuleCheck check_pass_redemption(const Catalog& catalog, const PassStanding& use, const Instance& instance,
                                const TicketTypeId& ticket_type, Instant now) {
    const FlexPass& pass = *use.pass;
    const std::string name = pass.name + " " + (is_basket_code(use.code) ? "(in this basket)" : use.code);
    if (now >= use.expires_at) return {false, "pass_expired", name + " expired " + describe_utc_time(use.expires_at)};
    if (now < pass.window_opens() || instance.starts_at < pass.window_opens() || instance.starts_at >= pass.window_closes())
        return {false, "pass_outside_window",
                name + " can be used from " + format_date(pass.window_starts) + " until " +
                    format_date(utc_date({pass.window_closes().unix_seconds - 1})) + ", for performances in that time"};
    if (!pass.covers(instance))
        return {false, "pass_not_valid_for_event", name + " is not valid for " + event_name(catalog, instance)};
    if (!pass.ticket_types.empty() &&
        std::find(pass.ticket_types.begin(), pass.ticket_types.end(), ticket_type) == pass.ticket_types.end())
        return {false, "pass_ticket_type", name + " cannot be used for this ticket type"};
    if (static_cast<int>(use.redeemed.size()) >= pass.allowance)
        return {false, "pass_exhausted", name + " has no tickets left (all " + std::to_string(pass.allowance) + " used)"};
    int at_instance = 0, at_event = 0;
    bool other_date = false;
    for (const Instance* i : use.redeemed) {
        if (!i || i->event != instance.event) continue;
        ++at_event;
        if (i->id == instance.id) ++at_instance;
        else other_date = true;
    }
    if (at_instance >= pass.max_per_instance)
        return {false, "pass_instance_limit",
                name + " can be used for " + std::to_string(pass.max_per_instance) + " ticket(s) per performance"};
    if (!pass.repeat_redemption && other_date)
        return {false, "pass_event_limit",
                name + " has already been used for " + event_name(catalog, instance) +
                    " on another date; it covers one date of each event"};
    const int per_event = pass.max_per_event > 0 ? pass.max_per_event : pass.allowance;
    if (pass.repeat_redemption && at_event >= per_event)
        return {false, "pass_event_limit",
                name + " can be used for " + std::to_string(per_event) + " ticket(s) for " + event_name(catalog, instance)};
    return {};
}

std::int64_t redeemed_price(const FlexPass& pass, const EventId& event, std::int64_t base) {
    const PassDiscount d = pass.discount_for(event);
    switch (d.kind) {
        case PassDiscountKind::free: return 0;
        case PassDiscountKind::percent_off: return base - percentage_of({base, {}}, d.value).minor;
        case PassDiscountKind::fixed_price: return std::min(base, d.value);
    }
    return base;
}

std::vector<UsablePass> usable_passes(const Catalog& catalog, const Basket& basket, const Customer& customer, Instant now) {
    std::vector<PassRedemption> candidates;
    for (const OwnedPass& p : customer.passes) {
        const bool seen = std::any_of(candidates.begin(), candidates.end(),
                                      [&](const PassRedemption& c) { return c.code == p.code; });
        if (!seen) candidates.push_back({p.code, -1});
    }
    for (std::size_t i = 0; i < basket.lines.size(); ++i)
        if (basket.lines[i].kind == LineKind::pass) candidates.push_back({{}, static_cast<int>(i)});

    std::vector<UsablePass> out;
    for (const PassRedemption& candidate : candidates) {
        std::optional<PassStanding> standing = pass_standing(catalog, customer, basket, candidate, now);
        if (!standing || now >= standing->expires_at) continue;
        std::vector<int> free_lines;
        for (std::size_t i = 0; i < basket.lines.size(); ++i) {  // this basket's redemptions count first, in line order
            const BasketLine& line = basket.lines[i];
            const Instance* instance = line.kind == LineKind::ticket ? catalog.find_instance(line.instance) : nullptr;
            if (!instance) continue;
            if (!line.redeem) free_lines.push_back(static_cast<int>(i));
            else if (same_pass(candidate, *line.redeem) &&
                     check_pass_redemption(catalog, *standing, *instance, line.ticket_type, now).ok)
                standing->redeemed.push_back(instance);
        }
        UsablePass usable;
        for (int i : free_lines) {
            const BasketLine& line = basket.lines[i];
            if (check_pass_redemption(catalog, *standing, *catalog.find_instance(line.instance), line.ticket_type, now).ok)
                usable.lines.push_back(i);
        }
        if (usable.lines.empty()) continue;
        usable.redeem = candidate;
        usable.pass = standing->pass->id;
        usable.name = standing->pass->name;
        usable.expires_at = standing->expires_at;
        usable.allowance = standing->pass->allowance;
        usable.left = std::max(0, usable.allowance - static_cast<int>(standing->redeemed.size()));
        out.push_back(std::move(usable));
    }
    return out;
}

std::vector<UsablePass> passes_in_use(const Catalog& catalog, const Basket& basket, const Customer& customer, Instant now) {
    std::vector<UsablePass> out;
    for (const BasketLine& line : basket.lines) {
        if (line.kind != LineKind::ticket || !line.redeem) continue;
        const PassRedemption& redeem = *line.redeem;
        if (std::any_of(out.begin(), out.end(), [&](const UsablePass& p) { return same_pass(p.redeem, redeem); })) continue;
        std::optional<PassStanding> standing = pass_standing(catalog, customer, basket, redeem, now);
        if (!standing) continue;
        UsablePass used;
        used.redeem = redeem;
        used.pass = standing->pass->id;
        used.name = standing->pass->name;
        used.expires_at = standing->expires_at;
        used.allowance = standing->pass->allowance;
        for (std::size_t i = 0; i < basket.lines.size(); ++i) {  // in line order, as pricing redeems them
            const BasketLine& other = basket.lines[i];
            const Instance* instance = other.kind == LineKind::ticket ? catalog.find_instance(other.instance) : nullptr;
            if (!instance || !other.redeem || !same_pass(redeem, *other.redeem)) continue;
            if (!check_pass_redemption(catalog, *standing, *instance, other.ticket_type, now).ok) continue;
            standing->redeemed.push_back(instance);
            used.lines.push_back(static_cast<int>(i));
        }
        used.left = std::max(0, used.allowance - static_cast<int>(standing->redeemed.size()));
        out.push_back(std::move(used));
    }
    return out;
}

}  // namespace encore
