// The subscriber record: the words of the renewal vocabulary, the status machine's table, the fold
// of a history into a state (the status is derived, never stored alone) and the JSON of rows/webhooks.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "encore/renewals_json.hpp"
#include "renewals_support.hpp"

using namespace encore;
using rtest::at;
using nlohmann::json;

namespace {
HistoryRow row(HistoryAction action, SubscriberStatus status, const char* when, std::vector<SeatChange> seats = {},
               const char* package = "sub28") {
    HistoryRow r;
    r.action = action;
    r.status = status;
    r.at = at(when);
    r.package = ProductId{package};
    r.group = SeriesGroupId{"tuesdays"};
    r.seats = std::move(seats);
    return r;
}
SeatChange seat(const char* id, SeatStatus status, const char* group = "tuesdays") { return {SeriesGroupId{group}, SeatId{id}, status}; }
}  // namespace

TEST_CASE("every word of the vocabulary has one name and reads back", "[renewals][history]") {
    for (int i = 0; i <= static_cast<int>(SubscriberStatus::inactive); ++i)
        CHECK(status_from_name(status_name(static_cast<SubscriberStatus>(i))) == static_cast<SubscriberStatus>(i));
    for (int i = 0; i <= static_cast<int>(SeatStatus::hold); ++i)
        CHECK(seat_status_from_name(seat_status_name(static_cast<SeatStatus>(i))) == static_cast<SeatStatus>(i));
    for (int i = 0; i <= static_cast<int>(HistoryAction::payment_recorded); ++i)
        CHECK(action_from_name(action_name(static_cast<HistoryAction>(i))) == static_cast<HistoryAction>(i));
    CHECK(std::string(status_name(SubscriberStatus::non_renewed)) == "NonRenewed");
    CHECK(std::string(action_name(HistoryAction::auto_renew_pay_in_full)) == "AutoRenewPayInFull");
    CHECK(std::string(action_name(HistoryAction::renewal_locked)) == "RenewalLocked");
    CHECK_FALSE(status_from_name("pending"));
    CHECK(std::string(webhook_name(webhook_kind(HistoryAction::subscribe))) == "SubscriberCreated");
    CHECK(std::string(webhook_name(webhook_kind(HistoryAction::import))) == "SubscriberCreated");
    CHECK(std::string(webhook_name(webhook_kind(HistoryAction::lapse))) == "SubscriberUpdated");
    CHECK(availability_state(SeatStatus::hold) == SeatState::blocked);
    CHECK(availability_state(SeatStatus::reserved) == SeatState::reserved);
    CHECK(actor_text({ActorKind::staff, "alice"}) == "staff:alice");
    CHECK(actor_from_text("customer:c-1") == Actor{ActorKind::customer, "c-1"});
    CHECK(actor_from_text("system") == Actor{});
    CHECK_FALSE(actor_from_text("staff:"));
    CHECK_FALSE(actor_from_text("robot:x"));
}

TEST_CASE("the status machine: which action follows which status, and where it leads", "[renewals][history]") {
    using S = SubscriberStatus;
    using A = HistoryAction;
    struct Row { A action; std::vector<S> from; S to; };
    const std::vector<Row> rows = {
        {A::rollover, {S::new_, S::renewed}, S::pending},
        {A::manual_renew, {S::pending, S::lapsed, S::declined}, S::renewed},
        {A::auto_renew_pay_in_full, {S::pending}, S::renewed},
        {A::auto_renew_payment_plan, {S::pending}, S::renewed},
        {A::auto_renew_failed, {S::pending}, S::pending},
        {A::declined_renewal, {S::pending, S::lapsed}, S::declined},
        {A::lapse, {S::pending}, S::lapsed},
        {A::renewal_locked, {S::lapsed, S::declined}, S::non_renewed},
        {A::deactivate, {S::non_renewed}, S::inactive},
    };
    const S all[] = {S::new_, S::pending, S::renewed, S::lapsed, S::declined, S::non_renewed, S::inactive};
    for (const Row& r : rows)
        for (S from : all) {
            CAPTURE(action_name(r.action), status_name(from));
            const bool allowed = std::find(r.from.begin(), r.from.end(), from) != r.from.end();
            CHECK(action_allowed_from(r.action, from) == allowed);
            if (allowed) CHECK(status_after(r.action, from) == r.to);
        }
    CHECK(action_allowed_from(A::subscribe, std::nullopt));
    CHECK(action_allowed_from(A::import, std::nullopt));
    CHECK_FALSE(action_allowed_from(A::lapse, std::nullopt));
    CHECK_FALSE(action_allowed_from(A::subscribe, S::inactive));  // buying again is a new record
    CHECK_FALSE(action_allowed_from(A::payment_recorded, S::inactive));
}

