// The catalog and availability requests: the catalog once, the chosen performance's seats, the 2-second poll of
// changes (?since=version), the full map when changes cannot be applied, and failures in words.
#include <catch2/catch.hpp>

#include "logic/uri.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

nlohmann::json changes(std::int64_t since, std::int64_t version, nlohmann::json list) {
    return {{"instance", "macbeth-1"}, {"since", since}, {"version", version}, {"changes", std::move(list)}};
}

nlohmann::json full(const std::string& seats, std::int64_t version) {
    return {{"instance", "macbeth-1"}, {"version", version}, {"seat_count", seats.size()}, {"seats", seats}};
}

std::string states(const web::AppState& app) { return encore::encode_seat_states(app.seats); }

}  // namespace

TEST_CASE("the catalog is fetched once, then the first performance on sale and its seats", "[catalog]") {
    WebClient c;
    c.tick();
    REQUIRE(c.http.waiting() == std::vector<std::string>{"GET /api/catalog"});
    const web::HttpRequest& request = c.http.peek("GET /api/catalog");
    CHECK(request.body.empty());
    CHECK(request.bearer_token.empty());
    c.tick();
    CHECK(c.http.waiting().size() == 1);  // not asked twice

    c.http.answer("GET /api/catalog", 200, webtest::small_catalog());
    CHECK(c.app.phase == web::Phase::ready);
    CHECK(c.app.instance.value == "macbeth-1");  // the earliest performance on sale that has not started
    CHECK(c.app.availability == web::Fetch::wanted);

    c.tick();
    REQUIRE(c.http.waiting() == std::vector<std::string>{"GET /api/instances/macbeth-1/availability"});
    c.http.answer("GET /api/instances/macbeth-1/availability", 200, full("ohooso", 4));
    CHECK(c.app.availability == web::Fetch::ready);
    CHECK(states(c.app) == "ohooso");
    CHECK(c.app.availability_version == 4);
    CHECK(web::available_count(c.app) == 4);
    CHECK(c.app.rows.size() == 2);
}

TEST_CASE("a catalog that cannot be loaded puts the page in error with the reason", "[catalog]") {
    SECTION("the server's problem detail") {
        WebClient c;
        c.tick();
        c.http.answer("GET /api/catalog", 500, webtest::problem(500, "internal_error", "The database is locked."));
        CHECK(c.app.phase == web::Phase::error);
        CHECK(c.app.error == "Loading the season's catalog failed (HTTP 500): The database is locked.");
    }
    SECTION("no answer at all") {
        WebClient c;
        c.tick();
        c.http.answer("GET /api/catalog", 0, std::string("Failed to fetch"));
        CHECK(c.app.error == "Could not reach the box office to load the season's catalog (Failed to fetch).");
    }
    SECTION("a catalog the core refuses") {
        WebClient c;
        c.tick();
        nlohmann::json broken = webtest::small_catalog();
        broken["instances"][0]["event"] = "no-such-event";
        c.http.answer("GET /api/catalog", 200, broken);
        CHECK(c.app.phase == web::Phase::error);
        CHECK_THAT(c.app.error, Catch::StartsWith("The catalog has 1 problem: "));
        CHECK_THAT(c.app.error, Catch::Contains("/instances/0/event"));
    }
}

TEST_CASE("the shown availability is polled every 2 s for the changes since the version held", "[availability]") {
    WebClient c;
    c.load();
    c.tick(1000);
    CHECK(c.http.waiting().empty());
    c.tick(1100);
    REQUIRE(c.http.waiting() == std::vector<std::string>{"GET /api/instances/macbeth-1/availability?since=1"});
    c.tick(3000);
    CHECK(c.http.waiting().size() == 1);  // one poll at a time

    nlohmann::json list = {{{"seat", "ST-A-2"}, {"state", "h"}}, {{"seat", "CI-A-1"}, {"state", "sold"}}};
    c.http.answer("GET /api/instances/macbeth-1/availability?since=1", 200, changes(1, 3, list));
    CHECK(states(c.app) == "ohooso");
    CHECK(c.app.availability_version == 3);

    c.tick(2100);
    CHECK(c.http.waiting() == std::vector<std::string>{"GET /api/instances/macbeth-1/availability?since=3"});
}

