// Rollover: which packages roll into which and when (nothing fires when the new season is already
// active or the lineage differs), group mapping, and seat mapping onto a plan that differs, keeping
// wheelchair and companion needs and listing for staff what could not be mapped.
#include <catch2/catch.hpp>

#include "renewals_support.hpp"

using namespace encore;
using namespace rtest;

TEST_CASE("a rollover is due while the old season is active and the new one upcoming", "[renewals][rollover]") {
    struct Row { const char* what; std::function<void(json&)> change; const char* now; bool due; };
    const std::vector<Row> rows = {
        {"before the 2027 season", {}, "2026-12-31T23:59:59Z", false},
        {"2027 active, 2028 upcoming", {}, "2027-01-01T00:00:00Z", true},
        {"still so on the last day", {}, "2027-06-30T23:59:59Z", true},
        {"2027 ended", {}, "2027-07-01T00:00:00Z", false},
        {"2028 active", {}, "2028-01-15T00:00:00Z", false},
        {"the new season is already active", [](json& j) { j["seasons"][2]["starts"] = "2027-01-01"; }, "2027-01-15T00:00:00Z", false},
        {"the lineage differs", [](json& j) { j["fixed_series"][2]["lineage"] = "other"; }, "2027-01-15T00:00:00Z", false},
        {"the old package has no lineage", [](json& j) { j["fixed_series"][1].erase("lineage"); }, "2027-01-15T00:00:00Z", false},
        {"the new package has no renewal dates", [](json& j) { j["fixed_series"][2].erase("renewal"); }, "2027-01-15T00:00:00Z", false},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        const Catalog c = catalog(r.change);
        const auto pairs = due_rollovers(c, at(r.now));
        if (r.due) CHECK(pairs == std::vector<RolloverPair>{{{"sub27"}, {"sub28"}}});
        else CHECK(pairs.empty());
    }
}

TEST_CASE("a shell package never rolls; the earliest upcoming package is the target", "[renewals][rollover]") {
    const Catalog c = catalog([](json& j) {
        j["seasons"][0]["starts"] = "2027-01-01";  // the shell's season made active: still no rollover from it
        j["seasons"][0]["ends"] = "2027-06-30";
        json later = j["fixed_series"][2];
        later["id"] = "sub28-late";
        later["season"] = "s29";
        j["seasons"].push_back({{"id", "s29"}, {"name", "Season 2029"}, {"starts", "2027-12-01"}, {"ends", "2029-06-30"}});
        j["fixed_series"].push_back(later);
    });
    CHECK(due_rollovers(c, at("2027-01-15T00:00:00Z")) == std::vector<RolloverPair>{{{"sub27"}, {"sub28-late"}}});
}