TEST_CASE("replay derives the state from the history", "[renewals][history]") {
    using S = SubscriberStatus;
    using A = HistoryAction;
    std::vector<HistoryRow> h = {
        row(A::subscribe, S::new_, "2026-11-10T12:00:00Z", {seat("ST-A-2", SeatStatus::sold, "tue")}, "sub27"),
        row(A::rollover, S::pending, "2027-01-01T00:00:00Z", {seat("S-A-3", SeatStatus::reserved)}),
        row(A::lapse, S::lapsed, "2027-04-01T00:00:00Z"),
        row(A::renewal_locked, S::non_renewed, "2027-05-01T00:00:00Z", {seat("S-A-3", SeatStatus::hold)}),
        row(A::deactivate, S::inactive, "2027-07-01T00:00:00Z"),
    };
    h[0].group = SeriesGroupId{"tue"};
    struct Step { std::size_t rows; S status; std::size_t seats; const char* package; const char* since; };
    const Step steps[] = {
        {1, S::new_, 1, "sub27", "2026-11-10T12:00:00Z"},
        {2, S::pending, 1, "sub28", "2027-01-01T00:00:00Z"},
        {3, S::lapsed, 1, "sub28", "2027-04-01T00:00:00Z"},
        {4, S::non_renewed, 0, "sub28", "2027-05-01T00:00:00Z"},
        {5, S::inactive, 0, "sub28", "2027-07-01T00:00:00Z"},
    };
    for (const Step& s : steps) {
        CAPTURE(s.rows);
        const Replay r = replay({h.begin(), h.begin() + static_cast<std::ptrdiff_t>(s.rows)});
        INFO(r.problem);
        REQUIRE(r.state);
        CHECK(r.state->status == s.status);
        CHECK(r.state->seats.size() == s.seats);
        CHECK(r.state->package.value == s.package);
        CHECK(r.state->since == at(s.since));
        CHECK(r.state->rows == s.rows);
    }
    const SubscriberState last = *replay(h).state;
    CHECK(last.renewing_from.value == "sub27");
    REQUIRE(last.paid.size() == 1);  // the 2027 package was paid; 2028 never was
    CHECK(last.paid[0].series.value == "sub27");
    CHECK(last.paid[0].group.value == "tue");
}

TEST_CASE("replay refuses a history whose rows do not follow", "[renewals][history]") {
    using S = SubscriberStatus;
    using A = HistoryAction;
    const HistoryRow start = row(A::subscribe, S::new_, "2026-11-10T12:00:00Z");
    struct Row { const char* what; std::vector<HistoryRow> history; std::size_t bad; };
    const std::vector<Row> rows = {
        {"empty", {}, 0},
        {"starts with a rollover", {row(A::rollover, S::pending, "2027-01-01T00:00:00Z")}, 0},
        {"lapses a New subscriber", {start, row(A::lapse, S::lapsed, "2027-04-01T00:00:00Z")}, 1},
        {"subscribes twice", {start, row(A::subscribe, S::new_, "2027-04-01T00:00:00Z")}, 1},
        {"goes back in time", {start, row(A::rollover, S::pending, "2026-01-01T00:00:00Z")}, 1},
        {"claims the wrong status", {start, row(A::rollover, S::renewed, "2027-01-01T00:00:00Z")}, 1},
        {"locks a Pending subscriber", {start, row(A::rollover, S::pending, "2027-01-01T00:00:00Z"),
                                        row(A::renewal_locked, S::non_renewed, "2027-05-01T00:00:00Z")}, 2},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        const Replay rep = replay(r.history);
        CHECK_FALSE(rep.state);
        CHECK(rep.bad_row == r.bad);
        CHECK_FALSE(rep.problem.empty());
    }
}

TEST_CASE("history rows and webhook events as JSON", "[renewals][history][json]") {
    HistoryRow r = row(HistoryAction::manual_renew, SubscriberStatus::renewed, "2027-03-10T12:00:00Z",
                       {seat("S-A-3", SeatStatus::reserved)});
    r.actor = {ActorKind::staff, "alice"};
    r.plan = {{at("2027-03-10T12:00:00Z"), 3334}, {at("2027-04-10T12:00:00Z"), 3333}};
    r.amount = 3334;
    r.note = "renewed by phone";
    const json j = history_row_to_json(r);
    CHECK(j["action"] == "ManualRenew");
    CHECK(j["actor"] == "staff:alice");
    CHECK(j["status"] == "Renewed");
    CHECK(j["seats"][0]["status"] == "RESERVED");
    CHECK(j["plan"][1]["amount"] == 3333);
    Problems problems;
    const auto back = history_row_from_json(j, problems);
    REQUIRE(back);
    CHECK(*back == r);

    json bad = j;
    bad["action"] = "Renew";
    bad["actor"] = "robot";
    bad["seats"][0]["status"] = "FREE";
    bad.erase("at");
    problems.clear();
    CHECK_FALSE(history_row_from_json(bad, problems));
    std::vector<std::string> paths;
    for (const Problem& p : problems) paths.push_back(p.path);
    CHECK(paths == std::vector<std::string>{"/action", "/at", "/actor", "/seats/0/status"});

    SubscriberState st;
    fold(st, row(HistoryAction::subscribe, SubscriberStatus::new_, "2026-11-10T12:00:00Z", {seat("ST-A-2", SeatStatus::sold)}, "sub27"));
    const json created = webhook_event("sub-9", "c-1", 1, HistoryRow{}, st);
    CHECK(created["type"] == "SubscriberCreated");
    const json updated = webhook_event("sub-9", "c-1", 2, r, st);
    CHECK(updated["type"] == "SubscriberUpdated");
    CHECK(updated["sequence"] == 2);
    CHECK(updated["history"]["action"] == "ManualRenew");
    CHECK(updated["state"]["status"] == "New");
    CHECK(updated["state"]["seats"][0]["seat"] == "ST-A-2");
}
