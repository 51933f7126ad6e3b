// The renewal state machine: date transitions, and who may do what when (docs/renewals.md).
#include "encore/renewals.hpp"

#include <algorithm>
#include <limits>

#include "encore/payment_plan.hpp"
#include "encore/seasons.hpp"
#include "encore/series_seats.hpp"

namespace encore {

namespace {

using S = SubscriberStatus;
using A = HistoryAction;

RuleCheck refuse(std::string code, std::string message) { return {false, std::move(code), std::move(message)}; }

bool one_of(S s, std::initializer_list<S> set) { return std::find(set.begin(), set.end(), s) != set.end(); }

// A row about the subscriber's current package and group, never dated before the last row.
HistoryRow row_for(const SubscriberState& st, A action, Instant at, const Actor& actor) {
    HistoryRow row;
    row.action = action;
    row.at = std::max(at, st.last_at);
    row.actor = actor;
    row.status = status_after(action, st.status);
    row.package = st.package;
    row.group = st.group;
    return row;
}

SeatStatus released(const Facts& facts, const SeriesGroupId& group, const SeatId& seat) {
    return facts.house_holds && facts.house_holds(group, seat) ? SeatStatus::hold : SeatStatus::open;
}

void set_all(HistoryRow& row, const std::vector<SeatChange>& seats, SeatStatus status) {
    for (const SeatChange& s : seats) row.seats.push_back({s.group, s.seat, status});
}

std::string when(Instant t) { return describe_utc_time(t); }

// Whether this actor may act on the campaign now, for the statuses each kind of actor may act in.
RuleCheck campaign_open(const SubscriberState& st, const std::optional<RenewalCalendar>& cal, const Actor& actor, Instant now,
                        std::initializer_list<S> customer_may, std::initializer_list<S> staff_may) {
    if (actor.kind == ActorKind::system) return refuse("not_allowed", "only a customer or a member of staff can do this");
    if (st.status == S::inactive) return refuse("inactive", "this subscription has ended; a new purchase starts a new one");
    if (!cal || st.status == S::new_) return refuse("not_renewing", "there is no renewal for this subscription yet");
    if (st.status == S::renewed) return refuse("already_renewed", "this subscription is already renewed");
    if (st.status == S::non_renewed)
        return refuse("renewal_closed", "the renewal closed on " + when(cal->dates.locks) + " and the seats were released");
    const bool staff = actor.kind == ActorKind::staff;
    if (now < cal->dates.starts) return refuse("renewal_not_open", "renewal opens " + when(cal->dates.starts));
    const Instant closes = staff ? cal->dates.lapsed_ends : cal->dates.ends;
    if (!(now < closes)) return refuse("renewal_closed", "renewal closed " + when(closes));
    if (!one_of(st.status, staff ? staff_may : customer_may)) {
        if (!staff && st.status == S::declined)
            return refuse("renewal_declined", "this renewal was declined; the box office can still renew it until " +
                                                  when(cal->dates.lapsed_ends));
        return refuse("wrong_status", std::string("this cannot be done while the subscriber is ") + status_name(st.status));
    }
    return {};
}

// The seats of a group a subscriber asks for: known in every venue of the group, free unless already theirs.
RuleCheck check_seats(const Catalog& c, const FixedSeries& package, const SeriesGroup& group, const std::vector<SeatId>& seats,
                      const Facts& facts, const std::vector<SeatChange>& own) {
    if (seats.empty()) return refuse("no_seats", "choose at least one seat");
    if (static_cast<int>(seats.size()) > package.max_seats_per_order)
        return refuse("too_many_seats", package.name + " takes at most " + std::to_string(package.max_seats_per_order) + " seats");
    const auto venues = group_venues(c, group);
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (std::find(seats.begin(), seats.begin() + static_cast<std::ptrdiff_t>(i), seats[i]) != seats.begin() + static_cast<std::ptrdiff_t>(i))
            return refuse("duplicate_seat", "seat " + seats[i].value + " is chosen twice");
        const auto index = seat_in_venues(venues, seats[i]);
        if (!index) return refuse("unknown_seat", "seat " + seats[i].value + " is not in the plan of " + group.name);
        const bool theirs = std::any_of(own.begin(), own.end(), [&](const SeatChange& s) { return s.group == group.id && s.seat == seats[i]; });
        if (!theirs && facts.taken && facts.taken(group.id, seats[i]))
            return refuse("seat_unavailable", venues.front()->plan.seat_name(*index) + " is not free at every performance of " + group.name);
    }
    return {};
}

// Moves the subscriber to `group`/`seats`: releases what they no longer keep, reserves what is new.
HistoryRow seats_changed_row(const SubscriberState& st, const SeriesGroupId& group, const std::vector<SeatId>& seats,
                             const Facts& facts, const Actor& actor, Instant now) {
    HistoryRow row = row_for(st, A::seats_changed, now, actor);
    row.group = group;
    for (const SeatChange& old : st.seats)
        if (!(old.group == group && std::find(seats.begin(), seats.end(), old.seat) != seats.end()))
            row.seats.push_back({old.group, old.seat, released(facts, old.group, old.seat)});
    for (const SeatId& seat : seats)
        if (std::none_of(st.seats.begin(), st.seats.end(), [&](const SeatChange& s) { return s.group == group && s.seat == seat; }))
            row.seats.push_back({group, seat, SeatStatus::reserved});
    return row;
}

// Validates a change of group and seats; `row` gets the SeatsChanged row (with no seats if nothing changes).
RuleCheck change_seats(const Catalog& c, const SubscriberState& st, const RenewalAction& action, const Facts& facts, Instant now,
                       HistoryRow& row) {
    const FixedSeries* package = c.find_series(st.package);
    if (!package) return refuse("unknown_series", "the package \"" + st.package.value + "\" is no longer in the catalog");
    const SeriesGroupId group_id = action.group.empty() ? st.group : action.group;
    const SeriesGroup* group = package->find_group(group_id);
    if (!group) return refuse("unknown_group", package->name + " has no group \"" + group_id.value + "\"");
    std::vector<SeatId> seats = action.seats;
    if (seats.empty())
        for (const SeatChange& s : st.seats) seats.push_back(s.seat);
    if (RuleCheck ok = check_seats(c, *package, *group, seats, facts, st.seats); !ok.ok) return ok;
    row = seats_changed_row(st, group_id, seats, facts, action.actor, now);
    return {};
}

HistoryRow renewal_row(const SubscriberState& st, A action, const RenewalCharge& charge, const Actor& actor, Instant now,
                       const std::string& note) {
    HistoryRow row = row_for(st, action, now, actor);
    row.plan = charge.plan;
    row.amount = charge.due_now;
    row.note = note;
    if (charge.plan.empty()) set_all(row, st.seats, SeatStatus::sold);
    return row;
}

// The action's own rows, on a state already brought up to date.
RuleCheck act(const Catalog& c, const SubscriberState& st, const std::optional<RenewalCalendar>& cal, const RenewalAction& a,
              const Facts& facts, Instant now, std::vector<HistoryRow>& rows) {
    const bool system = a.actor.kind == ActorKind::system;
    switch (a.kind) {
        case ActionKind::renew: {
            if (RuleCheck ok = campaign_open(st, cal, a.actor, now, {S::pending}, {S::pending, S::lapsed, S::declined}); !ok.ok) return ok;
            SubscriberState after = st;
            if (!a.seats.empty() || !a.group.empty()) {
                HistoryRow moved;
                if (RuleCheck ok = change_seats(c, st, a, facts, now, moved); !ok.ok) return ok;
                if (!moved.seats.empty()) {
                    fold(after, moved);
                    rows.push_back(std::move(moved));
                }
            }
            if (after.seats.empty()) return refuse("no_seats", "choose seats before renewing");
            const RenewalCharge charge = renewal_charge(c, after, a.instalments, a.total, now);
            if (!charge.check.ok) return charge.check;
            rows.push_back(renewal_row(after, A::manual_renew, charge, a.actor, now, a.note));
            return {};
        }
        case ActionKind::decline: {
            if (st.status == S::declined) return refuse("already_declined", "this renewal is already declined");
            if (RuleCheck ok = campaign_open(st, cal, a.actor, now, {S::pending}, {S::pending, S::lapsed}); !ok.ok) return ok;
            rows.push_back(row_for(st, A::declined_renewal, now, a.actor));
            rows.back().note = a.note;
            return {};
        }
        case ActionKind::change_seats: {
            if (RuleCheck ok = campaign_open(st, cal, a.actor, now, {S::pending}, {S::pending, S::lapsed, S::declined}); !ok.ok) return ok;
            HistoryRow moved;
            if (RuleCheck ok = change_seats(c, st, a, facts, now, moved); !ok.ok) return ok;
            if (moved.seats.empty()) return refuse("no_change", "these are already the subscriber's seats");
            moved.note = a.note;
            rows.push_back(std::move(moved));
            return {};
        }
        case ActionKind::auto_renew_on:
        case ActionKind::auto_renew_off: {
            const bool on = a.kind == ActionKind::auto_renew_on;
            if (system) return refuse("not_allowed", "only a customer or a member of staff can change auto-renew");
            if (!action_allowed_from(on ? A::auto_renew_on : A::auto_renew_off, st.status))
                return refuse("wrong_status", "auto-renew can be changed only on a new, renewing or renewed subscription");
            if (on && !facts.card_on_file) return refuse("no_stored_card", "auto-renew needs a stored card; store one first");
            if (on && (a.instalments < 1 || a.instalments > max_instalments))
                return refuse("payment_plan_invalid", "auto-renew pays in full (1) or in 2 to " + std::to_string(max_instalments) + " instalments");
            if (on ? st.auto_renew && st.auto_renew_instalments == a.instalments : !st.auto_renew)
                return refuse("no_change", on ? "auto-renew is already on" : "auto-renew is already off");
            rows.push_back(row_for(st, on ? A::auto_renew_on : A::auto_renew_off, now, a.actor));
            rows.back().instalments = on ? a.instalments : 0;
            return {};
        }
        case ActionKind::record_payment: {
            if (st.status == S::inactive) return refuse("inactive", "this subscription has ended");
            if (st.instalments_paid >= st.plan.size()) return refuse("no_payment_due", "no instalment is due on this subscription");
            const Instalment& next = st.plan[st.instalments_paid];
            if (a.amount != next.amount)
                return refuse("wrong_amount", "the next instalment is " + format_money({next.amount, c.currency}));
            HistoryRow row = row_for(st, A::payment_recorded, now, a.actor);
            row.package = st.plan_package;
            if (!st.plan_seats.empty()) row.group = st.plan_seats.front().group;
            row.amount = a.amount;
            row.note = a.note;
            if (st.instalments_paid + 1 == st.plan.size()) set_all(row, st.plan_seats, SeatStatus::sold);
            rows.push_back(std::move(row));
            return {};
        }
        case ActionKind::auto_renew_charged:
        case ActionKind::auto_renew_declined: {
            if (!system) return refuse("not_allowed", "only the system charges stored cards for auto-renew");
            if (!cal || !auto_renew_due(st, *cal, now)) return refuse("auto_renew_not_due", "no auto-renewal is due for this subscriber");
            if (a.kind == ActionKind::auto_renew_declined) {
                rows.push_back(row_for(st, A::auto_renew_failed, now, a.actor));
                rows.back().note = a.note;
                return {};
            }
            const int n = std::min(st.auto_renew_instalments, max_instalments_before(now, cal->plan_deadline));
            const RenewalCharge charge = renewal_charge(c, st, n < 2 ? 1 : n, a.total, now);
            if (!charge.check.ok) return charge.check;
            rows.push_back(renewal_row(st, charge.plan.empty() ? A::auto_renew_pay_in_full : A::auto_renew_payment_plan, charge,
                                       a.actor, now, a.note));
            return {};
        }
    }
    return refuse("not_allowed", "unknown action");
}

}  // namespace