TEST_CASE("groups map by id, then name, then weekdays and times of day", "[renewals][rollover]") {
    struct Row { const char* what; std::function<void(json&)> change; const char* from; const char* to; const char* rule; };
    const std::vector<Row> rows = {
        {"same name, other case", {}, "tue", "tuesdays", "same name"},
        {"same weekdays and times", {}, "sat", "weekend", "same weekdays and times of day"},
        {"same id", [](json& j) { j["fixed_series"][2]["groups"][1]["id"] = "sat"; }, "sat", "sat", "same id"},
        {"no match", [](json& j) { j["fixed_series"][2]["groups"][1]["instances"] = json::array({"play28a-tue", "play28b-tue"}); },
         "sat", "", "no group has the same id, name, or weekdays and times of day"},
        {"two matches", [](json& j) {
             json again = j["fixed_series"][2]["groups"][1];
             again["id"] = "saturdays";
             again["name"] = "Saturdays";
             j["fixed_series"][2]["groups"].push_back(again);
         }, "sat", "", "several groups have the same weekdays and times of day"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        const Catalog c = catalog(r.change);
        const FixedSeries& from = *c.find_series(ProductId{"sub27"});
        const GroupMatch m = map_group(c, *from.find_group(SeriesGroupId{r.from}), *c.find_series(ProductId{"sub28"}));
        CHECK((m.group ? m.group->id.value : std::string()) == r.to);
        CHECK(m.rule == r.rule);
    }
}

TEST_CASE("seats map onto a plan that differs, keeping wheelchair and companion needs", "[renewals][rollover]") {
    const Catalog c = catalog();
    struct Sub { const char* group; std::vector<const char*> seats; };
    const std::vector<Sub> subs = {
        {"tue", {"ST-B-1", "ST-B-2"}},  // 0: the same section, row and number exist
        {"tue", {"ST-A-4", "ST-A-3"}},  // 1: companion + wheelchair, both moved in the new plan
        {"tue", {"ST-A-1"}},            // 2: A1 is a wheelchair space now
        {"tue", {"ST-B-3"}},            // 3: row B has two seats now
        {"sat", {"CI-A-1", "CI-A-2"}},  // 4: Circle A2 is taken at the weekend
        {"tue", {"ST-A-3"}},            // 5: a second wheelchair user: no wheelchair space left
        {"sat", {"ST-B-1"}},            // 6: the same seat as 0, at other performances
    };
    std::vector<Record> records;
    std::vector<SubscriberState> states;
    for (const Sub& s : subs) {
        NewSubscription buy;
        buy.package = ProductId{"sub27"};
        buy.group = SeriesGroupId{s.group};
        for (const char* id : s.seats) buy.seats.push_back(SeatId{id});
        Record rec;
        rec.append(subscribe(c, buy, customer(), {}, at("2026-11-10T12:00:00Z")).rows);
        REQUIRE(rec.state.seats.size() == s.seats.size());
        states.push_back(rec.state);
        records.push_back(rec);
    }
    states.push_back(pending_2028(c).state);  // 7: already rolled: skipped
    const SeatQuery taken = [](const SeriesGroupId& g, const SeatId& s) { return g.value == "weekend" && s.value == "C-A-2"; };
    const RolloverBatch batch = plan_rollover(c, {{"sub27"}, {"sub28"}}, states, taken, at("2027-01-15T00:00:00Z"));

    struct Expect { std::size_t subscriber; const char* group; std::vector<const char*> seats; };
    const std::vector<Expect> expected = {
        {0, "tuesdays", {"S-B-1", "S-B-2"}}, {1, "tuesdays", {"S-A-1", "S-A-2"}}, {2, "tuesdays", {}},
        {3, "tuesdays", {}},                 {4, "weekend", {"C-A-1"}},          {5, "tuesdays", {}},
        {6, "weekend", {"S-B-1"}},
    };
    REQUIRE(batch.rows.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const auto& [index, row] = batch.rows[k];
        CAPTURE(k);
        CHECK(index == expected[k].subscriber);
        CHECK(row.action == HistoryAction::rollover);
        CHECK(row.status == SubscriberStatus::pending);
        CHECK(row.actor == system());
        CHECK(row.package.value == "sub28");
        CHECK(row.group.value == expected[k].group);
        std::vector<std::string> got;
        for (const SeatChange& s : row.seats) {
            got.push_back(s.seat.value);
            CHECK(s.status == SeatStatus::reserved);
            CHECK(s.group.value == expected[k].group);
        }
        CHECK(got == std::vector<std::string>(expected[k].seats.begin(), expected[k].seats.end()));
        records[k].append({row});
        CHECK(records[k].state.status == SubscriberStatus::pending);
        CHECK(records[k].state.renewing_from.value == "sub27");
    }
    struct Issue { std::size_t subscriber; const char* seat; const char* code; const char* words; };
    const std::vector<Issue> issues = {
        {2, "ST-A-1", "seat_needs_differ", "Stalls, Row A, Seat 1 is a wheelchair space in the plan of Tuesday Evenings"},
        {3, "ST-B-3", "seat_not_in_new_plan", "Stalls, Row B, Seat 3 does not exist in the plan of Tuesday Evenings"},
        {4, "CI-A-2", "seat_taken", "Circle, Row A, Seat 2 is not free at every performance of Weekend matinees"},
        {5, "ST-A-3", "no_accessible_seat", "Stalls, Row A, Seat 3 is a wheelchair space and no such seat is free in Tuesday Evenings"},
    };
    REQUIRE(batch.issues.size() == issues.size());
    for (std::size_t k = 0; k < issues.size(); ++k) {
        CAPTURE(k);
        CHECK(batch.issues[k].subscriber == issues[k].subscriber);
        CHECK(batch.issues[k].seat.value == issues[k].seat);
        CHECK(batch.issues[k].code == issues[k].code);
        CHECK(batch.issues[k].message == issues[k].words);
    }

    std::vector<SubscriberState> after;
    for (const Record& r : records) after.push_back(r.state);
    CHECK(plan_rollover(c, {{"sub27"}, {"sub28"}}, after, taken, at("2027-01-16T00:00:00Z")).rows.empty());  // a repeat does nothing
}

TEST_CASE("on the same plan a subscriber keeps the very same seats", "[renewals][rollover]") {
    const Catalog c = catalog([](json& j) {
        for (auto& e : j["events"])
            if (e["venue"] == "hall28") e["venue"] = "hall";
    });
    Record rec = subscriber_2027(c, {"ST-A-3", "ST-A-4", "CI-A-1"});
    const RolloverBatch batch = plan_rollover(c, {{"sub27"}, {"sub28"}}, {rec.state}, {}, at("2027-01-15T00:00:00Z"));
    REQUIRE(batch.rows.size() == 1);
    CHECK(batch.issues.empty());
    std::vector<std::string> got;
    for (const SeatChange& s : batch.rows[0].second.seats) got.push_back(s.seat.value);
    CHECK(got == std::vector<std::string>{"ST-A-3", "ST-A-4", "CI-A-1"});
}

TEST_CASE("a group that cannot be mapped leaves the subscriber Pending without seats, for staff", "[renewals][rollover]") {
    const Catalog c = catalog([](json& j) { j["fixed_series"][2]["groups"][1]["instances"] = json::array({"play28a-tue", "play28b-tue"}); });
    NewSubscription buy;
    buy.package = ProductId{"sub27"};
    buy.group = SeriesGroupId{"sat"};
    buy.seats = seats({"ST-B-1"});
    Record rec;
    rec.append(subscribe(c, buy, customer(), {}, at("2026-11-10T12:00:00Z")).rows);
    const RolloverBatch batch = plan_rollover(c, {{"sub27"}, {"sub28"}}, {rec.state}, {}, at("2027-01-15T00:00:00Z"));
    REQUIRE(batch.rows.size() == 1);
    CHECK(batch.rows[0].second.seats.empty());
    REQUIRE(batch.issues.size() == 1);
    CHECK(batch.issues[0].code == "group_not_mapped");
    CHECK(batch.issues[0].seat.empty());
    CHECK(batch.issues[0].message.find("Saturday matinees has no group in Subscription 2028") == 0);
    rec.append({batch.rows[0].second});
    RenewalAction renew = action(ActionKind::renew, customer(), 2500);
    CHECK(apply_action(c, rec.state, renew, {}, at("2027-03-10T12:00:00Z")).check.code == "no_seats");
    renew.group = SeriesGroupId{"tuesdays"};  // staff or the customer choose a group and seats, then renew
    renew.seats = seats({"S-C-1"});
    const ActionResult r = apply_action(c, rec.state, renew, {}, at("2027-03-10T12:00:00Z"));
    REQUIRE(r.check.ok);
    CHECK(r.rows.size() == 2);
}