TEST_CASE("changes that cannot be applied make the next poll fetch the whole map", "[availability]") {
    WebClient c;
    c.load();
    c.tick(2100);
    nlohmann::json unusable;
    SECTION("changes since another version") { unusable = changes(0, 5, {{{"seat", "ST-A-1"}, {"state", "h"}}}); }
    SECTION("a seat this plan does not have") { unusable = changes(1, 5, {{{"seat", "ZZ-9"}, {"state", "h"}}}); }
    SECTION("a state word the core does not know") { unusable = changes(1, 5, {{{"seat", "ST-A-1"}, {"state", "gone"}}}); }
    c.http.answer("GET /api/instances/macbeth-1/availability?since=1", 200, unusable);
    CHECK(states(c.app) == "oooooo");
    CHECK(c.app.availability_version == 1);

    c.tick();  // at once, not 2 s later
    REQUIRE(c.http.waiting() == std::vector<std::string>{"GET /api/instances/macbeth-1/availability"});
    c.http.answer("GET /api/instances/macbeth-1/availability", 200, full("hooooo", 5));
    CHECK(states(c.app) == "hooooo");
    CHECK(c.app.availability_version == 5);

    c.tick(2100);  // back to changes
    CHECK(c.http.waiting() == std::vector<std::string>{"GET /api/instances/macbeth-1/availability?since=5"});
}

TEST_CASE("state words and one-letter codes in changes are both understood", "[availability]") {
    WebClient c;
    c.load();
    c.tick(2100);
    nlohmann::json list = {{{"seat", "ST-A-1"}, {"state", "held"}},   {{"seat", "ST-A-2"}, {"state", "r"}},
                           {{"seat", "ST-A-3"}, {"state", "sold"}},   {{"seat", "ST-A-4"}, {"state", "blocked"}},
                           {{"seat", "CI-A-1"}, {"state", "s"}}};
    c.http.answer("GET /api/instances/macbeth-1/availability?since=1", 200, changes(1, 2, list));
    CHECK(states(c.app) == "hrsxso");  // x: blocked
    CHECK(c.app.seats[4] == encore::SeatState::sold);
}

TEST_CASE("a failed poll keeps the map and reads the whole map next time", "[availability]") {
    WebClient c;
    c.load();
    c.tick(2100);
    c.http.answer("GET /api/instances/macbeth-1/availability?since=1", 503, webtest::problem(503, "catalog_missing"));
    CHECK(c.app.availability == web::Fetch::ready);
    CHECK(states(c.app) == "oooooo");
    c.tick(2100);
    CHECK(c.http.waiting() == std::vector<std::string>{"GET /api/instances/macbeth-1/availability"});
}

TEST_CASE("answers for a performance the customer has left are dropped", "[availability]") {
    WebClient c;
    c.load();
    c.tick(2100);
    REQUIRE(web::choose_instance(c.app, "macbeth-2"));
    c.http.answer("GET /api/instances/macbeth-1/availability?since=1", 200, full("ssssss", 9));
    CHECK(c.app.seats.empty());
    CHECK(c.app.availability == web::Fetch::wanted);
    c.tick();
    c.http.answer("GET /api/instances/macbeth-2/availability", 200,
                  nlohmann::json{{"instance", "macbeth-2"}, {"version", 2}, {"seats", "oooooh"}});
    CHECK(states(c.app) == "oooooh");
}

TEST_CASE("seats that cannot be loaded are shown as an error with the reason", "[availability]") {
    WebClient c;
    c.tick();
    c.http.answer("GET /api/catalog", 200, webtest::small_catalog());
    c.tick();
    c.http.answer("GET /api/instances/macbeth-1/availability", 404,
                  webtest::problem(404, "instance_not_found", "There is no such instance."));
    CHECK(c.app.availability == web::Fetch::error);
    CHECK(c.app.availability_error == "Loading the seats of this performance failed (HTTP 404): There is no such instance.");
}

TEST_CASE("instance ids and hold tokens are percent-encoded like encodeURIComponent", "[uri]") {
    CHECK(web::uri_component("macbeth-2027-01-12-e") == "macbeth-2027-01-12-e");
    CHECK(web::uri_component("a b/c?d&e=f#g") == "a%20b%2Fc%3Fd%26e%3Df%23g");
    CHECK(web::uri_component("-_.!~*'()") == "-_.!~*'()");
    CHECK(web::uri_component("caf\xC3\xA9") == "caf%C3%A9");
    CHECK(web::uri_component("100%") == "100%25");
}