Instant plan_deadline(const Catalog& c, const FixedSeries& package) {
    Instant deadline{std::numeric_limits<std::int64_t>::max()};
    if (const Season* s = series_season(c, package)) deadline = season_opens(*s);
    if (auto first = first_performance(c, package)) deadline = std::min(deadline, *first);
    return deadline;
}

std::optional<RenewalCalendar> renewal_calendar(const Catalog& c, const SubscriberState& st) {
    const FixedSeries* package = c.find_series(st.package);
    if (!package || !package->renewal) return std::nullopt;
    RenewalCalendar cal{*package->renewal, package->renewal->locks, plan_deadline(c, *package)};
    if (const FixedSeries* from = c.find_series(st.renewing_from))
        if (const Season* s = series_season(c, *from)) cal.renewing_from_closes = season_closes(*s);
    return cal;
}

std::vector<HistoryRow> due_transitions(const SubscriberState& start, const RenewalCalendar& cal, const Facts& facts, Instant now) {
    std::vector<HistoryRow> rows;
    SubscriberState st = start;
    const Instant deactivates = std::max(cal.renewing_from_closes, cal.dates.locks);
    for (;;) {
        std::optional<HistoryRow> row;
        if (st.status == S::pending && now >= cal.dates.ends) {
            row = row_for(st, A::lapse, cal.dates.ends, Actor{});
        } else if (one_of(st.status, {S::lapsed, S::declined}) && now >= cal.dates.locks) {
            row = row_for(st, A::renewal_locked, cal.dates.locks, Actor{});
            for (const SeatChange& s : st.seats) row->seats.push_back({s.group, s.seat, released(facts, s.group, s.seat)});
        } else if (st.status == S::non_renewed && now >= deactivates) {
            row = row_for(st, A::deactivate, deactivates, Actor{});
        }
        if (!row) return rows;
        fold(st, *row);
        rows.push_back(std::move(*row));
    }
}

