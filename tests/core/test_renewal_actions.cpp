// Who may do what, when: every action of customers, staff and the system against every status and
// every window of the campaign (table-driven), then payment plans, seat changes, auto-renew and the
// date transitions in detail.
#include <catch2/catch.hpp>

#include <map>

#include "encore/payment_plan.hpp"
#include "renewals_support.hpp"

using namespace encore;
using namespace rtest;
using K = ActionKind;
using S = SubscriberStatus;
using A = HistoryAction;

namespace {

// The moments of the fixture's campaign (renewal 1 Mar - 1 Apr, lapsed end 15 Apr, lock 1 May; 2027 season ends 1 Jul).
constexpr const char* before = "2027-02-15T00:00:00Z";
constexpr const char* window = "2027-03-10T12:00:00Z";
constexpr const char* after_end = "2027-04-05T00:00:00Z";
constexpr const char* after_lapsed = "2027-04-20T00:00:00Z";
constexpr const char* after_lock = "2027-05-02T00:00:00Z";
constexpr const char* after_season = "2027-07-02T00:00:00Z";

// A subscriber brought to a status by the fixture's own rules.
Record in_status(const Catalog& c, S status) {
    if (status == S::new_) return subscriber_2027(c);
    Record rec = pending_2028(c);
    switch (status) {
        case S::renewed: act(c, rec, action(K::renew, customer(), 10000), window); break;
        case S::declined: act(c, rec, action(K::decline, customer()), window); break;
        case S::lapsed: rec.append(due_transitions(c, rec.state, {}, at(after_end))); break;
        case S::non_renewed: rec.append(due_transitions(c, rec.state, {}, at(after_lock))); break;
        case S::inactive: rec.append(due_transitions(c, rec.state, {}, at(after_season))); break;
        default: break;
    }
    if (rec.state.status != status) throw std::runtime_error(std::string("could not reach ") + status_name(status));
    return rec;
}

Facts with_card() {
    Facts f;
    f.card_on_file = true;
    return f;
}

}  // namespace

