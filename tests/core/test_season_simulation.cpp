// A season simulated end to end, one step per row of 003's tables: the core run as the server would
// (rollover, date transitions, auto-renew charges, customer and staff actions) over a small campaign,
// asserting at each step every subscriber's status, seat status, new history rows and webhook events.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "encore/pricing.hpp"
#include "encore/renewals_json.hpp"
#include "renewals_support.hpp"

using namespace encore;
using namespace rtest;

namespace {

// What the server does with the core: records, an outbox of webhook events, the scheduler's tick.
struct Sim {
    using K = ActionKind;
    explicit Sim(const Catalog& catalog) : c(catalog) {}
    const Catalog& c;
    std::map<std::string, Record> records;
    std::vector<std::string> order;  // creation order: the order rollover maps seats in
    std::vector<json> outbox;
    std::set<std::string> rolled_pairs;
    std::set<std::string> declined_cards;
    Facts facts;
    std::string refusal;

    void append(const std::string& who, const std::vector<HistoryRow>& rows) {
        Record& rec = records[who];
        for (const HistoryRow& row : rows) {
            rec.append({row});
            outbox.push_back(webhook_event(who, "c-" + who, rec.history.size(), row, rec.state));
        }
    }

    void buy(const std::string& who, const char* group, std::vector<const char*> seat_ids, const char* package, const char* now) {
        NewSubscription n;
        n.package = ProductId{package};
        n.group = SeriesGroupId{group};
        for (const char* s : seat_ids) n.seats.push_back(SeatId{s});
        n.total = 5000 * static_cast<std::int64_t>(seat_ids.size());
        const ActionResult r = subscribe(c, n, customer(), facts, at(now));
        REQUIRE(r.check.ok);
        order.push_back(who);
        append(who, r.rows);
    }

    std::int64_t renewal_price(const SubscriberState& st, Instant now) const {
        const PricedBasket priced = price_basket(c, renewal_basket(st), {}, now);
        REQUIRE(priced.valid);
        return priced.total;
    }

    // The scheduler: rollovers due, then each subscriber's date transitions, then stored cards due.
    void tick(const char* when) {
        const Instant now = at(when);
        for (const RolloverPair& pair : due_rollovers(c, now)) {
            if (!rolled_pairs.insert(pair.from.value + ">" + pair.to.value).second) continue;
            std::vector<SubscriberState> states;
            for (const std::string& who : order) states.push_back(records[who].state);
            const RolloverBatch batch = plan_rollover(c, pair, states, facts.taken, now);
            REQUIRE(batch.issues.empty());
            for (const auto& [index, row] : batch.rows) append(order[index], {row});
        }
        for (const std::string& who : order) {
            append(who, due_transitions(c, records[who].state, facts, now));
            const auto cal = renewal_calendar(c, records[who].state);
            if (!cal || !auto_renew_due(records[who].state, *cal, now)) continue;
            const K kind = declined_cards.count(who) ? K::auto_renew_declined : K::auto_renew_charged;
            act(who, action(kind, system(), renewal_price(records[who].state, now)), when);
        }
    }

    void act(const std::string& who, const RenewalAction& a, const char* when, Facts with = {}) {
        with.house_holds = facts.house_holds;
        const ActionResult r = apply_action(c, records[who].state, a, with, at(when));
        refusal = r.check.code;
        if (r.check.ok) append(who, r.rows);
    }

    void pay_next_instalment(const std::string& who, const Actor& actor, const char* when) {
        RenewalAction pay = action(K::record_payment, actor);
        pay.amount = records[who].state.plan.at(records[who].state.instalments_paid).amount;
        act(who, pay, when);
    }
};

// The seat status words of a subscriber: their seats' statuses, or what the lock released them to.
std::string seat_words(const Record& rec) {
    std::vector<SeatChange> seats = rec.state.seats;
    if (seats.empty() && rec.state.status == SubscriberStatus::non_renewed)
        for (auto it = rec.history.rbegin(); it != rec.history.rend(); ++it)
            if (it->action == HistoryAction::renewal_locked) seats = it->seats;
    std::string out;
    for (const SeatChange& s : seats)
        if (out.find(seat_status_name(s.status)) == std::string::npos) out += (out.empty() ? "" : "+") + std::string(seat_status_name(s.status));
    return out.empty() ? "-" : out;
}

struct Expect {
    const char* who;
    std::vector<const char*> actions;  // history rows this step appends for them
    const char* status;
    const char* seats;                 // "SOLD", "RESERVED", "OPEN+HOLD", "-"
    const char* webhook;               // the last new row's webhook, "" when none
};

struct Step {
    const char* table_row;  // the row of 003 it walks
    const char* now;
    std::function<void(Sim&, const char*)> run;  // gets `now`
    std::vector<Expect> expect;  // anyone not named gets no rows
    const char* refusal = "";
};

}  // namespace

