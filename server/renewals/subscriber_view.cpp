// The record view: the state in words and numbers, and the actions the core allows now (asked by dry runs
// of apply_action, so no rule is written here).
#include "renewals/subscriber_view.hpp"

#include "encore/money.hpp"
#include "encore/payment_plan.hpp"
#include "encore/pricing.hpp"
#include "encore/renewals_json.hpp"
#include "encore/seasons.hpp"
#include "encore/series_seats.hpp"
#include "store/account_store.hpp"
#include "store/customer_record.hpp"
#include "store/renewal_ledger.hpp"
#include "store/renewal_schedule.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

std::string money(const Catalog& catalog, std::int64_t amount) { return format_money({amount, catalog.currency}); }

Actor viewer_actor(const SubscriberRecord& record, Viewer viewer) {
    if (viewer == Viewer::staff) return {ActorKind::staff, "viewer"};
    return {ActorKind::customer, std::to_string(record.account_id)};
}

json package_json(const Catalog& catalog, const ProductId& id, Instant now) {
    if (id.empty()) return nullptr;
    const FixedSeries* package = catalog.find_series(id);
    json out{{"id", id.value}, {"name", package ? package->name : id.value}};
    if (const Season* season = package ? series_season(catalog, *package) : nullptr)
        out["season"] = {{"id", season->id.value},
                         {"name", season->name},
                         {"status", season_status_name(season_status(*season, now))},
                         {"opens", format_instant(season_opens(*season))},
                         {"closes", format_instant(season_closes(*season))}};
    return out;
}

json seats_json(const Catalog& catalog, const ProductId& package_id, const std::vector<SeatChange>& seats) {
    json out = json::array();
    const FixedSeries* package = catalog.find_series(package_id);
    for (const SeatChange& seat : seats) {
        json item{{"seat", seat.seat.value}, {"group", seat.group.value}, {"status", seat_status_name(seat.status)}};
        const SeriesGroup* group = package ? package->find_group(seat.group) : nullptr;
        if (group) {
            const auto venues = group_venues(catalog, *group);
            if (auto index = seat_in_venues(venues, seat.seat)) item["name"] = venues.front()->plan.seat_name(*index);
            json performances = json::array();
            for (const InstanceId& id : group->instances)
                if (const Instance* instance = catalog.find_instance(id))
                    performances.push_back({{"instance", id.value}, {"starts_at", format_instant(instance->starts_at)}});
            item["performances"] = performances;
        }
        out.push_back(std::move(item));
    }
    return out;
}

json plan_json(const Catalog& catalog, const SubscriberState& st, Instant now) {
    if (st.plan.empty()) return nullptr;
    const PlanProgress progress = plan_progress(st.plan, st.instalments_paid, now);
    json instalments = json::array();
    for (std::size_t i = 0; i < st.plan.size(); ++i)
        instalments.push_back({{"due", format_instant(st.plan[i].due)},
                               {"amount", st.plan[i].amount},
                               {"amount_text", money(catalog, st.plan[i].amount)},
                               {"paid", i < st.instalments_paid}});
    json out{{"package", st.plan_package.value}, {"instalments", instalments}, {"paid", progress.paid},
             {"outstanding", progress.outstanding}, {"overdue", progress.overdue}, {"complete", progress.complete}};
    out["next"] = progress.next ? json{{"due", format_instant(progress.next->due)}, {"amount", progress.next->amount},
                                       {"amount_text", money(catalog, progress.next->amount)}}
                                : json(nullptr);
    return out;
}

json dates_json(const Catalog& catalog, const SubscriberState& st, Viewer viewer) {
    const auto cal = renewal_calendar(catalog, st);
    if (!cal) return nullptr;
    json out{{"renewal_starts", format_instant(cal->dates.starts)},
             {"auto_renew_starts", format_instant(cal->dates.auto_renew_starts)},
             {"renewal_ends", format_instant(cal->dates.ends)},
             {"locks", format_instant(cal->dates.locks)},
             {"plan_deadline", format_instant(cal->plan_deadline)}};
    if (viewer == Viewer::staff) out["lapsed_ends"] = format_instant(cal->dates.lapsed_ends);
    if (!st.renewing_from.empty()) out["season_ends"] = format_instant(cal->renewing_from_closes);
    return out;
}