TEST_CASE("every action against every status and window", "[renewals][actions]") {
    const Catalog c = catalog();
    struct Row {
        S status; Actor actor; K kind; const char* now; const char* code;  // "" = done
        std::vector<A> actions; S after; std::function<void(RenewalAction&, Facts&)> tweak;
    };
    const auto seats_to = [](std::vector<const char*> ids, const char* group = "") {  // a copy: the lambda outlives the braces
        return [=](RenewalAction& a, Facts&) {
            a.seats.clear();
            for (const char* id : ids) a.seats.push_back(SeatId{id});
            a.group = SeriesGroupId{group};
        };
    };
    const auto card = [](RenewalAction&, Facts& f) { f.card_on_file = true; };
    const std::vector<Row> rows = {
        // renew: customers while Pending inside the window; staff for Pending, Lapsed, Declined until lapsed end
        {S::pending, customer(), K::renew, window, "", {A::manual_renew}, S::renewed, {}},
        {S::pending, customer(), K::renew, before, "renewal_not_open", {}, S::pending, {}},
        {S::pending, customer(), K::renew, after_end, "renewal_closed", {}, S::pending, {}},
        {S::pending, staff(), K::renew, window, "", {A::manual_renew}, S::renewed, {}},
        {S::pending, staff(), K::renew, before, "renewal_not_open", {}, S::pending, {}},
        {S::pending, staff(), K::renew, after_end, "", {A::lapse, A::manual_renew}, S::renewed, {}},
        {S::pending, staff(), K::renew, after_lapsed, "renewal_closed", {}, S::pending, {}},
        {S::pending, system(), K::renew, window, "not_allowed", {}, S::pending, {}},
        {S::declined, customer(), K::renew, window, "renewal_declined", {}, S::declined, {}},
        {S::declined, staff(), K::renew, window, "", {A::manual_renew}, S::renewed, {}},
        {S::declined, staff(), K::renew, after_end, "", {A::manual_renew}, S::renewed, {}},
        {S::lapsed, staff(), K::renew, after_end, "", {A::manual_renew}, S::renewed, {}},
        {S::lapsed, customer(), K::renew, after_end, "renewal_closed", {}, S::lapsed, {}},
        {S::lapsed, staff(), K::renew, after_lapsed, "renewal_closed", {}, S::lapsed, {}},
        {S::renewed, customer(), K::renew, window, "already_renewed", {}, S::renewed, {}},
        {S::new_, customer(), K::renew, window, "not_renewing", {}, S::new_, {}},
        {S::new_, staff(), K::renew, window, "not_renewing", {}, S::new_, {}},
        {S::non_renewed, staff(), K::renew, after_lock, "renewal_closed", {}, S::non_renewed, {}},
        {S::inactive, staff(), K::renew, after_season, "inactive", {}, S::inactive, {}},
        // decline
        {S::pending, customer(), K::decline, window, "", {A::declined_renewal}, S::declined, {}},
        {S::pending, customer(), K::decline, before, "renewal_not_open", {}, S::pending, {}},
        {S::pending, staff(), K::decline, window, "", {A::declined_renewal}, S::declined, {}},
        {S::declined, customer(), K::decline, window, "already_declined", {}, S::declined, {}},
        {S::lapsed, staff(), K::decline, after_end, "", {A::declined_renewal}, S::declined, {}},
        {S::lapsed, customer(), K::decline, after_end, "renewal_closed", {}, S::lapsed, {}},
        {S::renewed, customer(), K::decline, window, "already_renewed", {}, S::renewed, {}},
        {S::pending, system(), K::decline, window, "not_allowed", {}, S::pending, {}},
        // change seats while renewing
        {S::pending, customer(), K::change_seats, window, "", {A::seats_changed}, S::pending, seats_to({"S-C-1", "S-C-2"})},
        {S::pending, customer(), K::change_seats, window, "", {A::seats_changed}, S::pending, seats_to({"S-B-1"}, "weekend")},
        {S::declined, staff(), K::change_seats, window, "", {A::seats_changed}, S::declined, seats_to({"S-C-1"})},
        {S::lapsed, staff(), K::change_seats, after_end, "", {A::seats_changed}, S::lapsed, seats_to({"S-C-1"})},
        {S::declined, customer(), K::change_seats, window, "renewal_declined", {}, S::declined, seats_to({"S-C-1"})},
        {S::renewed, customer(), K::change_seats, window, "already_renewed", {}, S::renewed, seats_to({"S-C-1"})},
        {S::pending, customer(), K::change_seats, window, "unknown_seat", {}, S::pending, seats_to({"ST-B-1"})},
        {S::pending, customer(), K::change_seats, window, "duplicate_seat", {}, S::pending, seats_to({"S-C-1", "S-C-1"})},
        {S::pending, customer(), K::change_seats, window, "too_many_seats", {}, S::pending,
         seats_to({"S-C-1", "S-C-2", "S-A-3", "S-A-4", "S-B-1"})},
        {S::pending, customer(), K::change_seats, window, "no_change", {}, S::pending, seats_to({"S-B-2", "S-B-1"})},
        {S::pending, customer(), K::change_seats, window, "unknown_group", {}, S::pending, seats_to({"S-C-1"}, "fridays")},
        {S::pending, customer(), K::change_seats, window, "seat_unavailable", {}, S::pending,
         [](RenewalAction& a, Facts& f) {
             a.seats = seats({"S-B-1", "S-C-1"});
             f.taken = [](const SeriesGroupId&, const SeatId& s) { return s.value == "S-C-1" || s.value == "S-B-1"; };
         }},
        // auto-renew on and off
        {S::new_, customer(), K::auto_renew_on, window, "", {A::auto_renew_on}, S::new_, card},
        {S::pending, staff(), K::auto_renew_on, window, "", {A::auto_renew_on}, S::pending, card},
        {S::renewed, customer(), K::auto_renew_on, window, "", {A::auto_renew_on}, S::renewed, card},
        {S::new_, customer(), K::auto_renew_on, window, "no_stored_card", {}, S::new_, {}},
        {S::pending, customer(), K::auto_renew_on, window, "payment_plan_invalid", {}, S::pending,
         [](RenewalAction& a, Facts& f) { a.instalments = 13; f.card_on_file = true; }},
        {S::lapsed, customer(), K::auto_renew_on, after_end, "wrong_status", {}, S::lapsed, card},
        {S::pending, customer(), K::auto_renew_off, window, "no_change", {}, S::pending, {}},
        {S::new_, system(), K::auto_renew_on, window, "not_allowed", {}, S::new_, card},
        // payments and the system's auto-renew
        {S::pending, customer(), K::record_payment, window, "no_payment_due", {}, S::pending, {}},
        {S::pending, system(), K::auto_renew_charged, window, "auto_renew_not_due", {}, S::pending, {}},
        {S::pending, customer(), K::auto_renew_charged, window, "not_allowed", {}, S::pending, {}},
        {S::pending, system(), K::auto_renew_declined, window, "auto_renew_not_due", {}, S::pending, {}},
    };
    for (const Row& r : rows) {
        Record rec = in_status(c, r.status);
        RenewalAction a = action(r.kind, r.actor, 10000);
        Facts facts;
        if (r.tweak) r.tweak(a, facts);
        CAPTURE(status_name(r.status), actor_text(r.actor), static_cast<int>(r.kind), r.now, r.code);
        const ActionResult result = apply_action(c, rec.state, a, facts, at(r.now));
        CHECK(result.check.code == r.code);
        CHECK(result.check.ok == std::string(r.code).empty());
        if (!result.check.ok) {
            CHECK_FALSE(result.check.message.empty());
            CHECK(result.rows.empty());
            continue;
        }
        std::vector<A> actions;
        for (const HistoryRow& row : result.rows) actions.push_back(row.action);
        CHECK(actions == r.actions);
        rec.append(result.rows);
        CHECK(rec.state.status == r.after);
        CHECK(replay(rec.history).state.has_value());
        CHECK(result.rows.back().actor == r.actor);
    }
}

