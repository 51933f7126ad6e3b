// Fixed series, flexible pass and membership rules that depend only on the product itself.
#include "encore/products.hpp"

#include <algorithm>
#include <charconv>

#include "encore/catalog.hpp"

namespace encore {

bool EventCountRule::matches(int events) const {
    return std::any_of(ranges.begin(), ranges.end(),
                       [events](const auto& r) { return events >= r.first && events <= r.second; });
}

int EventCountRule::minimum() const {
    int low = ranges.empty() ? 0 : ranges.front().first;
    for (const auto& r : ranges) low = std::min(low, r.first);
    return low;
}

int EventCountRule::maximum() const {
    int high = 0;
    for (const auto& r : ranges) high = std::max(high, r.second);
    return high;
}

namespace {
bool parse_count(std::string_view text, int& out) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.size() > 4) return false;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && out >= 1;
}
}  // namespace

std::optional<EventCountRule> parse_event_count_rule(std::string_view text) {
    EventCountRule rule;
    rule.text = std::string(text);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        const std::string_view part = text.substr(start, comma - start);
        const std::size_t dash = part.find('-');
        int low = 0, high = 0;
        if (dash == std::string_view::npos) {
            if (!parse_count(part, low)) return std::nullopt;
            high = low;
        } else if (!parse_count(part.substr(0, dash), low) || !parse_count(part.substr(dash + 1), high) || low > high) {
            return std::nullopt;
        }
        rule.ranges.emplace_back(low, high);
        start = comma + 1;
    }
    return rule;
}

const PriceListId& PricingColumn::price_list_for(const EventId& event) const {
    for (const auto& [e, list] : event_price_lists)
        if (e == event) return list;
    return default_price_list;
}

const PricingColumn* PricingSet::column_for(int events) const {
    const PricingColumn* fallback = nullptr;
    for (const PricingColumn& c : columns) {
        if (c.is_default) fallback = fallback ? fallback : &c;
        else if (c.events.matches(events)) return &c;
    }
    return fallback;
}

const SeriesGroup* FixedSeries::find_group(const SeriesGroupId& id) const {
    for (const SeriesGroup& g : groups)
        if (g.id == id) return &g;
    return nullptr;
}

const PricingSet* FixedSeries::find_pricing_set(const PricingSetId& id) const {
    for (const PricingSet& s : pricing_sets)
        if (s.id == id) return &s;
    return nullptr;
}

bool FixedSeries::allows_ticket_type(const TicketTypeId& type) const {
    return std::find(ticket_types.begin(), ticket_types.end(), type) != ticket_types.end();
}

bool FlexPass::covers(const Instance& instance) const {
    return std::find(events.begin(), events.end(), instance.event) != events.end() ||
           std::find(instances.begin(), instances.end(), instance.id) != instances.end();
}

PassDiscount FlexPass::discount_for(const EventId& event) const {
    for (const auto& [e, d] : event_discounts)
        if (e == event) return d;
    return discount;
}

Instant FlexPass::window_opens() const { return start_of_day(window_starts); }

Instant FlexPass::window_closes() const { return {window_opens().unix_seconds + std::int64_t{window_days} * 86400}; }

Instant FlexPass::expires_at(Instant purchased) const {
    Instant end = window_closes();
    if (expires_after_days) end = std::min(end, Instant{purchased.unix_seconds + std::int64_t{*expires_after_days} * 86400});
    return end;
}

std::pair<Instant, Instant> Membership::valid_period(Instant purchased) const {
    switch (validity) {
        case MembershipValidity::fixed_dates:
            return {start_of_day(starts), Instant{start_of_day(ends).unix_seconds + 86400}};
        case MembershipValidity::days:
            return {purchased, Instant{purchased.unix_seconds + std::int64_t{length} * 86400}};
        case MembershipValidity::months:
            return {purchased, add_months(purchased, length)};
    }
    return {purchased, purchased};
}

}  // namespace encore
