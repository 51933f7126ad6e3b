// Whether a fixed series, flexible pass or membership is on sale to a customer on a channel now: general
// sale, a priority window open to some customers, not yet, not sold there, or no longer sold. Pricing
// refuses a product line by this rule; the season view shows it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "encore/catalog.hpp"
#include "encore/entitlements.hpp"

namespace encore {

enum class SaleState : std::uint8_t {
    on_sale = 0,   // anyone may buy it now
    priority = 1,  // only customers in an open priority window may buy it now (`who`)
    not_yet = 2,   // this customer may buy it from `opens_at`
    off_sale = 3,  // not sold on this channel
    closed = 4,    // no longer sold: a pass that can no longer be used, a membership that has ended
    sold_out = 5,  // nothing left (the season view's judgement, from availability: see season_view.hpp)
};
// "on_sale", "priority", "not_yet", "off_sale", "closed", "sold_out".
const char* sale_state_name(SaleState state);

struct SaleStatus {
    SaleState state = SaleState::off_sale;
    bool may_buy = false;                   // this customer may buy it now
    std::optional<Instant> opens_at;        // not_yet: when this customer may buy it
    std::optional<Instant> general_sale;    // when everyone may buy it on this channel, if ever
    std::string who;                        // priority: who may book now; not_yet: who a coming priority window is for
    std::string text;                       // for the customer: "On sale", "Priority booking for members of …; general sale from …"
};

// The status of product `id` for this customer on the channel at who.now(); off_sale for an unknown id.
SaleStatus product_sale_status(const Catalog& catalog, const ProductId& id, Channel channel, const Entitlements& who);

}  // namespace encore