TEST_CASE("a customer never learns of the internal Lapsed status", "[renewals][actions]") {
    const Catalog c = catalog();
    Record rec = in_status(c, S::lapsed);
    for (K kind : {K::renew, K::decline, K::change_seats, K::auto_renew_on}) {
        const ActionResult r = apply_action(c, rec.state, action(kind, customer()), with_card(), at(after_end));
        CHECK(r.check.code == (kind == K::auto_renew_on ? "wrong_status" : "renewal_closed"));
        CHECK(r.check.message.find("apse") == std::string::npos);
    }
}

TEST_CASE("renewing in full sells the seats and makes the package owned", "[renewals][actions]") {
    const Catalog c = catalog();
    Record rec = pending_2028(c);
    const ActionResult r = apply_action(c, rec.state, action(K::renew, customer(), 10000), {}, at(window));
    REQUIRE(r.check.ok);
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].amount == 10000);
    CHECK(r.rows[0].plan.empty());
    CHECK(r.rows[0].seats == std::vector<SeatChange>{{{"tuesdays"}, {"S-B-1"}, SeatStatus::sold}, {{"tuesdays"}, {"S-B-2"}, SeatStatus::sold}});
    CHECK(webhook_kind(r.rows[0].action) == WebhookKind::subscriber_updated);
    rec.append(r.rows);
    REQUIRE(rec.state.paid.size() == 2);
    CHECK(rec.state.paid[1].series.value == "sub28");
    CHECK(rec.state.paid[1].group.value == "tuesdays");
}

