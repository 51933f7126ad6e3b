// JSON for history rows, subscriber states and webhook events.
#include "encore/renewals_json.hpp"

#include "json_reader.hpp"

namespace encore {

using detail::json;
using detail::JsonReader;
using detail::path_join;

namespace {

json seats_json(const std::vector<SeatChange>& seats) {
    json out = json::array();
    for (const SeatChange& s : seats) out.push_back({{"group", s.group.value}, {"seat", s.seat.value}, {"status", seat_status_name(s.status)}});
    return out;
}

json plan_json(const std::vector<Instalment>& plan) {
    json out = json::array();
    for (const Instalment& i : plan) out.push_back({{"due", format_instant(i.due)}, {"amount", i.amount}});
    return out;
}

// Reads a word of one of the renewal vocabularies into `out`.
template <class E>
void read_word(JsonReader& r, const json& j, const std::string& p, std::string_view key, E& out,
               std::optional<E> (*from_name)(std::string_view), const char* what) {
    std::string text;
    if (!r.get_string(j, p, key, text)) return;
    if (auto value = from_name(text)) out = *value;
    else r.problem(path_join(p, key), "invalid_value", "\"" + text + "\" is not " + what);
}

}  // namespace

json history_row_to_json(const HistoryRow& row) {
    json out = {{"action", action_name(row.action)}, {"at", format_instant(row.at)},       {"actor", actor_text(row.actor)},
                {"status", status_name(row.status)}, {"package", row.package.value},       {"group", row.group.value},
                {"seats", seats_json(row.seats)},    {"amount", row.amount}};
    if (!row.plan.empty()) out["plan"] = plan_json(row.plan);
    if (row.instalments) out["instalments"] = row.instalments;
    if (!row.note.empty()) out["note"] = row.note;
    return out;
}

std::optional<HistoryRow> history_row_from_json(const json& doc, Problems& problems) {
    const std::size_t before = problems.size();
    JsonReader r(problems);
    if (!r.expect_object(doc, "")) return std::nullopt;
    HistoryRow row;
    read_word(r, doc, "", "action", row.action, &action_from_name, "a history action such as ManualRenew");
    read_word(r, doc, "", "status", row.status, &status_from_name, "a subscriber status such as Pending");
    r.get_instant(doc, "", "at", row.at);
    if (std::string actor; r.get_string(doc, "", "actor", actor)) {
        if (auto a = actor_from_text(actor)) row.actor = *a;
        else r.problem("/actor", "invalid_value", "\"" + actor + "\" is not customer:<id>, staff:<id> or system");
    }
    r.get_string(doc, "", "package", row.package.value);
    r.get_string(doc, "", "group", row.group.value);
    r.for_each_object(doc, "", "seats", [&](const json& j, const std::string& p) {
        SeatChange s;
        r.get_id(j, p, "group", s.group.value);
        r.get_id(j, p, "seat", s.seat.value);
        read_word(r, j, p, "status", s.status, &seat_status_from_name, "SOLD, RESERVED, OPEN or HOLD");
        row.seats.push_back(std::move(s));
    });
    r.for_each_object(doc, "", "plan", [&](const json& j, const std::string& p) {
        Instalment i;
        r.get_instant(j, p, "due", i.due);
        r.get_int(j, p, "amount", i.amount);
        row.plan.push_back(i);
    }, false);
    std::int64_t instalments = 0;
    if (r.get_int(doc, "", "instalments", instalments, false)) row.instalments = static_cast<int>(instalments);
    r.get_int(doc, "", "amount", row.amount);
    r.get_string(doc, "", "note", row.note, false);
    if (problems.size() != before) return std::nullopt;
    return row;
}

json subscriber_state_to_json(const SubscriberState& st) {
    json paid = json::array();
    for (const OwnedSubscription& o : st.paid) paid.push_back({{"series", o.series.value}, {"group", o.group.value}});
    json out = {{"status", status_name(st.status)},
                {"since", format_instant(st.since)},
                {"package", st.package.value},
                {"group", st.group.value},
                {"seats", seats_json(st.seats)},
                {"renewing_from", st.renewing_from.value},
                {"auto_renew", st.auto_renew},
                {"auto_renew_instalments", st.auto_renew_instalments},
                {"paid", paid}};
    if (!st.plan.empty())
        out["payment_plan"] = {{"package", st.plan_package.value}, {"instalments", plan_json(st.plan)}, {"paid", st.instalments_paid}};
    return out;
}

json webhook_event(const std::string& subscriber_id, const std::string& customer_id, std::size_t sequence, const HistoryRow& row,
                   const SubscriberState& after) {
    return {{"type", webhook_name(webhook_kind(row.action))},
            {"subscriber", subscriber_id},
            {"customer", customer_id},
            {"sequence", sequence},
            {"history", history_row_to_json(row)},
            {"state", subscriber_state_to_json(after)}};
}

}  // namespace encore