std::vector<HistoryRow> due_transitions(const Catalog& c, const SubscriberState& st, const Facts& facts, Instant now) {
    const auto cal = renewal_calendar(c, st);
    return cal ? due_transitions(st, *cal, facts, now) : std::vector<HistoryRow>{};
}

std::optional<Instant> next_due_at(const SubscriberState& st, const RenewalCalendar& cal) {
    switch (st.status) {
        case S::pending:
            if (st.auto_renew && !st.auto_renew_tried) return std::min(cal.dates.auto_renew_starts, cal.dates.ends);
            return cal.dates.ends;
        case S::lapsed:
        case S::declined: return cal.dates.locks;
        case S::non_renewed: return std::max(cal.renewing_from_closes, cal.dates.locks);
        default: return std::nullopt;
    }
}

bool auto_renew_due(const SubscriberState& st, const RenewalCalendar& cal, Instant now) {
    return st.status == S::pending && st.auto_renew && !st.auto_renew_tried && cal.dates.auto_renew_starts <= now &&
           now < cal.dates.ends;
}

ActionResult apply_action(const Catalog& c, const SubscriberState& state, const RenewalAction& action, const Facts& facts,
                          Instant now) {
    ActionResult out;
    const auto cal = renewal_calendar(c, state);
    SubscriberState st = state;
    if (cal) {
        out.rows = due_transitions(st, *cal, facts, now);
        for (const HistoryRow& row : out.rows) fold(st, row);
    }
    std::vector<HistoryRow> rows;
    out.check = act(c, st, cal, action, facts, now, rows);
    if (!out.check.ok) {
        out.rows.clear();
        return out;
    }
    for (HistoryRow& row : rows) out.rows.push_back(std::move(row));
    return out;
}

