// Importing existing subscribers from CSV through a shell package: RFC 4180 text, every bad row listed
// by line and reason with nothing imported, the history of an imported record, and 100,000 rows.
#include <catch2/catch.hpp>

#include "encore/subscriber_import.hpp"
#include "large_import.hpp"
#include "renewals_support.hpp"

using namespace encore;
using namespace rtest;

namespace {
const char* const campaign = "2027-01-15T00:00:00Z";  // the 2028 package is upcoming

std::string problems_text(const SubscriberImport& r) {
    std::string out;
    for (const ImportProblem& p : r.problems) out += std::to_string(p.line) + " " + p.column + " " + p.code + ": " + p.message + "\n";
    return out;
}
}  // namespace

TEST_CASE("a good file: quotes, commas and line breaks in quotes, CRLF, any column order", "[renewals][import]") {
    const Catalog c = catalog();
    const std::string csv =
        "\xEF\xBB\xBF" "Seats,Email,NAME,lineage,group\r\n"
        "S-B-1 S-B-2,ann@example.org,\"Smith, Ann\",main,Tuesday evenings\r\n"
        "\"S-A-1,S-A-2\",bob@example.org,\"Bob \"\"The Builder\"\"\",main,tuesdays\r\n"
        "C-A-1;C-A-2, cy@example.co.uk ,\"Cy\r\nSecond line\",main,weekend\r\n"
        "\r\n"
        "S-B-1,dee@example.org,Dee,main,WEEKEND MATINEES\r\n";
    const SubscriberImport r = read_subscriber_csv(csv, c, at(campaign));
    INFO(problems_text(r));
    REQUIRE(r.problems.empty());
    REQUIRE(r.subscribers.size() == 4);
    struct Row { std::size_t line; const char* email; const char* name; const char* group; std::vector<const char*> seats; };
    const Row rows[] = {
        {2, "ann@example.org", "Smith, Ann", "tuesdays", {"S-B-1", "S-B-2"}},
        {3, "bob@example.org", "Bob \"The Builder\"", "tuesdays", {"S-A-1", "S-A-2"}},
        {4, "cy@example.co.uk", "Cy\r\nSecond line", "weekend", {"C-A-1", "C-A-2"}},
        {7, "dee@example.org", "Dee", "weekend", {"S-B-1"}},  // the same seat as Ann's, at other performances
    };
    for (std::size_t k = 0; k < 4; ++k) {
        CAPTURE(k);
        const ImportedSubscriber& s = r.subscribers[k];
        CHECK(s.line == rows[k].line);
        CHECK(s.email == rows[k].email);
        CHECK(s.name == rows[k].name);
        CHECK(s.lineage == "main");
        CHECK(s.shell.value == "shell26");
        CHECK(s.package.value == "sub28");
        CHECK(s.group.value == rows[k].group);
        std::vector<std::string> got;
        for (const SeatId& seat : s.seats) got.push_back(seat.value);
        CHECK(got == std::vector<std::string>(rows[k].seats.begin(), rows[k].seats.end()));
    }
}

TEST_CASE("an imported record: Import at the shell, then Pending at the upcoming package", "[renewals][import]") {
    const Catalog c = catalog();
    const SubscriberImport r = read_subscriber_csv("email,name,lineage,group,seats\nann@example.org,Ann,main,tuesdays,S-B-1 S-B-2\n", c,
                                                   at(campaign));
    REQUIRE(r.subscribers.size() == 1);
    Record rec;
    rec.append(import_history(r.subscribers[0], staff(), at(campaign)));
    REQUIRE(rec.history.size() == 2);
    CHECK(rec.history[0].action == HistoryAction::import);
    CHECK(rec.history[0].package.value == "shell26");
    CHECK(rec.history[0].actor == staff());
    CHECK(webhook_kind(rec.history[0].action) == WebhookKind::subscriber_created);
    CHECK(rec.history[1].action == HistoryAction::rollover);
    CHECK(webhook_kind(rec.history[1].action) == WebhookKind::subscriber_updated);
    const Replay replayed = replay(rec.history);
    REQUIRE(replayed.state);
    CHECK(replayed.state->status == SubscriberStatus::pending);
    CHECK(replayed.state->package.value == "sub28");
    CHECK(replayed.state->renewing_from.value == "shell26");
    CHECK(replayed.state->seats.size() == 2);
    CHECK(replayed.state->paid.empty());
    // The shell's season ended long ago: an imported subscriber who never renews is deactivated at the lock.
    rec.append(due_transitions(c, rec.state, {}, at("2027-05-01T00:00:00Z")));
    CHECK(rec.state.status == SubscriberStatus::inactive);
    CHECK(rec.history.back().at == at("2027-05-01T00:00:00Z"));
}

