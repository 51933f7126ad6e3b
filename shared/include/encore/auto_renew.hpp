// Auto-renewal of memberships and passes (002): what a holding renews into and when, the basket that
// prices it, and what the payment decides. Only paid holdings give benefits (see docs/renewals.md).
#pragma once
#include "encore/basket.hpp"
#include "encore/entitlements.hpp"
#include "encore/subscriber.hpp"

namespace encore {

// How the renewal was paid for at the renewal instant.
enum class RenewalPayment : std::uint8_t { card_approved, card_declined, no_card };
// Renewed: paid, the new holding counts at once. Invoiced: reserved and invoiced; it counts only once paid.
enum class RenewalOutcome : std::uint8_t { renewed, invoiced };
// A stored card that is approved renews; a declined card or none reserves and invoices.
RenewalOutcome renewal_outcome(RenewalPayment payment);

struct AutoRenewal {
    ProductId from, into;       // the product held and the one it renews into (itself or next season's)
    Instant at;                 // when: the membership's end, the pass's expiry
    Basket basket;              // one line buying `into`, to price with price_basket at `at`
    OwnedMembership membership; // into a membership: the new period, continuing from `at`
    OwnedPass pass;             // into a pass: its expiry (the server issues the code)
    RuleCheck check;            // refused: no renewal target, target not on sale at `at`, or already over
};
// The renewal of a membership held: into `renews_into`, at its end.
AutoRenewal membership_renewal(const Catalog& catalog, const OwnedMembership& held);
// The renewal of a pass held: into its `renews_into`, at its expiry.
AutoRenewal pass_renewal(const Catalog& catalog, const OwnedPass& held);
// Whether the renewal falls due by `now`.
inline bool renewal_due(const AutoRenewal& r, Instant now) { return r.check.ok && r.at <= now; }

// Staff may move a pass's expiry (which moves its renewal), to now or later; customers may not.
RuleCheck check_pass_expiry_change(const Actor& actor, Instant new_expiry, Instant now);

}  // namespace encore
