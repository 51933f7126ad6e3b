// Rollover (001, 003): when next season's package of a lineage is on an upcoming season while this
// season's package is active, its New and Renewed subscribers become Pending with their seats reserved
// there, mapped onto the new groups and plan; what cannot be mapped is listed for staff.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "encore/renewals.hpp"

namespace encore {

struct RolloverPair {
    ProductId from;  // the active season's package
    ProductId to;    // the upcoming package of the same lineage, with renewal dates
    bool operator==(const RolloverPair&) const = default;
};
// The pairs due at `now`: each active non-shell package -> the earliest upcoming package of its lineage.
std::vector<RolloverPair> due_rollovers(const Catalog& catalog, Instant now);

struct GroupMatch {
    const SeriesGroup* group = nullptr;  // nullptr: no match, `rule` says why
    std::string rule;                    // "same id", "same name", "same weekdays and times of day"
};
// The group of `to` that a group of another package maps to: same id, else same name (ignoring case),
// else the only group whose performances fall on the same weekdays and times of day (matinee/evening).
GroupMatch map_group(const Catalog& catalog, const SeriesGroup& from, const FixedSeries& to);

struct RolloverIssue {
    std::size_t subscriber = 0;  // index into the subscribers given
    SeatId seat;                 // the old seat; empty when the whole group could not be mapped
    std::string code;            // group_not_mapped, seat_not_in_new_plan, seat_needs_differ, seat_taken, no_accessible_seat
    std::string message;         // a sentence for staff
};

struct RolloverBatch {
    std::vector<std::pair<std::size_t, HistoryRow>> rows;  // subscriber index -> its Rollover row
    std::vector<RolloverIssue> issues;                     // those subscribers are Pending with the seats that mapped
};
// Rolls each New or Renewed subscriber of `pair.from` onto `pair.to` (anyone else is skipped, so a
// repeat does nothing). Seats map by section name, row and number; a wheelchair space or companion
// seat maps onto one (the nearest free one when its own is not); `taken` says what is not free there.
RolloverBatch plan_rollover(const Catalog& catalog, const RolloverPair& pair, const std::vector<SubscriberState>& subscribers,
                            const SeatQuery& taken, Instant now);

}  // namespace encore