TEST_CASE("every bad row is listed by line and reason, and nothing is imported", "[renewals][import]") {
    const Catalog c = catalog([](json& j) {
        json other = j["fixed_series"][1];  // a lineage with no shell package
        other["id"] = "other27";
        other["lineage"] = "other";
        j["fixed_series"].push_back(other);
    });
    const std::string csv =
        "email,name,lineage,group,seats\n"
        "ann@example.org,Ann,main,tuesdays,S-B-1\n"          // 2 good
        "not-an-email,Bob,main,tuesdays,S-B-2\n"             // 3
        "cy@example.org,,main,tuesdays,S-C-1\n"              // 4
        "dee@example.org,Dee,nowhere,tuesdays,S-C-2\n"       // 5
        "eve@example.org,Eve,other,tuesdays,S-C-2\n"         // 6
        "fay@example.org,Fay,main,fridays,S-C-2\n"           // 7
        "gus@example.org,Gus,main,tuesdays,ST-A-1\n"         // 8 a seat of the old plan
        "hal@example.org,Hal,main,tuesdays,S-B-1\n"          // 9 Ann's seat
        "ida@example.org,Ida,main,tuesdays,\n"               // 10
        "jo@example.org,Jo,main,tuesdays\n"                  // 11
        "kim@example.org,Kim,main,tuesdays,S-A-3 S-A-3\n"    // 12
        "lee@example.org,\"Lee\"x,main,tuesdays,S-A-4\n"     // 13
        "mo@exa\"mple.org,Mo,main,tuesdays,S-A-4\n"          // 14
        "ned@example.org,Ned,main,weekend,S-B-1\n";          // 15 good: another group's performances
    const SubscriberImport r = read_subscriber_csv(csv, c, at(campaign));
    CHECK(r.subscribers.empty());
    struct Expect { std::size_t line; const char* column; const char* code; };
    const std::vector<Expect> expected = {
        {3, "email", "invalid_email"},      {4, "name", "missing_value"},       {5, "lineage", "unknown_lineage"},
        {6, "lineage", "no_shell_package"}, {7, "group", "unknown_group"},      {8, "seats", "unknown_seat"},
        {9, "seats", "duplicate_seat"},     {10, "seats", "no_seats"},          {11, "", "wrong_column_count"},
        {12, "seats", "duplicate_seat"},    {13, "", "malformed_csv"},          {14, "", "malformed_csv"},
    };
    INFO(problems_text(r));
    REQUIRE(r.problems.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        CAPTURE(k);
        CHECK(r.problems[k].line == expected[k].line);
        CHECK(r.problems[k].column == expected[k].column);
        CHECK(r.problems[k].code == expected[k].code);
        CHECK_FALSE(r.problems[k].message.empty());
    }
    CHECK(r.problems[6].message == "seat S-B-1 of Tuesday Evenings is also on line 2");
    CHECK(r.problems[9].message.find("given twice") != std::string::npos);
}

TEST_CASE("the file as a whole: empty, headers, no rows, unclosed quotes, seats taken, no upcoming package", "[renewals][import]") {
    const Catalog c = catalog();
    struct Row { const char* what; std::string csv; const char* now; std::vector<const char*> codes; };
    const std::vector<Row> rows = {
        {"empty", "", campaign, {"empty_file"}},
        {"blank lines only", "\r\n\n", campaign, {"empty_file"}},
        {"header only", "email,name,lineage,group,seats\r\n", campaign, {"no_rows"}},
        {"a missing column", "email,name,lineage,seats\nann@example.org,Ann,main,S-B-1\n", campaign, {"missing_column"}},
        {"an unknown and a duplicate column", "email,name,lineage,group,seats,phone,Email\n", campaign, {"unknown_column", "duplicate_column"}},
        {"an unclosed quote", "email,name,lineage,group,seats\nann@example.org,\"Ann,main,tuesdays,S-B-1\n", campaign, {"malformed_csv"}},
        {"a seat taken", "email,name,lineage,group,seats\nann@example.org,Ann,main,tuesdays,S-C-1\n", campaign, {"seat_taken"}},
        {"no upcoming package", "email,name,lineage,group,seats\nann@example.org,Ann,main,tuesdays,S-B-1\n", "2028-01-15T00:00:00Z",
         {"no_upcoming_package"}},
    };
    const SeatQuery taken = [](const SeriesGroupId&, const SeatId& s) { return s.value == "S-C-1"; };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        const SubscriberImport result = read_subscriber_csv(r.csv, c, at(r.now), taken);
        INFO(problems_text(result));
        std::vector<std::string> codes;
        for (const ImportProblem& p : result.problems) codes.push_back(p.code);
        CHECK(codes == std::vector<std::string>(r.codes.begin(), r.codes.end()));
        CHECK(result.subscribers.empty());
    }
}

TEST_CASE("100,000 subscribers in one file", "[renewals][import][large]") {
    Catalog c = catalog();
    test_support::grow_plan(c.venues[1].plan, 500, 100);  // the new hall grows to 50,000 seats
    std::string csv = test_support::subscriber_csv(100'000, 500, 100);
    SubscriberImport r = read_subscriber_csv(csv, c, at(campaign));
    INFO(problems_text(r).substr(0, 500));
    CHECK(r.problems.empty());
    REQUIRE(r.subscribers.size() == 100'000);
    CHECK(r.subscribers.back().line == 100'001);
    CHECK(r.subscribers.back().group.value == "weekend");

    csv += "late@example.org,Late,main,weekend,R0-1\n";  // one duplicate at the very end spoils the whole file
    r = read_subscriber_csv(csv, c, at(campaign));
    CHECK(r.subscribers.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 100'002);
    CHECK(r.problems[0].message == "seat R0-1 of Weekend matinees is also on line 50002");
}
