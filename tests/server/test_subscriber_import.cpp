// `encore-server import-subscribers` against a running server's database: a good file arrives Pending for the
// coming season through the shell package; a file with bad rows lists every one by line and imports
// nothing; 100,000 rows import in one go.
#include <catch2/catch.hpp>

#include <chrono>

#include "encore/catalog_json.hpp"
#include "large_import.hpp"
#include "renewals_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

ExitResult import(Campaign& c, const std::string& csv, std::vector<std::string> flags = {}) {
    write_text(c.running.dir.path() / "subscribers.csv", csv);
    std::vector<std::string> args{"import-subscribers", "--db", c.running.dir.database(), "--now", "2027-01-15T00:00:00Z"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.push_back(c.running.dir.file("subscribers.csv"));
    return run_server_to_exit(args, c.running.dir.path(), std::chrono::seconds(120));
}

json staff_list(Campaign& c, const std::string& query) {
    auto result = c.get_as("/api/staff/subscriber-records?" + query, c.admin);
    REQUIRE(result->status == 200);
    return body_json(result)["subscriber_records"];
}

}  // namespace

TEST_CASE("a good file imports every subscriber Pending for the coming season, seats reserved", "[renewals][import]") {
    Campaign c;
    const std::string alice = c.register_customer("alice@test.example");
    const std::string csv =
        "email,name,lineage,group,seats\n"
        "ann@import.example,Ann Imported,main,tuesdays,S-B-1\n"
        "ben@import.example,\"Ben, Junior\",main,Weekend matinees,S-A-3 S-A-4\n"
        "Alice@Test.example,Alice,main,tuesdays,S-C-1\n";
    const ExitResult checked = import(c, csv, {"--check"});
    INFO(checked.err);
    REQUIRE(checked.exit_code == 0);
    CHECK(checked.out.find("3 subscribers") != std::string::npos);
    CHECK(c.count("subscribers") == 0);

    const ExitResult done = import(c, csv, {"--progress"});
    INFO(done.err);
    REQUIRE(done.exit_code == 0);
    CHECK(done.out.find("imported 3 subscribers (2 new customer accounts)") != std::string::npos);
    CHECK(done.err.find("100%") != std::string::npos);
    const json pending = staff_list(c, "package=sub28&status=Pending");
    REQUIRE(pending.size() == 3);
    CHECK(pending[0]["customer"]["email"] == "ann@import.example");

    const json mine = c.records(alice);  // an existing account, found by email in any case
    REQUIRE(mine.size() == 1);
    CHECK(mine[0]["status"] == "Pending");
    CHECK(mine[0]["renewing_from"]["id"] == "shell26");
    CHECK(mine[0]["seats"][0] == json{{"seat", "S-C-1"}, {"group", "tuesdays"}, {"status", "RESERVED"}, {"name", "Stalls, Row C, Seat 1"},
                                       {"performances", mine[0]["seats"][0]["performances"]}});
    CHECK(c.history_actions(mine[0]["id"]) == std::vector<std::string>{"Import", "Rollover"});
    for (const char* instance : {"play28a-sat", "play28b-sat"}) {
        CHECK(c.seat_state(instance, "S-A-3") == 'r');
        CHECK(c.seat_state(instance, "S-A-4") == 'r');
    }
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 'r');

    const ExitResult again = import(c, "email,name,lineage,group,seats\ncara@import.example,Cara,main,tuesdays,S-B-1\n");
    CHECK(again.exit_code == 1);  // the seat is an imported subscriber's now
    CHECK(again.err.find("line 2") != std::string::npos);

    c.move_to("2027-05-02T09:00:00Z");  // nobody renewed: lapsed, locked and (the shell's season long over) deactivated
    CHECK(c.history_actions(mine[0]["id"]) == std::vector<std::string>{"Import", "Rollover", "Lapse", "RenewalLocked", "Deactivate"});
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 'o');
    c.check_projections();
}

TEST_CASE("a file with bad rows lists each by line and reason, and imports nothing", "[renewals][import]") {
    Campaign c;
    const long long accounts = c.count("accounts");
    const ExitResult bad = import(c,
                                  "email,name,lineage,group,seats\n"
                                  "ann@import.example,Ann,main,tuesdays,S-B-1\n"
                                  "ben@import.example,Ben,no-such-lineage,tuesdays,S-B-2\n"
                                  "cara@import.example,Cara,main,tuesdays,S-B-1\n"
                                  "not-an-email,Dan,main,tuesdays,S-C-1\n"
                                  "eve@import.example,Eve,main,tuesdays,Z-9-9\n");
    CHECK(bad.exit_code == 1);
    INFO(bad.err);
    CHECK(bad.err.find("nothing was imported") != std::string::npos);
    for (const char* line : {"line 3, lineage", "line 4, seats", "line 5, email", "line 6, seats"}) CHECK(bad.err.find(line) != std::string::npos);
    CHECK(bad.err.find("\n  line 2") == std::string::npos);  // the good line is not listed
    CHECK(c.count("subscribers") == 0);
    CHECK(c.count("subscriber_history") == 0);
    CHECK(c.count("accounts") == accounts);
    CHECK(c.seat_state("play28a-tue", "S-B-1") == 'o');

    const ExitResult unreadable = run_server_to_exit({"import-subscribers", "--db", c.running.dir.database(), "/no/such.csv"},
                                                     c.running.dir.path());
    CHECK(unreadable.exit_code == 1);
    const ExitResult usage = run_server_to_exit({"import-subscribers", "--bogus"}, c.running.dir.path());
    CHECK(usage.exit_code == 2);
}

TEST_CASE("100,000 subscribers import in one go", "[renewals][import][large]") {
    encore::Catalog grown = *encore::load_catalog(read_text(ENCORE_RENEWALS_CATALOG)).catalog;
    test_support::grow_plan(grown.venues[1].plan, 500, 100);  // the 2028 hall: 50,000 seats
    TempDir catalog_dir;
    write_text(catalog_dir.path() / "grown.json", encore::catalog_to_json(grown).dump());
    Campaign c({"--catalog", catalog_dir.file("grown.json")});
    const auto started = std::chrono::steady_clock::now();
    const ExitResult done = import(c, test_support::subscriber_csv(100'000, 500, 100));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(done.err);
    REQUIRE(done.exit_code == 0);
    WARN("imported 100,000 subscribers in " << seconds << " s");
    CHECK(c.count("subscribers") == 100'000);
    CHECK(c.count("subscriber_history") == 200'000);
    CHECK(c.count("seat_states") == 200'000);  // one seat at each of a group's two performances
    const json first = staff_list(c, "limit=1");
    REQUIRE(first.size() == 1);
    CHECK(first[0]["status"] == "Pending");
    CHECK(staff_list(c, "status=Pending&after=99999").size() == 1);
}