Basket renewal_basket(const SubscriberState& st, Channel channel) {
    Basket basket;
    basket.channel = channel;
    basket.renewal = true;
    for (const SeatChange& s : st.seats) {
        BasketLine line;
        line.kind = LineKind::series;
        line.product = st.package;
        line.group = s.group;
        line.seat = s.seat;
        basket.lines.push_back(std::move(line));
    }
    return basket;
}

RenewalCharge renewal_charge(const Catalog& c, const SubscriberState& st, int instalments, std::int64_t total, Instant now) {
    RenewalCharge out;
    if (total < 0) {
        out.check = refuse("invalid_amount", "a price cannot be negative");
        return out;
    }
    if (instalments == 1) {
        out.due_now = total;
        return out;
    }
    const FixedSeries* package = c.find_series(st.package);
    const Instant deadline = package ? plan_deadline(c, *package) : now;
    PlanSchedule plan = schedule_payment_plan(total, instalments, now, deadline);
    out.check = plan.check;
    if (!plan.instalments.empty()) out.due_now = plan.instalments.front().amount;
    out.plan = std::move(plan.instalments);
    return out;
}

ActionResult subscribe(const Catalog& c, const NewSubscription& p, const Actor& actor, const Facts& facts, Instant now) {
    ActionResult out;
    const FixedSeries* package = c.find_series(p.package);
    const SeriesGroup* group = package ? package->find_group(p.group) : nullptr;
    if (!package || package->shell) out.check = refuse("unknown_series", "there is no package \"" + p.package.value + "\" to buy");
    else if (!group) out.check = refuse("unknown_group", package->name + " has no group \"" + p.group.value + "\"");
    else out.check = check_seats(c, *package, *group, p.seats, facts, {});
    if (out.check.ok && p.auto_renew && !facts.card_on_file)
        out.check = refuse("no_stored_card", "auto-renew needs a stored card; store one first");
    if (!out.check.ok) return out;
    SubscriberState blank;
    blank.package = p.package;
    blank.group = p.group;
    for (const SeatId& seat : p.seats) blank.seats.push_back({p.group, seat, SeatStatus::reserved});
    const RenewalCharge charge = renewal_charge(c, blank, p.instalments, p.total, now);
    if (!charge.check.ok) {
        out.check = charge.check;
        return out;
    }
    HistoryRow first = row_for(SubscriberState{}, A::subscribe, now, actor);
    first.package = p.package;
    first.group = p.group;
    first.plan = charge.plan;
    first.amount = charge.due_now;
    set_all(first, blank.seats, charge.plan.empty() ? SeatStatus::sold : SeatStatus::reserved);
    SubscriberState st;
    fold(st, first);
    out.rows.push_back(std::move(first));
    if (p.auto_renew) {
        out.rows.push_back(row_for(st, A::auto_renew_on, now, actor));
        out.rows.back().instalments = std::max(1, p.auto_renew_instalments);
    }
    return out;
}

}  // namespace encore
