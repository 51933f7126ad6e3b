// Names of the renewal words, the status machine's table, and the fold of a history into a state.
#include "encore/subscriber.hpp"

#include <algorithm>
#include <array>

namespace encore {

namespace {

constexpr std::array<const char*, 7> status_names{"New", "Pending", "Renewed", "Lapsed", "Declined", "NonRenewed", "Inactive"};
constexpr std::array<const char*, 4> seat_status_names{"SOLD", "RESERVED", "OPEN", "HOLD"};
constexpr std::array<const char*, 15> action_names{
    "Subscribe",      "Import",     "Rollover",        "ManualRenew",  "AutoRenewPayInFull",
    "AutoRenewPaymentPlan", "AutoRenewFailed", "DeclinedRenewal", "Lapse", "RenewalLocked",
    "Deactivate",     "SeatsChanged", "AutoRenewOn",   "AutoRenewOff", "PaymentRecorded"};

template <class E, std::size_t N>
const char* name_of(const std::array<const char*, N>& names, E value) {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : "?";
}

template <class E, std::size_t N>
std::optional<E> named(const std::array<const char*, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<E>(i);
    return std::nullopt;
}

using S = SubscriberStatus;
using A = HistoryAction;

bool one_of(S s, std::initializer_list<S> set) { return std::find(set.begin(), set.end(), s) != set.end(); }

bool keeps_seat(SeatStatus s) { return s == SeatStatus::sold || s == SeatStatus::reserved; }

}  // namespace

const char* status_name(SubscriberStatus s) { return name_of(status_names, s); }
std::optional<SubscriberStatus> status_from_name(std::string_view n) { return named<SubscriberStatus>(status_names, n); }
const char* seat_status_name(SeatStatus s) { return name_of(seat_status_names, s); }
std::optional<SeatStatus> seat_status_from_name(std::string_view n) { return named<SeatStatus>(seat_status_names, n); }
const char* action_name(HistoryAction a) { return name_of(action_names, a); }
std::optional<HistoryAction> action_from_name(std::string_view n) { return named<HistoryAction>(action_names, n); }

const char* webhook_name(WebhookKind k) {
    return k == WebhookKind::subscriber_created ? "SubscriberCreated" : "SubscriberUpdated";
}

WebhookKind webhook_kind(HistoryAction a) {
    return a == A::subscribe || a == A::import ? WebhookKind::subscriber_created : WebhookKind::subscriber_updated;
}

SeatState availability_state(SeatStatus s) {
    switch (s) {
        case SeatStatus::sold: return SeatState::sold;
        case SeatStatus::reserved: return SeatState::reserved;
        case SeatStatus::open: return SeatState::open;
        case SeatStatus::hold: return SeatState::blocked;
    }
    return SeatState::open;
}

std::string actor_text(const Actor& a) {
    switch (a.kind) {
        case ActorKind::customer: return "customer:" + a.id;
        case ActorKind::staff: return "staff:" + a.id;
        case ActorKind::system: return "system";
    }
    return "system";
}

std::optional<Actor> actor_from_text(std::string_view text) {
    if (text == "system") return Actor{};
    for (auto [prefix, kind] : {std::pair{std::string_view("customer:"), ActorKind::customer},
                                std::pair{std::string_view("staff:"), ActorKind::staff}})
        if (text.size() > prefix.size() && text.substr(0, prefix.size()) == prefix)
            return Actor{kind, std::string(text.substr(prefix.size()))};
    return std::nullopt;
}

SubscriberStatus status_after(HistoryAction a, SubscriberStatus from) {
    switch (a) {
        case A::subscribe:
        case A::import: return S::new_;
        case A::rollover: return S::pending;
        case A::manual_renew:
        case A::auto_renew_pay_in_full:
        case A::auto_renew_payment_plan: return S::renewed;
        case A::declined_renewal: return S::declined;
        case A::lapse: return S::lapsed;
        case A::renewal_locked: return S::non_renewed;
        case A::deactivate: return S::inactive;
        case A::auto_renew_failed:
        case A::seats_changed:
        case A::auto_renew_on:
        case A::auto_renew_off:
        case A::payment_recorded: return from;
    }
    return from;
}

bool action_allowed_from(HistoryAction a, std::optional<SubscriberStatus> from) {
    if (!from) return a == A::subscribe || a == A::import;
    const S s = *from;
    switch (a) {
        case A::subscribe:
        case A::import: return false;
        case A::rollover: return one_of(s, {S::new_, S::renewed});
        case A::manual_renew: return one_of(s, {S::pending, S::lapsed, S::declined});
        case A::auto_renew_pay_in_full:
        case A::auto_renew_payment_plan:
        case A::auto_renew_failed:
        case A::lapse: return s == S::pending;
        case A::declined_renewal: return one_of(s, {S::pending, S::lapsed});
        case A::renewal_locked: return one_of(s, {S::lapsed, S::declined});
        case A::deactivate: return s == S::non_renewed;
        case A::seats_changed: return one_of(s, {S::pending, S::lapsed, S::declined});
        case A::auto_renew_on:
        case A::auto_renew_off: return one_of(s, {S::new_, S::pending, S::renewed});
        case A::payment_recorded: return s != S::inactive;
    }
    return false;
}

void fold(SubscriberState& st, const HistoryRow& row) {
    const bool starts_package = row.action == A::subscribe || row.action == A::import || row.action == A::rollover;
    if (row.action == A::rollover) {
        st.renewing_from = st.package;
        st.auto_renew_tried = false;
    }
    if (starts_package) {
        st.package = row.package;
        st.seats.clear();
    }
    if (row.package == st.package) {
        st.group = row.group;
        for (const SeatChange& c : row.seats) {
            std::erase_if(st.seats, [&](const SeatChange& s) { return s.group == c.group && s.seat == c.seat; });
            if (keeps_seat(c.status)) st.seats.push_back(c);
        }
    }
    if (!row.plan.empty()) {
        st.plan_package = row.package;
        st.plan_seats = st.seats;
        st.plan = row.plan;
        st.instalments_paid = 1;
    }
    switch (row.action) {
        case A::auto_renew_on:
            st.auto_renew = true;
            st.auto_renew_instalments = std::max(1, row.instalments);
            break;
        case A::auto_renew_off: st.auto_renew = false; break;
        case A::auto_renew_pay_in_full:
        case A::auto_renew_payment_plan:
        case A::auto_renew_failed: st.auto_renew_tried = true; break;
        case A::payment_recorded: ++st.instalments_paid; break;
        default: break;
    }
    const bool plan_paid = st.plan.empty() || st.instalments_paid >= st.plan.size();
    const bool package_sold = !st.seats.empty() && std::all_of(st.seats.begin(), st.seats.end(), [](const SeatChange& s) {
        return s.status == SeatStatus::sold;
    });
    const bool by_payment = row.action == A::payment_recorded;
    const ProductId& paid_package = by_payment ? st.plan_package : st.package;
    const SeriesGroupId& paid_group = by_payment && !st.plan_seats.empty() ? st.plan_seats.front().group : st.group;
    if ((by_payment ? plan_paid : package_sold) &&
        std::none_of(st.paid.begin(), st.paid.end(), [&](const OwnedSubscription& o) { return o.series == paid_package; }))
        st.paid.push_back({paid_package, paid_group});
    const S next = status_after(row.action, st.status);
    if (next != st.status || st.rows == 0) st.since = row.at;
    st.status = next;
    st.last_at = row.at;
    ++st.rows;
}

Replay replay(const std::vector<HistoryRow>& history) {
    Replay out;
    SubscriberState st;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const HistoryRow& row = history[i];
        const std::optional<S> from = i == 0 ? std::nullopt : std::optional<S>(st.status);
        std::string why;
        if (!action_allowed_from(row.action, from))
            why = std::string(action_name(row.action)) + (from ? std::string(" cannot follow ") + status_name(*from) : " cannot start a history");
        else if (i > 0 && row.at < st.last_at)
            why = "it is dated before the row above it";
        else if (row.status != status_after(row.action, from.value_or(S::new_)))
            why = std::string(action_name(row.action)) + " leads to " + status_name(status_after(row.action, from.value_or(S::new_))) +
                  ", not " + status_name(row.status);
        if (!why.empty()) {
            out.bad_row = i;
            out.problem = "history row " + std::to_string(i + 1) + ": " + why;
            return out;
        }
        fold(st, row);
    }
    if (history.empty()) {
        out.problem = "a subscriber's history has at least one row";
        return out;
    }
    out.state = std::move(st);
    return out;
}

}  // namespace encore
