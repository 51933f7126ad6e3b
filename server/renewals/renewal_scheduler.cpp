// The scheduler's pass: checkpoints between the last run and now, and at each one the rollovers due,
// the records due and the holdings due, in batches of one transaction each.
#include "renewals/renewal_scheduler.hpp"

#include <chrono>
#include <iostream>
#include <set>
#include <thread>

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "encore/rollover.hpp"
#include "encore/seasons.hpp"
#include "renewals/holding_renewal.hpp"
#include "renewals/subscriber_view.hpp"
#include "store/connection_pool.hpp"
#include "store/holding_renewals.hpp"
#include "store/payments.hpp"
#include "store/renewal_ledger.hpp"
#include "store/renewal_queries.hpp"
#include "store/renewal_schedule.hpp"
#include "store/seat_ledger.hpp"
#include "store/subscriber_store.hpp"

namespace encore::server {
namespace {

using db::Transaction;

constexpr int records_per_batch = 500;
constexpr int holdings_per_batch = 50;
constexpr const char* projection_key = "projection_catalog";

// Between two batches: the write lock is a mutex the write queue's writer waits on, and this thread
// (at a lower priority) would otherwise take it straight back, so orders and holds wait one batch at most.
void let_writers_in() { std::this_thread::sleep_for(std::chrono::milliseconds(2)); }

// The instants in (after, until] where a season opens or closes or a campaign date falls, then `until`.
std::vector<Instant> checkpoints(const Catalog& catalog, Instant after, Instant until) {
    std::set<std::int64_t> instants;
    for (const Season& season : catalog.seasons) {
        instants.insert(season_opens(season).unix_seconds);
        instants.insert(season_closes(season).unix_seconds);
    }
    for (const FixedSeries& series : catalog.fixed_series)
        if (const auto& d = series.renewal)
            for (Instant t : {d->starts, d->auto_renew_starts, d->ends, d->lapsed_ends, d->locks}) instants.insert(t.unix_seconds);
    std::vector<Instant> out;
    for (std::int64_t t : instants)
        if (t > after.unix_seconds && t < until.unix_seconds) out.push_back(Instant{t});
    out.push_back(until);
    return out;
}

// The stored card auto-renews the record: approved -> AutoRenewPayInFull / AutoRenewPaymentPlan with the
// money taken; declined, no card or not priceable -> AutoRenewFailed and an invoice due at renewal end.
std::vector<HistoryRow> auto_renew(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record, const Facts& facts,
                                   const RenewalCalendar& calendar, Instant t, RenewalPayment& payment) {
    const PricedBasket priced = renewal_price(db, catalog, record, record.state, Channel::box_office, t);
    std::string why;
    if (priced.valid) {
        RenewalAction charged{ActionKind::auto_renew_charged, Actor{}, 1, priced.total, 0, {}, {}, {}};
        ActionResult result = apply_action(catalog, record.state, charged, facts, t);
        if (result.check.ok) {
            std::int64_t due = 0;
            for (const HistoryRow& row : result.rows) due += row.amount;
            const auto card = latest_card(db, record.account_id);
            ChargeResult charge{due == 0, {}, "no charge"};
            if (card && due > 0) charge = TestCardProvider(db).charge(record.account_id, *card, due, "sub" + std::to_string(record.id));
            if (charge.approved) {
                payment = {static_cast<std::int64_t>(record.history.size() + result.rows.size()), "card", due, card.value_or(""),
                           charge.reference, "system", t};
                return result.rows;
            }
            why = card ? "the stored card was declined (" + charge.reason + ")" : "no stored card";
        } else {
            why = result.check.message;
        }
    } else {
        why = "the renewal cannot be priced: " + (priced.problems.empty() ? std::string("no price") : priced.problems.front().message);
    }
    RenewalAction declined{ActionKind::auto_renew_declined, Actor{}, 1, 0, 0, {}, {}, why};
    ActionResult result = apply_action(catalog, record.state, declined, facts, t);
    if (!result.check.ok) return due_transitions(record.state, calendar, facts, t);
    RenewalLedger(db).invoice(record.id, record.state.package.value, priced.valid ? priced.total : 0, calendar.dates.ends, t);
    return result.rows;
}

class Pass {
public:
    Pass(ServerContext& ctx, const Catalog& catalog) : ctx_(ctx), catalog_(catalog), db_(ctx.pool.lease()) {}

    void refresh_projection(const std::string& etag) {
        if (RenewalSchedule(*db_).value(projection_key) == etag) return;
        for (std::int64_t after = 0;;) {
            Transaction transaction(*db_, Transaction::Kind::immediate);
            const auto summaries = subscriber_summaries(*db_, "", "", after, records_per_batch);
            SeatLedger seats(*db_);
            SubscriberStore records(*db_, catalog_, seats);
            for (const SubscriberSummary& s : summaries)
                if (auto record = records.load(s.id)) records.reproject(*record);
            if (summaries.empty()) RenewalSchedule(*db_).set_value(projection_key, etag);
            transaction.commit();
            if (summaries.empty()) return;
            after = summaries.back().id;
            let_writers_in();
        }
    }