TEST_CASE("renewing by instalments keeps the seats reserved until the last is paid", "[renewals][actions][payment_plan]") {
    const Catalog c = catalog();
    Record rec = pending_2028(c);
    RenewalAction renew = action(K::renew, customer(), 10000);
    renew.instalments = 3;
    const RenewalCharge charge = renewal_charge(c, rec.state, 3, 10000, at(window));
    REQUIRE(charge.check.ok);
    CHECK(charge.due_now == 3333);
    act(c, rec, renew, window);
    CHECK(rec.state.status == S::renewed);
    CHECK(rec.history.back().action == A::manual_renew);
    CHECK(rec.history.back().amount == 3333);
    CHECK(rec.history.back().plan == charge.plan);
    CHECK(rec.history.back().seats.empty());  // still RESERVED
    CHECK(rec.state.seats[0].status == SeatStatus::reserved);
    CHECK(rec.state.paid.size() == 1);        // only 2027

    RenewalAction pay = action(K::record_payment, staff());
    pay.amount = 3000;
    CHECK(apply_action(c, rec.state, pay, {}, at("2027-04-10T12:00:00Z")).check.code == "wrong_amount");
    pay.amount = 3334;
    act(c, rec, pay, "2027-04-10T12:00:00Z");
    CHECK(rec.history.back().action == A::payment_recorded);
    CHECK(rec.history.back().actor == staff());
    CHECK(rec.state.seats[0].status == SeatStatus::reserved);
    pay.amount = 3333;
    pay.actor = system();  // the scheduled charge of the stored card
    act(c, rec, pay, "2027-05-10T12:00:00Z");
    CHECK(rec.history.back().seats.size() == 2);
    CHECK(rec.state.seats[0].status == SeatStatus::sold);
    CHECK(rec.state.seats[1].status == SeatStatus::sold);
    CHECK(rec.state.paid.size() == 2);
    CHECK(apply_action(c, rec.state, pay, {}, at("2027-06-10T12:00:00Z")).check.code == "no_payment_due");

    RenewalAction too_long = action(K::renew, customer(), 10000);
    too_long.instalments = 11;
    CHECK(apply_action(c, pending_2028(c).state, too_long, {}, at(window)).check.code == "payment_plan_too_long");
}

TEST_CASE("changing seats releases the old ones to OPEN, or to HOLD where the house holds them", "[renewals][actions]") {
    const Catalog c = catalog();
    Record rec = pending_2028(c);
    RenewalAction move = action(K::renew, customer(), 5000);
    move.seats = seats({"S-B-2", "S-C-1"});
    Facts facts;
    facts.house_holds = [](const SeriesGroupId&, const SeatId& s) { return s.value == "S-B-1"; };
    const ActionResult r = apply_action(c, rec.state, move, facts, at(window));
    REQUIRE(r.check.ok);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].action == A::seats_changed);
    CHECK(r.rows[0].seats == std::vector<SeatChange>{{{"tuesdays"}, {"S-B-1"}, SeatStatus::hold}, {{"tuesdays"}, {"S-C-1"}, SeatStatus::reserved}});
    CHECK(r.rows[1].action == A::manual_renew);
    CHECK(r.rows[1].seats == std::vector<SeatChange>{{{"tuesdays"}, {"S-B-2"}, SeatStatus::sold}, {{"tuesdays"}, {"S-C-1"}, SeatStatus::sold}});
    rec.append(r.rows);
    CHECK(rec.state.seats.size() == 2);

    Record other = pending_2028(c);
    RenewalAction regroup = action(K::change_seats, customer());
    regroup.group = SeriesGroupId{"weekend"};
    act(c, other, regroup, window);
    const HistoryRow& row = other.history.back();
    CHECK(row.group.value == "weekend");
    CHECK(row.seats.size() == 4);  // both released at Tuesdays, both reserved at the weekend
    CHECK(other.state.group.value == "weekend");
    CHECK(other.state.seats[0].group.value == "weekend");
    const Basket b = renewal_basket(other.state);
    CHECK(b.renewal);
    REQUIRE(b.lines.size() == 2);
    CHECK(b.lines[0].group.value == "weekend");
    CHECK(b.lines[0].product.value == "sub28");
}