json refusal_json(const char* action, const RuleCheck& check) {
    return {{"action", action}, {"code", check.code}, {"message", check.message}};
}

// The actions the core allows the viewer now, and why the main ones are not.
void actions_json(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record, Viewer viewer, Instant now,
                  json& available, json& unavailable) {
    const SubscriberState& st = record.state;
    const Facts facts = subscriber_facts(db, catalog, record);
    const Actor actor = viewer_actor(record, viewer);
    auto dry_run = [&](ActionKind kind, auto&& fill) {
        RenewalAction action;
        action.kind = kind;
        action.actor = actor;
        fill(action);
        return apply_action(catalog, st, action, facts, now).check;
    };
    auto nothing = [](RenewalAction&) {};

    const PricedBasket priced = renewal_price(db, catalog, record, st, renewal_channel(viewer), now);
    const RuleCheck renew = dry_run(ActionKind::renew, [&](RenewalAction& a) { a.total = priced.valid ? priced.total : 0; });
    if (renew.ok && priced.valid) {
        json options = json::array();
        for (int n = 1; n <= max_instalments; ++n) {
            const RenewalCharge charge = renewal_charge(catalog, st, n, priced.total, now);
            if (!charge.check.ok) break;
            json option{{"action", "renew"}, {"instalments", n}, {"amount", charge.due_now},
                        {"amount_text", money(catalog, charge.due_now)}, {"total", priced.total},
                        {"total_text", money(catalog, priced.total)}};
            if (!charge.plan.empty()) {
                json plan = json::array();
                for (const Instalment& i : charge.plan)
                    plan.push_back({{"due", format_instant(i.due)}, {"amount", i.amount}, {"amount_text", money(catalog, i.amount)}});
                option["plan"] = plan;
            }
            available.push_back(std::move(option));
        }
    } else if (!renew.ok) {
        unavailable.push_back(refusal_json("renew", renew));
    } else {
        const std::string why = priced.problems.empty() ? "the renewal cannot be priced" : priced.problems.front().message;
        unavailable.push_back(refusal_json("renew", {false, "renewal_not_priced", why}));
    }
    if (const RuleCheck decline = dry_run(ActionKind::decline, nothing); decline.ok) available.push_back({{"action", "decline"}});
    else if (decline.code != "already_declined") unavailable.push_back(refusal_json("decline", decline));
    if (const RuleCheck change = dry_run(ActionKind::change_seats, nothing); change.ok || change.code == "no_change")
        available.push_back({{"action", "change_seats"}, {"group", st.group.value}});
    if (st.auto_renew) {
        if (dry_run(ActionKind::auto_renew_off, nothing).ok)
            available.push_back({{"action", "auto_renew_off"}, {"instalments", st.auto_renew_instalments}});
    } else if (const RuleCheck on = dry_run(ActionKind::auto_renew_on, [](RenewalAction& a) { a.instalments = 1; }); on.ok) {
        available.push_back({{"action", "auto_renew_on"}, {"max_instalments", max_instalments}});
    } else if (on.code == "no_stored_card") {
        unavailable.push_back(refusal_json("auto_renew_on", on));
    }
    if (st.instalments_paid < st.plan.size()) {
        const Instalment& next = st.plan[st.instalments_paid];
        if (dry_run(ActionKind::record_payment, [&](RenewalAction& a) { a.amount = next.amount; }).ok)
            available.push_back({{"action", "pay_instalment"}, {"amount", next.amount}, {"amount_text", money(catalog, next.amount)},
                                 {"due", format_instant(next.due)}});
    }
}

}  // namespace

