// PostgreSQL only (ENCORE_TEST_POSTGRES): start-up errors for a postgresql:// URL, and several servers
// on one database: each sees the others' holds with consistent versions, sessions and catalog changes.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "account_helpers.hpp"
#include "encore/catalog_json.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::string macbeth = "macbeth-2027-01-12-e";
const std::string start_clock = "2026-11-21T12:00:00Z";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Two servers, A and B, on one database (the demo catalog, the test admin, both clocks at start_clock).
struct TwoServers {
    TempDir dir;
    ServerProcess a, b;
    std::unique_ptr<httplib::Client> client_a, client_b;
    std::string admin;

    explicit TwoServers(const std::vector<std::string>& extra = {})
        : a(args(extra), dir.file("a.log")), b(args(extra), dir.file("b.log")), client_a(a.client()), client_b(b.client()),
          admin(admin_token(*client_a)) {
        for (auto* client : {client_a.get(), client_b.get()}) {
            auto moved = send_json(*client, "PUT", "/api/admin/clock", {{"now", start_clock}}, bearer(admin));
            INFO(moved->body);
            REQUIRE(moved->status == 200);
        }
    }
    std::vector<std::string> args(const std::vector<std::string>& extra) const {
        std::vector<std::string> all{"--db", dir.database(), "--catalog", demo_catalog_path()};
        all.insert(all.end(), extra.begin(), extra.end());
        return with_admin(all);
    }
};

json availability(httplib::Client& client, const std::string& instance) {
    auto result = get(client, "/api/instances/" + instance + "/availability");
    INFO(result->body);
    REQUIRE(result->status == 200);
    return body_json(result);
}

char state_of(const json& availability, const std::string& seat) {
    static const encore::Catalog catalog = *encore::load_catalog(std::string_view(read_text(demo_catalog_path()))).catalog;
    const auto* instance = catalog.find_instance(encore::InstanceId{availability["instance"].get<std::string>()});
    const auto& plan = catalog.find_venue(instance->venue)->plan;
    return availability["seats"].get<std::string>().at(*plan.seat_index(encore::SeatId{seat}));
}

}  // namespace

TEST_CASE("a wrong or unreachable postgresql:// URL stops the start naming it", "[startup][postgres]") {
    if (!on_postgres()) return;
    TempDir dir;
    const std::string unreachable = "postgresql://encore@127.0.0.1:1/encore";
    auto refused = run_server_to_exit({"--port", "0", "--db", unreachable}, dir.path());
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "127.0.0.1:1/encore"));
    CHECK(!contains(refused.out, "listening"));

    std::string admin = std::getenv("ENCORE_TEST_POSTGRES");
    const std::string missing = admin.substr(0, admin.rfind('/')) + "/no_such_database";
    auto absent = run_server_to_exit({"--port", "0", "--db", missing}, dir.path());
    CHECK(absent.exit_code == 1);
    CHECK(contains(absent.err, "no_such_database"));
    CHECK(!contains(absent.out, "listening"));
}

TEST_CASE("a start-up error names the postgresql:// URL without its password", "[startup][postgres]") {
    if (!on_postgres()) return;
    TempDir dir;
    auto refused = run_server_to_exit({"--port", "0", "--db", "postgresql://encore:s3cret-pw@127.0.0.1:1/encore"}, dir.path());
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "127.0.0.1:1/encore"));
    CHECK(!contains(refused.err + refused.out, "s3cret-pw"));
}

TEST_CASE("two servers on one database see each other's holds with one version", "[postgres][holds]") {
    if (!on_postgres()) return;
    TwoServers s;
    const json before_a = availability(*s.client_a, macbeth), before_b = availability(*s.client_b, macbeth);
    CHECK(before_a == before_b);
    const std::int64_t v0 = before_a["version"];

    auto held = send_json(*s.client_a, "POST", "/api/holds", {{"instance", macbeth}, {"seats", {"ST-A-1", "ST-A-2"}}});
    INFO(held->body);
    REQUIRE(held->status == 201);
    const json on_b = availability(*s.client_b, macbeth);
    CHECK(on_b["version"] == v0 + 1);
    CHECK(state_of(on_b, "ST-A-1") == 'h');
    CHECK(state_of(on_b, "ST-A-2") == 'h');
    CHECK(on_b == availability(*s.client_a, macbeth));
    auto changes = get(*s.client_b, "/api/instances/" + macbeth + "/availability?since=" + std::to_string(v0));
    REQUIRE(changes->status == 200);
    CHECK(body_json(changes)["changes"] ==
          json::array({{{"seat", "ST-A-1"}, {"state", "h"}}, {{"seat", "ST-A-2"}, {"state", "h"}}}));

    // B cannot hold a seat A holds; a seat B holds is held on A too.
    auto clash = send_json(*s.client_b, "POST", "/api/holds", {{"instance", macbeth}, {"seats", {"ST-A-2"}}});
    CHECK(clash->status == 409);
    auto other = send_json(*s.client_b, "POST", "/api/holds", {{"instance", macbeth}, {"seats", {"ST-A-3"}}});
    REQUIRE(other->status == 201);
    const json on_a = availability(*s.client_a, macbeth);
    CHECK(on_a["version"] == v0 + 2);
    CHECK(state_of(on_a, "ST-A-3") == 'h');
}