TEST_CASE("auto-renew: the stored card pays at auto-renew start, once", "[renewals][actions][auto_renew]") {
    const Catalog c = catalog();
    const RenewalCalendar cal = *renewal_calendar(c, pending_2028(c).state);
    struct Row { int instalments; K outcome; A action; SeatStatus seats; std::size_t plan; };
    const Row rows[] = {
        {1, K::auto_renew_charged, A::auto_renew_pay_in_full, SeatStatus::sold, 0},
        {3, K::auto_renew_charged, A::auto_renew_payment_plan, SeatStatus::reserved, 3},
        {12, K::auto_renew_charged, A::auto_renew_payment_plan, SeatStatus::reserved, 10},  // only 10 fit before 2028
        {1, K::auto_renew_declined, A::auto_renew_failed, SeatStatus::reserved, 0},
    };
    for (const Row& r : rows) {
        CAPTURE(r.instalments, action_name(r.action));
        Record rec = pending_2028(c);
        RenewalAction on = action(K::auto_renew_on, customer());
        on.instalments = r.instalments;
        act(c, rec, on, "2027-02-01T00:00:00Z", with_card());
        CHECK(rec.state.auto_renew);
        CHECK(next_due_at(rec.state, cal) == at("2027-03-01T09:00:00Z"));
        CHECK_FALSE(auto_renew_due(rec.state, cal, at("2027-03-01T08:59:59Z")));
        CHECK(auto_renew_due(rec.state, cal, at("2027-03-01T09:00:00Z")));
        act(c, rec, action(r.outcome, system(), 10000), "2027-03-01T09:00:00Z");
        CHECK(rec.history.back().action == r.action);
        CHECK(rec.history.back().plan.size() == r.plan);
        CHECK(rec.state.seats[0].status == r.seats);
        CHECK_FALSE(auto_renew_due(rec.state, cal, at("2027-03-02T00:00:00Z")));
        CHECK(apply_action(c, rec.state, action(r.outcome, system(), 10000), {}, at("2027-03-02T00:00:00Z")).check.code ==
              "auto_renew_not_due");
    }
}

TEST_CASE("after a declined card the customer can still renew by hand, or lapse", "[renewals][actions][auto_renew]") {
    const Catalog c = catalog();
    Record rec = pending_2028(c);
    act(c, rec, action(K::auto_renew_on, customer()), "2027-02-01T00:00:00Z", with_card());
    act(c, rec, action(K::auto_renew_declined, system()), "2027-03-01T09:00:00Z");
    CHECK(rec.state.status == S::pending);
    CHECK(rec.state.auto_renew_tried);
    act(c, rec, action(K::renew, customer(), 10000), window);
    CHECK(rec.state.status == S::renewed);
}

TEST_CASE("date transitions fall due in order, each dated when it fell due, and only once", "[renewals][dates]") {
    const Catalog c = catalog();
    Facts facts;
    facts.house_holds = [](const SeriesGroupId&, const SeatId& s) { return s.value == "S-B-2"; };
    struct Row { const char* now; std::vector<A> actions; S after; };
    const Row rows[] = {
        {"2027-03-31T23:59:59Z", {}, S::pending},
        {"2027-04-01T00:00:00Z", {A::lapse}, S::lapsed},
        {"2027-04-30T23:59:59Z", {A::lapse}, S::lapsed},
        {"2027-05-01T00:00:00Z", {A::lapse, A::renewal_locked}, S::non_renewed},
        {"2027-06-30T23:59:59Z", {A::lapse, A::renewal_locked}, S::non_renewed},
        {"2027-07-01T00:00:00Z", {A::lapse, A::renewal_locked, A::deactivate}, S::inactive},
        {"2031-01-01T00:00:00Z", {A::lapse, A::renewal_locked, A::deactivate}, S::inactive},
    };
    for (const Row& r : rows) {
        CAPTURE(r.now);
        Record rec = pending_2028(c);
        const auto due = due_transitions(c, rec.state, facts, at(r.now));
        std::vector<A> actions;
        for (const HistoryRow& row : due) actions.push_back(row.action);
        CHECK(actions == r.actions);
        rec.append(due);
        CHECK(rec.state.status == r.after);
        CHECK(due_transitions(c, rec.state, facts, at(r.now)).empty());
        for (const HistoryRow& row : due) {
            CHECK(row.actor == system());
            if (row.action == A::lapse) CHECK(row.at == at("2027-04-01T00:00:00Z"));
            if (row.action == A::deactivate) CHECK(row.at == at("2027-07-01T00:00:00Z"));
            if (row.action == A::renewal_locked) {
                CHECK(row.at == at("2027-05-01T00:00:00Z"));
                CHECK(row.seats == std::vector<SeatChange>{{{"tuesdays"}, {"S-B-1"}, SeatStatus::open}, {{"tuesdays"}, {"S-B-2"}, SeatStatus::hold}});
            }
        }
    }
}