    // The checkpoints crossed are remembered in the database (another server, or this one after a restart,
    // carries on from there); a pass that crosses none writes nothing unless something is due.
    SchedulerRun run(Instant now) {
        std::optional<Instant> done;
        {
            Transaction snapshot(*db_, Transaction::Kind::deferred);
            done = RenewalSchedule(*db_).processed_until();
        }
        const std::vector<Instant> instants = done ? checkpoints(catalog_, *done, now) : std::vector<Instant>{now};
        for (Instant t : instants) {
            if (done && t <= *done) continue;
            roll_over(t);
            transitions(t);
            holdings(t);
            if (done && t == now) continue;  // not a checkpoint: nothing to remember
            Transaction transaction(*db_, Transaction::Kind::immediate);
            RenewalSchedule schedule(*db_);
            if (!schedule.processed_until() || *schedule.processed_until() < t) schedule.set_processed_until(t);
            transaction.commit();
        }
        return run_;
    }

private:
    void roll_over(Instant t) {
        for (const RolloverPair& pair : due_rollovers(catalog_, t)) {
            if (!rollover_wanted(pair)) continue;  // read first: no write lock when there is nothing to do
            // New and Renewed subscribers of `from`: all of them the first time, later only those who
            // subscribed since (plan_rollover skips anyone else, so a repeat changes nothing).
            Transaction transaction(*db_, Transaction::Kind::immediate);
            RenewalSchedule schedule(*db_);
            SeatLedger seats(*db_);
            SubscriberStore records(*db_, catalog_, seats);
            const auto ids = records.at_package(pair.from, {SubscriberStatus::new_, SubscriberStatus::renewed});
            if (ids.empty() && schedule.rollover_done(pair.from, pair.to)) continue;
            std::vector<SubscriberRecord> rolling;
            for (std::int64_t id : ids)
                if (auto record = records.load(id)) rolling.push_back(std::move(*record));
            std::vector<SubscriberState> states;
            for (const SubscriberRecord& record : rolling) states.push_back(record.state);
            const Facts taken = seat_facts(*db_, catalog_, pair.to, 0);
            const RolloverBatch batch = plan_rollover(catalog_, pair, states, taken.taken, t);
            for (const auto& [index, row] : batch.rows) records.append(rolling[index], {row}, t);
            std::vector<RolloverIssueRow> issues;
            for (const RolloverIssue& issue : batch.issues)
                issues.push_back({pair.from.value, pair.to.value, rolling[issue.subscriber].id, issue.seat.value, issue.code, issue.message});
            schedule.record_rollover(pair.from, pair.to, static_cast<std::int64_t>(batch.rows.size()), issues, t);
            seats.finish();
            transaction.commit();
            ++run_.rollovers;
            std::cerr << "encore-server: renewals: " << pair.from.value << " rolled over into " << pair.to.value << " at "
                      << format_instant(t) << " (" << batch.rows.size() << " subscribers, " << issues.size() << " to map by hand)\n";
        }
    }

    bool rollover_wanted(const RolloverPair& pair) {
        Transaction snapshot(*db_, Transaction::Kind::deferred);
        SeatLedger unused(*db_);
        return !RenewalSchedule(*db_).rollover_done(pair.from, pair.to) ||
               !SubscriberStore(*db_, catalog_, unused).at_package(pair.from, {SubscriberStatus::new_, SubscriberStatus::renewed}).empty();
    }

    bool records_due(Instant t) {
        Transaction snapshot(*db_, Transaction::Kind::deferred);
        SeatLedger unused(*db_);
        return !SubscriberStore(*db_, catalog_, unused).due(t, 1).empty();
    }

    void transitions(Instant t) {
        if (!records_due(t)) return;
        std::set<std::int64_t> seen;
        for (;;) {
            Transaction transaction(*db_, Transaction::Kind::immediate);
            SeatLedger seats(*db_);
            SubscriberStore records(*db_, catalog_, seats);
            RenewalLedger money(*db_);
            int fresh = 0;
            for (std::int64_t id : records.due(t, records_per_batch)) {
                if (!seen.insert(id).second) continue;
                ++fresh;
                auto record = records.load(id);
                if (!record) continue;
                const auto calendar = renewal_calendar(catalog_, record->state);
                std::vector<HistoryRow> rows;
                RenewalPayment payment;
                if (calendar) {
                    const Facts facts = subscriber_facts(*db_, catalog_, *record);
                    rows = auto_renew_due(record->state, *calendar, t)
                               ? auto_renew(*db_, catalog_, *record, facts, *calendar, t, payment)
                               : due_transitions(record->state, *calendar, facts, t);
                }
                if (rows.empty()) records.reproject(*record);  // nothing due after all: look again when it is
                else records.append(*record, rows, t);
                if (payment.amount > 0) money.record_payment(record->id, payment);
                if (!rows.empty()) ++run_.transitions;
            }
            seats.finish();
            transaction.commit();
            if (fresh == 0) return;
            let_writers_in();
        }
    }

    void holdings(Instant t) {
        {
            Transaction snapshot(*db_, Transaction::Kind::deferred);
            if (due_holdings(*db_, t, 1).empty()) return;
        }
        for (;;) {
            Transaction transaction(*db_, Transaction::Kind::immediate);
            const std::vector<DueHolding> due = due_holdings(*db_, t, holdings_per_batch);
            for (const DueHolding& holding : due) renew_holding(*db_, catalog_, holding, ctx_.options.invoice_days);
            transaction.commit();
            run_.holdings += static_cast<int>(due.size());
            if (due.size() < static_cast<std::size_t>(holdings_per_batch)) return;
            let_writers_in();
        }
    }

    ServerContext& ctx_;
    const Catalog& catalog_;
    ConnectionPool::Lease db_;
    SchedulerRun run_;
};

}  // namespace

SchedulerRun run_renewal_scheduler(ServerContext& ctx) {
    auto published = ctx.catalog.current();
    if (!published) return {};
    Pass pass(ctx, published->catalog);
    pass.refresh_projection(published->etag);
    const Instant now = ctx.clock.now();
    const SchedulerRun run = pass.run(now);
    ctx.renewals_ran_until = now.unix_seconds;
    return run;
}

}  // namespace encore::server
