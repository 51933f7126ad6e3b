// Redeeming flexible passes: the one rule for whether a pass can pay for one more ticket, used by
// pricing and by "Use a pass" (which of the customer's passes this basket could use, and how much is left).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"
#include "encore/entitlements.hpp"

namespace encore {

// A pass as it stands: which pass, how it is named, its expiry and the performances it has paid for.
struct PassStanding {
    const FlexPass* pass = nullptr;
    std::string code;                       // an owned pass's code, or "basket:N" for the pass bought on line N
    Instant expires_at;
    std::vector<const Instance*> redeemed;  // one per ticket; nullptr for a performance no longer in the catalog
};

// The pass a redemption names, as it stood before this basket: an owned pass (by code) or a pass line
// of the basket (expiring as if bought now); nullopt if there is no such pass.
std::optional<PassStanding> pass_standing(const Catalog& catalog, const Customer& customer, const Basket& basket,
                                          const PassRedemption& redemption, Instant now);
// May the pass pay for one more ticket of this type at this performance now? Checks, in order: expiry,
// window, covered event, ticket type, allowance, per-performance and per-event limits.
RuleCheck check_pass_redemption(const Catalog& catalog, const PassStanding& pass, const Instance& instance,
                                const TicketTypeId& ticket_type, Instant now);
// The price of a ticket of standard price `base` paid for with the pass (its discount for the event).
std::int64_t redeemed_price(const FlexPass& pass, const EventId& event, std::int64_t base);

// A pass the basket can use now, for "Use a pass".
struct UsablePass {
    PassRedemption redeem;   // what a ticket line puts in its "redeem": the code, or the basket line
    ProductId pass;
    std::string name;        // "Flex 4 Pass"
    Instant expires_at;
    int allowance = 0;
    int left = 0;            // tickets left after earlier orders and the redemptions already in this basket
    std::vector<int> lines;  // the basket's ticket lines without a pass that it can pay for now
};

// The customer's unexpired passes and the passes bought in this basket that can pay for at least one of
// its ticket lines (owned passes first, in the customer's order, then basket lines in order).
std::vector<UsablePass> usable_passes(const Catalog& catalog, const Basket& basket, const Customer& customer, Instant now);
// The passes the basket's ticket lines redeem, for the basket to show what each pays for and has left: each
// pass once, in the order the basket first redeems it; `lines` are the ticket lines it pays for (the ones
// its rule accepts, counted in line order as pricing counts them) and `left` what remains after them.
// A redemption naming no pass is left out (pricing refuses it).
std::vector<UsablePass> passes_in_use(const Catalog& catalog, const Basket& basket, const Customer& customer, Instant now);

}  // namespace encore