TEST_CASE("a lock after the old season's end deactivates at the lock", "[renewals][dates]") {
    const Catalog c = catalog([](rtest::json& j) {
        j["seasons"][1]["ends"] = "2027-04-20";  // the 2027 season ends before the lock (1 May)
    });
    Record rec = pending_2028(c);
    const RenewalCalendar cal = *renewal_calendar(c, rec.state);
    CHECK(cal.renewing_from_closes == at("2027-04-21T00:00:00Z"));
    rec.append(due_transitions(c, rec.state, {}, at("2027-04-25T00:00:00Z")));
    CHECK(rec.state.status == S::lapsed);
    CHECK(next_due_at(rec.state, cal) == at("2027-05-01T00:00:00Z"));
    const auto due = due_transitions(c, rec.state, {}, at("2027-05-01T00:00:00Z"));
    REQUIRE(due.size() == 2);
    CHECK(due[1].action == A::deactivate);
    CHECK(due[1].at == at("2027-05-01T00:00:00Z"));
}

TEST_CASE("next_due_at tells the scheduler when to look again", "[renewals][dates]") {
    const Catalog c = catalog();
    Record rec = pending_2028(c);
    const RenewalCalendar cal = *renewal_calendar(c, rec.state);
    CHECK(next_due_at(rec.state, cal) == at("2027-04-01T00:00:00Z"));
    CHECK(next_due_at(in_status(c, S::declined).state, cal) == at("2027-05-01T00:00:00Z"));
    CHECK(next_due_at(in_status(c, S::non_renewed).state, cal) == at("2027-07-01T00:00:00Z"));
    CHECK_FALSE(next_due_at(in_status(c, S::renewed).state, cal));
    CHECK_FALSE(renewal_calendar(c, subscriber_2027(c).state));  // the 2027 package has no campaign
}

TEST_CASE("subscribe: the first rows of a record", "[renewals][actions]") {
    const Catalog c = catalog();
    NewSubscription buy;
    buy.package = ProductId{"sub28"};
    buy.group = SeriesGroupId{"weekend"};
    buy.seats = seats({"S-A-3"});
    buy.total = 5000;
    ActionResult r = subscribe(c, buy, staff(), {}, at("2027-06-01T10:00:00Z"));
    REQUIRE(r.check.ok);
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].action == A::subscribe);
    CHECK(r.rows[0].status == S::new_);
    CHECK(r.rows[0].actor == staff());
    CHECK(r.rows[0].seats[0].status == SeatStatus::sold);
    CHECK(webhook_kind(r.rows[0].action) == WebhookKind::subscriber_created);

    buy.instalments = 4;
    buy.auto_renew = true;
    buy.auto_renew_instalments = 4;
    CHECK(subscribe(c, buy, customer(), {}, at("2027-06-01T10:00:00Z")).check.code == "no_stored_card");
    r = subscribe(c, buy, customer(), with_card(), at("2027-06-01T10:00:00Z"));
    REQUIRE(r.check.ok);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].seats[0].status == SeatStatus::reserved);
    CHECK(r.rows[0].plan.size() == 4);
    CHECK(r.rows[0].amount == 1250);
    CHECK(r.rows[1].action == A::auto_renew_on);
    const SubscriberState st = *replay(r.rows).state;
    CHECK(st.auto_renew_instalments == 4);
    CHECK(st.paid.empty());

    struct Bad { const char* package; const char* group; std::vector<const char*> seats; const char* code; };
    const Bad bad[] = {
        {"shell26", "tue", {"S-A-3"}, "unknown_series"},
        {"nope", "tue", {"S-A-3"}, "unknown_series"},
        {"sub28", "mondays", {"S-A-3"}, "unknown_group"},
        {"sub28", "weekend", {"ST-A-3"}, "unknown_seat"},
        {"sub28", "weekend", {}, "no_seats"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.package, b.group, b.code);
        NewSubscription n;
        n.package = ProductId{b.package};
        n.group = SeriesGroupId{b.group};
        for (const char* s : b.seats) n.seats.push_back(SeatId{s});
        CHECK(subscribe(c, n, customer(), {}, at("2027-06-01T10:00:00Z")).check.code == b.code);
    }
}