const char* visible_status(SubscriberStatus status, Viewer viewer) {
    if (viewer == Viewer::customer && status == SubscriberStatus::lapsed) return status_name(SubscriberStatus::pending);
    return status_name(status);
}

Channel renewal_channel(Viewer viewer) { return viewer == Viewer::staff ? Channel::box_office : Channel::web; }

PricedBasket renewal_price(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record, const SubscriberState& state,
                           Channel channel, Instant now) {
    const auto account = find_account(db, record.account_id);
    const Customer customer = load_customer(db, record.account_id, account ? account->tags : std::vector<std::string>{});
    return price_basket(catalog, renewal_basket(state, channel), customer, now, load_offer_usage(db));
}

json subscriber_view(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record, Viewer viewer, Instant now) {
    const SubscriberState& st = record.state;
    json out{{"id", record.id},
             {"customer", record.account_id},
             {"lineage", record.lineage},
             {"status", visible_status(st.status, viewer)},
             {"since", format_instant(st.since)},
             {"created_at", format_instant(record.created_at)},
             {"package", package_json(catalog, st.package, now)},
             {"renewing_from", package_json(catalog, st.renewing_from, now)},
             {"seats", seats_json(catalog, st.package, st.seats)},
             {"dates", dates_json(catalog, st, viewer)},
             {"auto_renew", {{"on", st.auto_renew}, {"instalments", st.auto_renew_instalments}}},
             {"payment_plan", plan_json(catalog, st, now)},
             {"history_rows", st.rows}};
    const FixedSeries* package = catalog.find_series(st.package);
    const SeriesGroup* group = package ? package->find_group(st.group) : nullptr;
    out["group"] = st.group.empty() ? json(nullptr) : json{{"id", st.group.value}, {"name", group ? group->name : st.group.value}};
    if (viewer == Viewer::customer && st.status == SubscriberStatus::lapsed) out["renewal_closed"] = true;

    RenewalLedger ledger(db);
    json invoices = json::array();
    for (const RenewalInvoice& invoice : ledger.invoices(record.id))
        invoices.push_back({{"reference", invoice.reference}, {"package", invoice.package}, {"amount", invoice.amount},
                            {"amount_text", money(catalog, invoice.amount)}, {"due_at", format_instant(invoice.due_at)},
                            {"status", invoice.status}});
    out["invoices"] = invoices;
    json payments = json::array();
    for (const RenewalPayment& payment : ledger.payments(record.id))
        payments.push_back({{"sequence", payment.sequence}, {"method", payment.method}, {"amount", payment.amount},
                            {"amount_text", money(catalog, payment.amount)}, {"reference", payment.reference},
                            {"taken_by", payment.taken_by}, {"at", format_instant(payment.created_at)}});
    out["payments"] = payments;
    if (viewer == Viewer::staff) {
        json issues = json::array();
        for (const RolloverIssueRow& issue : RenewalSchedule(db).rollover_issues(record.id))
            issues.push_back({{"seat", issue.seat}, {"code", issue.code}, {"message", issue.message}, {"package", issue.to}});
        out["rollover_issues"] = issues;
    }

    json available = json::array(), unavailable = json::array();
    if (st.status != SubscriberStatus::inactive) actions_json(db, catalog, record, viewer, now, available, unavailable);
    out["actions"] = available;
    out["unavailable"] = unavailable;
    return out;
}

json history_view(const SubscriberRecord& record, Viewer viewer) {
    json rows = json::array();
    for (std::size_t i = 0; i < record.history.size(); ++i) {
        const HistoryRow& row = record.history[i];
        if (viewer == Viewer::customer && row.action == HistoryAction::lapse) continue;
        json item = history_row_to_json(row);
        item["status"] = visible_status(row.status, viewer);
        item["sequence"] = i + 1;
        rows.push_back(std::move(item));
    }
    return {{"history", rows}};
}

}  // namespace encore::server
