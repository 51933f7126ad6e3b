// Start-up behaviour of the binary: flags, database problems, catalog validation, restarts, signals.
#include <catch2/catch.hpp>
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "server_fixture.hpp"

using namespace encore::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs a one-shot query returning one integer.
long long count_rows(const std::string& db_location, const std::string& sql) {
    auto db = encore::server::db::open(db_location);
    auto select = db->prepare(sql);
    REQUIRE(select.step());
    return select.integer(0);
}

}  // namespace

TEST_CASE("help prints the usage and exits 0", "[startup]") {
    TempDir dir;
    auto run = run_server_to_exit({"--help"}, dir.path());
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "usage: encore-server"));
    CHECK(contains(run.out, "--demo-sales"));
}

TEST_CASE("bad command lines exit 2 with a message naming the flag", "[startup]") {
    TempDir dir;
    struct Case {
        std::vector<std::string> args;
        std::string named;
    };
    for (const Case& c : {Case{{"--bogus"}, "--bogus"}, Case{{"--port", "abc"}, "--port"},
                          Case{{"--port", "70000"}, "--port"}, Case{{"--port", "-1"}, "--port"},
                          Case{{"--port"}, "--port"}, Case{{"--db"}, "--db"}, Case{{"--threads", "0"}, "--threads"},
                          Case{{"--port=x"}, "--port"}, Case{{"stray"}, "stray"}}) {
        INFO("args: " << c.args.front());
        auto run = run_server_to_exit(c.args, dir.path());
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, c.named));
        CHECK(contains(run.err, "usage: encore-server"));
        CHECK(run.out.empty());
    }
}

TEST_CASE("a database file that cannot be opened exits 1 naming the path", "[startup][sqlite]") {
    TempDir dir;
    auto unwritable = run_server_to_exit({"--port", "0", "--db", "/proc/nope/x.db"}, dir.path());
    CHECK(unwritable.exit_code == 1);
    CHECK(contains(unwritable.err, "/proc/nope/x.db"));
    CHECK(!contains(unwritable.out, "listening"));

    auto folder = run_server_to_exit({"--port", "0", "--db", dir.path().string()}, dir.path());
    CHECK(folder.exit_code == 1);
    CHECK(contains(folder.err, dir.path().string()));
    CHECK(contains(folder.err, "directory"));
}

TEST_CASE("the database folder is created when missing", "[startup][sqlite]") {
    TempDir dir;
    const std::string db = dir.file("nested/deeper/encore.db");
    {
        ServerProcess server({"--db", db}, dir.file("server.log"));
        CHECK(get(*server.client(), "/api/health")->status == 200);
    }
    CHECK(std::filesystem::exists(db));
}

TEST_CASE("an invalid catalog stops the start with every problem's JSON path", "[startup][catalog]") {
    TempDir dir;
    const std::string db = dir.database();
    auto run = run_server_to_exit({"--port", "0", "--db", db, "--catalog", fixture("invalid_catalog.json")}, dir.path());
    CHECK(run.exit_code == 1);
    CHECK(!contains(run.out, "listening"));
    CHECK(contains(run.err, fixture("invalid_catalog.json")));
    CHECK(contains(run.err, "/currency"));
    CHECK(contains(run.err, "/venues/0/plan/sections/0/rows/0/seats/1/band"));
    CHECK(contains(run.err, "/instances/1/event"));

    ServerProcess after({"--db", db}, dir.file("server.log"));
    CHECK(body_json(get(*after.client(), "/api/health"))["catalog"] == false);
}

TEST_CASE("a missing catalog file stops the start naming the file", "[startup][catalog]") {
    TempDir dir;
    auto run = run_server_to_exit({"--port", "0", "--db", dir.database(), "--catalog", dir.file("none.json")},
                                  dir.path());
    CHECK(run.exit_code == 1);
    CHECK(contains(run.err, dir.file("none.json")));
}

TEST_CASE("a missing web root stops the start", "[startup]") {
    TempDir dir;
    auto run = run_server_to_exit({"--port", "0", "--db", dir.database(), "--web-root", dir.file("nope")},
                                  dir.path());
    CHECK(run.exit_code == 1);
    CHECK(contains(run.err, dir.file("nope")));
}

TEST_CASE("a port already in use exits 1", "[startup]") {
    RunningServer first;
    TempDir other;
    auto run = run_server_to_exit(
        {"--port", std::to_string(first.server.port()), "--db", other.database()}, other.path());
    CHECK(run.exit_code == 1);
    CHECK(contains(run.err, std::to_string(first.server.port())));
}

TEST_CASE("a restart keeps the catalog and seat states and re-runs nothing", "[startup][restart]") {
    TempDir dir;
    const std::string db = dir.database();
    const std::vector<std::string> args{"--db", db, "--catalog", fixture("small_catalog.json"), "--demo-sales"};
    const std::string availability_path = "/api/instances/tempest-2027-01-12-e/availability";
    const int migrations = static_cast<int>(encore::server::migrations().size());

    nlohmann::json first_health, first_availability;
    std::string first_etag;
    long long seat_rows = 0;
    {
        ServerProcess server(args, dir.file("first.log"));
        auto client = server.client();
        first_health = body_json(get(*client, "/api/health"));
        first_health.erase("now");  // the clock moves on between the starts
        first_etag = get(*client, "/api/catalog")->get_header_value("ETag");
        first_availability = body_json(get(*client, availability_path));
        CHECK(server.stop() == 0);
    }
    seat_rows = count_rows(db, "SELECT COUNT(*) FROM seat_states");
    CHECK(seat_rows > 0);
    CHECK(count_rows(db, "SELECT COUNT(*) FROM schema_migrations") == migrations);

    for (const std::vector<std::string>& again : {args, std::vector<std::string>{"--db", db}}) {
        ServerProcess server(again, dir.file("again.log"));
        auto client = server.client();
        nlohmann::json health = body_json(get(*client, "/api/health"));
        health.erase("now");
        CHECK(health == first_health);
        CHECK(get(*client, "/api/catalog")->get_header_value("ETag") == first_etag);
        CHECK(body_json(get(*client, availability_path)) == first_availability);
        CHECK(server.stop() == 0);
    }
    CHECK(count_rows(db, "SELECT COUNT(*) FROM schema_migrations") == migrations);
    CHECK(count_rows(db, "SELECT COUNT(*) FROM catalog") == 1);
    CHECK(count_rows(db, "SELECT COUNT(*) FROM seat_states") == seat_rows);
    CHECK(count_rows(db, "SELECT COUNT(*) FROM instance_versions") == 4);
}

TEST_CASE("SIGTERM stops the server cleanly with exit code 0", "[startup]") {
    RunningServer running;
    CHECK(get(*running.client, "/api/health")->status == 200);
    CHECK(running.server.stop() == 0);
    CHECK(contains(running.server.log(), "stopped"));
}
