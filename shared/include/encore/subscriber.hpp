// A subscriber's record (003): statuses, seat statuses, history actions and who acted. The history is
// append-only; the current state is never stored alone but derived from it by replay().
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encore/availability.hpp"
#include "encore/basket.hpp"

namespace encore {

enum class SubscriberStatus : std::uint8_t { new_, pending, renewed, lapsed, declined, non_renewed, inactive };
// The status of a subscriber's seats at their package's performances.
enum class SeatStatus : std::uint8_t { sold, reserved, open, hold };
enum class HistoryAction : std::uint8_t {
    subscribe,                // a first purchase: New
    import,                   // created from an import through a shell package: New, then a rollover
    rollover,                 // next season's package appeared: Pending, seats reserved there
    manual_renew,             // renewed by the customer or staff, in full or by a payment plan: Renewed
    auto_renew_pay_in_full,   // the stored card paid the renewal: Renewed
    auto_renew_payment_plan,  // the stored card paid the first instalment: Renewed
    auto_renew_failed,        // the stored card was declined: still Pending
    declined_renewal,         // "I do not wish to renew": Declined
    lapse,                    // renewal end passed while Pending: Lapsed
    renewal_locked,           // lock date passed while Lapsed or Declined: NonRenewed, seats released
    deactivate,               // the season renewed from ended while NonRenewed: Inactive
    seats_changed,            // other seats or another group while renewing
    auto_renew_on,            // auto-renew chosen (with the number of instalments)
    auto_renew_off,           // auto-renew turned off
    payment_recorded,         // an instalment paid; the last one makes the seats SOLD
};
enum class WebhookKind : std::uint8_t { subscriber_created, subscriber_updated };
enum class ActorKind : std::uint8_t { customer, staff, system };

// "New", "Pending", "Renewed", "Lapsed", "Declined", "NonRenewed", "Inactive" and back.
const char* status_name(SubscriberStatus s);
std::optional<SubscriberStatus> status_from_name(std::string_view name);
// "SOLD", "RESERVED", "OPEN", "HOLD" and back.
const char* seat_status_name(SeatStatus s);
std::optional<SeatStatus> seat_status_from_name(std::string_view name);
// "Subscribe", "Import", "Rollover", "ManualRenew", "AutoRenewPayInFull", ... and back.
const char* action_name(HistoryAction a);
std::optional<HistoryAction> action_from_name(std::string_view name);
// "SubscriberCreated" / "SubscriberUpdated".
const char* webhook_name(WebhookKind k);
// The webhook a history row fires: Created for the record's first row (Subscribe, Import), else Updated.
WebhookKind webhook_kind(HistoryAction a);
// The seat state the server's availability shows for a subscriber seat status (HOLD is the house's: blocked).
SeatState availability_state(SeatStatus s);

// Who did something: the customer, a member of staff (by id), or the system on its clock.
struct Actor {
    ActorKind kind = ActorKind::system;
    std::string id;  // customer or staff id; empty for the system
    bool operator==(const Actor&) const = default;
};
// "customer:c-42", "staff:alice", "system" and back.
std::string actor_text(const Actor& a);
std::optional<Actor> actor_from_text(std::string_view text);

// A seat of a group whose status a history row sets, at every performance of the group.
struct SeatChange {
    SeriesGroupId group;
    SeatId seat;
    SeatStatus status = SeatStatus::reserved;
    bool operator==(const SeatChange&) const = default;
};

struct Instalment {
    Instant due;
    std::int64_t amount = 0;  // minor units
    bool operator==(const Instalment&) const = default;
};

// One row of the append-only history: one action, date or status change.
struct HistoryRow {
    HistoryAction action = HistoryAction::subscribe;
    Instant at;                      // when it took effect
    Actor actor;                     // who did it
    SubscriberStatus status = SubscriberStatus::new_;  // the status after it (replay checks it)
    ProductId package;               // the package it is about
    SeriesGroupId group;             // the group held there after it
    std::vector<SeatChange> seats;   // the seats it changes (reserved, sold, or released to OPEN / HOLD)
    std::vector<Instalment> plan;    // bought or renewed by instalments: the schedule; the first is paid with the row
    int instalments = 0;             // auto_renew_on: 1 = pay in full, 2.. = a payment plan
    std::int64_t amount = 0;         // money taken with this row
    std::string note;                // for people: a payment reference, a reason
    bool operator==(const HistoryRow&) const = default;
};

// Where a subscriber stands: the fold of their history.
struct SubscriberState {
    SubscriberStatus status = SubscriberStatus::new_;
    ProductId package;                      // the package their seats are at
    SeriesGroupId group;
    std::vector<SeatChange> seats;          // their seats there (SOLD or RESERVED)
    ProductId renewing_from;                // the package of the last rollover (its season end deactivates)
    bool auto_renew = false;
    int auto_renew_instalments = 1;
    bool auto_renew_tried = false;          // the stored card was tried in this campaign
    ProductId plan_package;                 // the package bought by the current payment plan ...
    std::vector<SeatChange> plan_seats;     // ... its seats ...
    std::vector<Instalment> plan;           // ... its schedule ...
    std::size_t instalments_paid = 0;       // ... and how many are paid
    std::vector<OwnedSubscription> paid;    // packages paid in full: what pricing's Customer owns
    Instant since;                          // when the current status began
    Instant last_at;                        // the last row's time
    std::size_t rows = 0;
};

// The status an action leads to from `from` (the same status for actions that do not change it).
SubscriberStatus status_after(HistoryAction a, SubscriberStatus from);
// Whether a row with action `a` may follow a record in status `from` (the first row: Subscribe or Import).
bool action_allowed_from(HistoryAction a, std::optional<SubscriberStatus> from);

struct Replay {
    std::optional<SubscriberState> state;  // set when the history is consistent
    std::size_t bad_row = 0;               // else: the first row that does not follow
    std::string problem;                   // and why
};
// Folds a history into the current state, checking every row follows the one before.
Replay replay(const std::vector<HistoryRow>& history);
// Applies one more row to a state (no checks; rows made by the core are consistent).
void fold(SubscriberState& state, const HistoryRow& row);

}  // namespace encore
