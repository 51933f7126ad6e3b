// Products on sale: general sale per channel, priority windows naming the product, and their end.
#include "encore/product_sale.hpp"

#include <algorithm>

namespace encore {

namespace {

const char* where(Channel channel) { return channel == Channel::web ? "online" : "at the box office"; }

struct Product {
    std::array<std::optional<Instant>, 2> on_sale;
    bool active = true;
    bool ended = false;
};

std::optional<Product> product(const Catalog& catalog, const ProductId& id, Channel channel, Instant now) {
    if (const FixedSeries* s = catalog.find_series(id))
        return Product{s->on_sale, s->active[static_cast<int>(channel)], false};
    if (const FlexPass* p = catalog.find_pass(id)) return Product{p->on_sale, true, now >= p->window_closes()};
    if (const Membership* m = catalog.find_membership(id)) return Product{m->on_sale, true, m->valid_period(now).second <= now};
    return std::nullopt;
}

}  // namespace

const char* sale_state_name(SaleState state) {
    switch (state) {
        case SaleState::on_sale: return "on_sale";
        case SaleState::priority: return "priority";
        case SaleState::not_yet: return "not_yet";
        case SaleState::off_sale: return "off_sale";
        case SaleState::closed: return "closed";
        case SaleState::sold_out: return "sold_out";
    }
    return "off_sale";
}

SaleStatus product_sale_status(const Catalog& catalog, const ProductId& id, Channel channel, const Entitlements& who) {
    SaleStatus status;
    const Instant now = who.now();
    const std::optional<Product> p = product(catalog, id, channel, now);
    if (!p || !p->active) {
        status.text = std::string("Not sold ") + where(channel);
        return status;
    }
    if (p->ended) {
        status.state = SaleState::closed;
        status.text = "No longer on sale";
        return status;
    }
    status.general_sale = p->on_sale[static_cast<int>(channel)];
    if (status.general_sale && *status.general_sale <= now) {
        status.state = SaleState::on_sale;
        status.may_buy = true;
        status.text = "On sale";
        return status;
    }
    const std::string general = status.general_sale ? "general sale from " + describe_utc_time(*status.general_sale)
                                                    : std::string("not on general sale ") + where(channel);
    // Priority windows naming the product: the open ones, and the next this customer (or anyone) may use.
    std::string open_for;
    bool eligible_now = false;
    std::optional<Instant> mine, next;
    std::string next_for;
    for (const PriorityWindow& w : catalog.priority_windows) {
        const auto opens = w.opens_at[static_cast<int>(channel)];
        if (!opens || std::find(w.products.begin(), w.products.end(), id) == w.products.end()) continue;
        const bool eligible = meets(w.who, who, now);
        if (*opens <= now) {
            const std::string text = describe_criterion(w.who, catalog);
            if (open_for.find(text) == std::string::npos) open_for += (open_for.empty() ? "" : " or ") + text;
            eligible_now = eligible_now || eligible;
        } else {
            if (eligible && (!mine || *opens < *mine)) mine = opens;
            if (!next || *opens < *next) next = opens, next_for = describe_criterion(w.who, catalog);
        }
    }
    if (!open_for.empty()) {
        status.state = SaleState::priority;
        status.may_buy = eligible_now;
        status.who = open_for;
        status.text = "Priority booking for " + open_for + (eligible_now ? ": you can book now; " : "; ") + general;
        return status;
    }
    if (status.general_sale && (!mine || *status.general_sale < *mine)) mine = status.general_sale;
    if (!mine) {
        status.text = std::string("Not sold ") + where(channel);
        return status;
    }
    status.state = SaleState::not_yet;
    status.opens_at = mine;
    const bool general_first = status.general_sale && *mine == *status.general_sale;
    status.text = general_first ? "On sale " + std::string(where(channel)) + " from " + describe_utc_time(*mine)
                                : "Priority booking for you from " + describe_utc_time(*mine) + "; " + general;
    if (next && (!status.general_sale || *next < *status.general_sale)) {
        status.who = next_for;
        if (general_first) status.text += "; priority booking for " + next_for + " from " + describe_utc_time(*next);
    }
    return status;
}

}  // namespace encore
