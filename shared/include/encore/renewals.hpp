// The renewal state machine of 003, pure: the date transitions due at `now`, and the actions of
// customers, staff and the system, each giving the history rows to append or a refusal (docs/renewals.md).
#pragma once
#include <functional>
#include <optional>
#include <vector>

#include "encore/entitlements.hpp"
#include "encore/subscriber.hpp"

namespace encore {

// A fact about a seat of a group that only the server knows, read in the same transaction.
using SeatQuery = std::function<bool(const SeriesGroupId& group, const SeatId& seat)>;

// What the server knows besides the history.
struct Facts {
    SeatQuery house_holds;      // the house holds this seat: released, it returns to HOLD instead of OPEN
    SeatQuery taken;            // someone else has this seat at a performance of the group
    bool card_on_file = false;  // the customer has a stored card (needed to turn auto-renew on)
};

// The dates a subscriber's campaign runs on.
struct RenewalCalendar {
    RenewalDates dates;            // of the package renewed into
    Instant renewing_from_closes;  // the season renewed from closes: NonRenewed -> Inactive (not before the lock)
    Instant plan_deadline;         // every instalment falls before this
};
// The campaign of the subscriber's package; nullopt when the package has no renewal dates.
std::optional<RenewalCalendar> renewal_calendar(const Catalog& catalog, const SubscriberState& state);
// Instalments for a package fall before its season opens and before its first performance.
Instant plan_deadline(const Catalog& catalog, const FixedSeries& package);

// The date rows due by `now` in order (Lapse, RenewalLocked, Deactivate), each dated when it fell due.
std::vector<HistoryRow> due_transitions(const SubscriberState& state, const RenewalCalendar& calendar,
                                        const Facts& facts, Instant now);
// The same, finding the calendar in the catalog (none due outside a campaign).
std::vector<HistoryRow> due_transitions(const Catalog& catalog, const SubscriberState& state, const Facts& facts, Instant now);
// When the scheduler must look at this subscriber next (a key date, the auto-renew start); nullopt: never.
std::optional<Instant> next_due_at(const SubscriberState& state, const RenewalCalendar& calendar);
// The stored card should be charged: Pending, auto-renew on, not tried yet, auto-renew start <= now < renewal end.
bool auto_renew_due(const SubscriberState& state, const RenewalCalendar& calendar, Instant now);

enum class ActionKind : std::uint8_t {
    renew,                // customer or staff: pay in full (instalments 1) or by a payment plan
    decline,              // customer or staff: "I do not wish to renew"
    change_seats,         // customer or staff, while renewing: other seats and/or another group
    auto_renew_on,        // customer or staff, with a stored card
    auto_renew_off,       // customer or staff
    record_payment,       // anyone: the next instalment of a payment plan was paid
    auto_renew_charged,   // system: the stored card paid (in full or the first instalment)
    auto_renew_declined,  // system: the stored card was declined
};

struct RenewalAction {
    ActionKind kind = ActionKind::renew;
    Actor actor;
    int instalments = 1;          // renew, auto_renew_on: 1 = pay in full, 2..12 = monthly instalments
    std::int64_t total = 0;       // renew, auto_renew_charged: price_basket's total for renewal_basket()
    std::int64_t amount = 0;      // record_payment: the amount paid
    SeriesGroupId group;          // change_seats, renew: another group (empty: keep)
    std::vector<SeatId> seats;    // change_seats, renew: the seats wanted (empty: keep)
    std::string note;             // kept in the history row
};

struct ActionResult {
    std::vector<HistoryRow> rows;  // to append, in order: date rows that fell due first, then the action's
    RuleCheck check;               // refused: code and sentence, and no rows
};
// Applies an action at `now` after the date transitions due by then; refused actions give no rows.
ActionResult apply_action(const Catalog& catalog, const SubscriberState& state, const RenewalAction& action,
                          const Facts& facts, Instant now);

// The basket pricing a renewal: one series line per seat at the package and group, marked renewal.
Basket renewal_basket(const SubscriberState& state, Channel channel = Channel::box_office);
struct RenewalCharge {
    std::vector<Instalment> plan;  // empty: in full
    std::int64_t due_now = 0;      // the whole total, or the first instalment
    RuleCheck check;
};
// What to charge at `now` for a renewal costing `total` in `instalments` (the same rule apply_action uses).
RenewalCharge renewal_charge(const Catalog& catalog, const SubscriberState& state, int instalments,
                             std::int64_t total, Instant now);

// A first purchase of a package (after payment; a plan's first instalment paid).
struct NewSubscription {
    ProductId package;
    SeriesGroupId group;
    std::vector<SeatId> seats;
    int instalments = 1;          // 1 = paid in full (seats SOLD), else a plan (RESERVED until paid)
    std::int64_t total = 0;       // price_basket's total
    bool auto_renew = false;      // also turn auto-renew on (needs a stored card)
    int auto_renew_instalments = 1;
};
// The first rows of a new subscriber record: Subscribe (New), and AutoRenewOn if asked; or a refusal.
ActionResult subscribe(const Catalog& catalog, const NewSubscription& purchase, const Actor& actor,
                       const Facts& facts, Instant now);

}  // namespace encore