TEST_CASE("a season walked through every row of 003's tables", "[renewals][simulation]") {
    const Catalog c = catalog();
    Sim sim(c);
    sim.facts.house_holds = [](const SeriesGroupId& g, const SeatId& s) { return g.value == "weekend" && s.value == "C-A-2"; };
    using K = ActionKind;
    const std::vector<Step> steps = {
        {"New purchase (first-time subscriber): New, SOLD, SubscriberCreated, Subscribe", "2026-11-10T12:00:00Z",
         [](Sim& s, const char* now) {
             s.buy("ann", "tue", {"ST-B-1"}, "sub27", now);
             s.buy("bob", "tue", {"ST-B-2"}, "sub27", now);
             s.buy("cy", "tue", {"CI-A-1"}, "sub27", now);
             s.buy("dee", "sat", {"CI-A-1", "CI-A-2"}, "sub27", now);
             s.buy("eve", "tue", {"ST-A-3", "ST-A-4"}, "sub27", now);
             s.buy("fay", "sat", {"ST-B-1"}, "sub27", now);
             s.buy("gus", "sat", {"ST-B-2"}, "sub27", now);
             s.buy("hal", "tue", {"CI-A-2"}, "sub27", now);
         },
         {{"ann", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"}, {"bob", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"},
          {"cy", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"},   {"dee", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"},
          {"eve", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"},  {"fay", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"},
          {"gus", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"}, {"hal", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"}}},
        {"Next season's package exists but this season is not active yet: nothing fires", "2026-12-31T23:59:59Z",
         [](Sim& s, const char* now) { s.tick(now); }, {}},
        {"New/Renewed -> Pending: this season active, the new package upcoming, the same series", "2027-01-01T00:00:00Z",
         [](Sim& s, const char* now) { s.tick(now); },
         {{"ann", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"}, {"bob", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"},
          {"cy", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"},  {"dee", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"},
          {"eve", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"}, {"fay", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"},
          {"gus", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"}, {"hal", {"Rollover"}, "Pending", "RESERVED", "SubscriberUpdated"}}},
        {"Auto-renew opt-in from the portal (pay in full; by 3 instalments; a card that will be declined)", "2027-02-01T00:00:00Z",
         [](Sim& s, const char* now) {
             Facts card;
             card.card_on_file = true;
             s.act("bob", action(K::auto_renew_on, customer()), now, card);
             RenewalAction plan = action(K::auto_renew_on, staff());
             plan.instalments = 3;
             s.act("cy", plan, now, card);
             s.act("hal", action(K::auto_renew_on, customer()), now, card);
             s.declined_cards.insert("hal");
         },
         {{"bob", {"AutoRenewOn"}, "Pending", "RESERVED", "SubscriberUpdated"}, {"cy", {"AutoRenewOn"}, "Pending", "RESERVED", "SubscriberUpdated"},
          {"hal", {"AutoRenewOn"}, "Pending", "RESERVED", "SubscriberUpdated"}}},
        {"Before renewal start the Renew button is not shown", "2027-02-20T00:00:00Z",
         [](Sim& s, const char* now) { s.act("ann", action(K::renew, customer(), 5000), now); }, {}, "renewal_not_open"},
        {"Auto-renew, pay in full: Renewed, SOLD, AutoRenewPayInFull; payment plan: Renewed, AutoRenewPaymentPlan (RESERVED until paid)",
         "2027-03-01T09:00:00Z", [](Sim& s, const char* now) { s.tick(now); },
         {{"bob", {"AutoRenewPayInFull"}, "Renewed", "SOLD", "SubscriberUpdated"},
          {"cy", {"AutoRenewPaymentPlan"}, "Renewed", "RESERVED", "SubscriberUpdated"},
          {"hal", {"AutoRenewFailed"}, "Pending", "RESERVED", "SubscriberUpdated"}}},
        {"Manual renewal: Renewed, SOLD, ManualRenew", "2027-03-10T12:00:00Z",
         [](Sim& s, const char* now) { s.act("ann", action(K::renew, customer(), 5000), now); },
         {{"ann", {"ManualRenew"}, "Renewed", "SOLD", "SubscriberUpdated"}}},
        {"Clicks \"I do not wish to renew\": Declined, RESERVED, DeclinedRenewal", "2027-03-12T12:00:00Z",
         [](Sim& s, const char* now) { s.act("dee", action(K::decline, customer()), now); },
         {{"dee", {"DeclinedRenewal"}, "Declined", "RESERVED", "SubscriberUpdated"}}},
        {"A Declined subscriber has no Renew button of their own", "2027-03-15T12:00:00Z",
         [](Sim& s, const char* now) { s.act("dee", action(K::renew, customer(), 10000), now); }, {}, "renewal_declined"},
        {"No action taken by renewal end date: Lapsed, RESERVED, Lapse", "2027-04-01T00:00:00Z",
         [](Sim& s, const char* now) { s.tick(now); },
         {{"eve", {"Lapse"}, "Lapsed", "RESERVED", "SubscriberUpdated"}, {"fay", {"Lapse"}, "Lapsed", "RESERVED", "SubscriberUpdated"},
          {"gus", {"Lapse"}, "Lapsed", "RESERVED", "SubscriberUpdated"}, {"hal", {"Lapse"}, "Lapsed", "RESERVED", "SubscriberUpdated"}}},
        {"Renewal end removes the consumer's Renew button", "2027-04-02T12:00:00Z",
         [](Sim& s, const char* now) { s.act("eve", action(K::renew, customer(), 10000), now); }, {}, "renewal_closed"},
        {"The admin keeps Renew for Lapsed subscribers (win-back): ManualRenew by staff", "2027-04-05T12:00:00Z",
         [](Sim& s, const char* now) { s.act("fay", action(K::renew, staff(), 5000), now); },
         {{"fay", {"ManualRenew"}, "Renewed", "SOLD", "SubscriberUpdated"}}},
        {"An instalment is paid: still RESERVED", "2027-04-10T12:00:00Z",
         [](Sim& s, const char* now) { s.pay_next_instalment("cy", system(), now); },
         {{"cy", {"PaymentRecorded"}, "Renewed", "RESERVED", "SubscriberUpdated"}}},
        {"Lapsed end date: no status change, no webhook, no history event", "2027-04-15T00:00:00Z",
         [](Sim& s, const char* now) { s.tick(now); }, {}},
        {"After the lapsed end date the admin's Renew button is gone", "2027-04-16T12:00:00Z",
         [](Sim& s, const char* now) { s.act("gus", action(K::renew, staff(), 5000), now); }, {}, "renewal_closed"},
        {"Lock date passes: NonRenewed, OPEN or HOLD, RenewalLocked", "2027-05-01T00:00:00Z",
         [](Sim& s, const char* now) { s.tick(now); },
         {{"dee", {"RenewalLocked"}, "NonRenewed", "OPEN+HOLD", "SubscriberUpdated"},
          {"eve", {"RenewalLocked"}, "NonRenewed", "OPEN", "SubscriberUpdated"},
          {"gus", {"RenewalLocked"}, "NonRenewed", "OPEN", "SubscriberUpdated"},
          {"hal", {"RenewalLocked"}, "NonRenewed", "OPEN", "SubscriberUpdated"}}},
        {"The last instalment is paid: SOLD", "2027-05-10T12:00:00Z",
         [](Sim& s, const char* now) { s.pay_next_instalment("cy", customer(), now); },
         {{"cy", {"PaymentRecorded"}, "Renewed", "SOLD", "SubscriberUpdated"}}},
        {"Season ends (active season): Inactive, Deactivate", "2027-07-01T00:00:00Z",
         [](Sim& s, const char* now) { s.tick(now); },
         {{"dee", {"Deactivate"}, "Inactive", "-", "SubscriberUpdated"}, {"eve", {"Deactivate"}, "Inactive", "-", "SubscriberUpdated"},
          {"gus", {"Deactivate"}, "Inactive", "-", "SubscriberUpdated"}, {"hal", {"Deactivate"}, "Inactive", "-", "SubscriberUpdated"}}},
        {"Buying again later makes a brand new subscriber record", "2027-07-02T12:00:00Z",
         [](Sim& s, const char* now) { s.buy("dee-again", "weekend", {"C-A-1"}, "sub28", now); },
         {{"dee-again", {"Subscribe"}, "New", "SOLD", "SubscriberCreated"}}},
        {"The new season is active and nothing is upcoming: nothing fires", "2028-01-15T00:00:00Z",
         [](Sim& s, const char* now) { s.tick(now); }, {}},
    };

    for (const Step& step : steps) {
        CAPTURE(step.table_row);
        std::map<std::string, std::size_t> before;
        for (const auto& [who, rec] : sim.records) before[who] = rec.history.size();
        const std::size_t outbox_before = sim.outbox.size();
        sim.refusal.clear();
        step.run(sim, step.now);
        CHECK(sim.refusal == step.refusal);
        std::size_t new_rows = 0;
        for (const auto& entry : sim.records) {
            const std::string& who = entry.first;
            const Record& rec = entry.second;
            CAPTURE(who);
            const std::size_t was = before.count(who) ? before[who] : 0;
            new_rows += rec.history.size() - was;
            const auto e = std::find_if(step.expect.begin(), step.expect.end(), [&](const Expect& x) { return who == x.who; });
            if (e == step.expect.end()) {
                CHECK(rec.history.size() == was);
                continue;
            }
            std::vector<std::string> actions;
            for (std::size_t k = was; k < rec.history.size(); ++k) actions.push_back(action_name(rec.history[k].action));
            CHECK(actions == std::vector<std::string>(e->actions.begin(), e->actions.end()));
            CHECK(status_name(rec.state.status) == std::string(e->status));
            CHECK(seat_words(rec) == e->seats);
            REQUIRE(rec.history.size() > was);
            CHECK(webhook_name(webhook_kind(rec.history.back().action)) == std::string(e->webhook));
            CHECK(history_row_to_json(rec.history.back())["status"] == e->status);
        }
        // One webhook event per new row, carrying the history action and the state after it.
        REQUIRE(sim.outbox.size() - outbox_before == new_rows);
        for (std::size_t k = outbox_before; k < sim.outbox.size(); ++k) {
            const json& event = sim.outbox[k];
            const Record& rec = sim.records[event["subscriber"].get<std::string>()];
            const HistoryRow& row = rec.history.at(event["sequence"].get<std::size_t>() - 1);
            CHECK(event["type"] == webhook_name(webhook_kind(row.action)));
            CHECK(event["history"] == history_row_to_json(row));
        }
    }

    // The history is the source of truth: replaying it gives each final state, and the events of each
    // subscriber are numbered 1, 2, 3 ... in order, the first being SubscriberCreated.
    std::map<std::string, std::size_t> last_sequence;
    for (const json& event : sim.outbox) {
        const std::string who = event["subscriber"];
        const std::size_t sequence = event["sequence"];
        CHECK(sequence == ++last_sequence[who]);
        CHECK((sequence == 1) == (event["type"] == "SubscriberCreated"));
    }
    for (const auto& [who, rec] : sim.records) {
        CAPTURE(who);
        const Replay r = replay(rec.history);
        REQUIRE(r.state);
        CHECK(r.state->status == rec.state.status);
        CHECK(r.state->seats == rec.state.seats);
        CHECK(last_sequence[who] == rec.history.size());
    }
    const std::map<std::string, std::vector<std::string>> owned = {
        {"ann", {"sub27", "sub28"}}, {"bob", {"sub27", "sub28"}}, {"cy", {"sub27", "sub28"}}, {"dee", {"sub27"}},
        {"eve", {"sub27"}},          {"fay", {"sub27", "sub28"}}, {"gus", {"sub27"}},          {"hal", {"sub27"}},
        {"dee-again", {"sub28"}}};
    for (const auto& [who, packages] : owned) {
        CAPTURE(who);
        std::vector<std::string> paid;
        for (const OwnedSubscription& o : sim.records[who].state.paid) paid.push_back(o.series.value);
        CHECK(paid == packages);
    }
    CHECK(sim.records["eve"].history[1].seats ==
          std::vector<SeatChange>{{{"tuesdays"}, {"S-A-1"}, SeatStatus::reserved}, {{"tuesdays"}, {"S-A-2"}, SeatStatus::reserved}});
}