TEST_CASE("a session opened on one server works on the other", "[postgres][accounts]") {
    if (!on_postgres()) return;
    TwoServers s;
    register_customer(*s.client_a, "roamer@test.example");
    const std::string token = login(*s.client_a, "roamer@test.example", "customer-pass")["token"];
    auto me = send(*s.client_b, "GET", "/api/me", "", bearer(token));
    INFO(me->body);
    REQUIRE(me->status == 200);
    CHECK(body_json(me)["account"]["email"] == "roamer@test.example");

    auto logout = send(*s.client_b, "POST", "/api/auth/logout", "{}", bearer(token));
    CHECK(logout->status < 300);
    CHECK(send(*s.client_a, "GET", "/api/me", "", bearer(token))->status == 401);
}

TEST_CASE("an admin catalog change on one server is served by the other within 2 s", "[postgres][admin]") {
    if (!on_postgres()) return;
    TwoServers s;
    const std::string etag_b = get(*s.client_b, "/api/catalog")->get_header_value("ETag");
    const json event = {{"id", "coriolanus"},      {"name", "Coriolanus"},   {"description", "Rome."},
                        {"season", "2027-spring"}, {"venue", "encore-theatre"}, {"price_list", "drama-standard"}};
    auto created = send_json(*s.client_a, "PUT", "/api/admin/catalog/events/coriolanus", event, bearer(s.admin));
    INFO(created->body);
    REQUIRE(created->status == 201);
    const std::string etag_a = get(*s.client_a, "/api/catalog")->get_header_value("ETag");
    CHECK(etag_a != etag_b);

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
    std::string served;
    while (std::chrono::steady_clock::now() < deadline) {
        served = get(*s.client_b, "/api/catalog")->get_header_value("ETag");
        if (served == etag_a) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(served == etag_a);
    CHECK(contains(get(*s.client_b, "/api/catalog")->body, "\"coriolanus\""));
}

TEST_CASE("a client's login allowance is one, whichever server its attempts reach", "[postgres][accounts]") {
    if (!on_postgres()) return;
    TwoServers s({"--login-rate", "6"});  // the admin's login on A took one of the six
    int refused_password = 0, rate_limited_a = 0, rate_limited_b = 0;
    for (int attempt = 0; attempt < 12; ++attempt) {
        httplib::Client& client = attempt % 2 == 0 ? *s.client_a : *s.client_b;
        auto answer = send_json(client, "POST", "/api/auth/login", {{"email", "nobody@test.example"}, {"password", "wrong-password"}});
        INFO(answer->body);
        if (answer->status == 401) ++refused_password;
        else if (answer->status == 429) ++(attempt % 2 == 0 ? rate_limited_a : rate_limited_b);
        else FAIL("unexpected status " << answer->status);
    }
    // One bucket of six for both servers (a server of its own would let 12 through).
    CHECK(refused_password >= 4);
    CHECK(refused_password <= 6);
    CHECK(rate_limited_a > 0);
    CHECK(rate_limited_b > 0);
}

TEST_CASE("the admin clock moved on one server is followed by the other within 2 s", "[postgres][admin]") {
    if (!on_postgres()) return;
    TwoServers s;
    auto moved = send_json(*s.client_a, "PUT", "/api/admin/clock", {{"now", "2027-02-01T09:00:00Z"}}, bearer(s.admin));
    INFO(moved->body);
    REQUIRE(moved->status == 200);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(2500);
    std::string now_b;
    while (std::chrono::steady_clock::now() < deadline) {
        now_b = body_json(get(*s.client_b, "/api/health"))["now"].get<std::string>();
        if (now_b.starts_with("2027-02-01")) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(now_b.starts_with("2027-02-01"));
}
