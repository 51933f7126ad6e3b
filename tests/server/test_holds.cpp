// Seat holds over loopback on the demo catalog: availability and its changes, conflicts, series
// all-or-none, locks and priority windows decided by the core, extend/release/delete, expiry by the
// server clock, abandoning a hold when its page closes, privacy of a customer's hold, rate limit and
// malformed requests.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "account_helpers.hpp"
#include "encore/catalog_json.hpp"
#include "encore/time.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::string macbeth = "macbeth-2027-01-12-e";
const std::string cherry = "the-cherry-orchard-2027-01-26-e";
const std::string earnest = "the-importance-of-being-earnest-2027-03-23-e";
const json friends_basket = {{"channel", "web"}, {"lines", {{{"kind", "membership"}, {"membership", "friends"}}}}};

// A server on the demo catalog with the test admin, its clock set to `start`.
struct HoldServer {
    RunningServer running;
    httplib::Client& client;
    std::string admin;

    explicit HoldServer(std::vector<std::string> extra = {}, const std::string& start = "2026-11-21T12:00:00Z")
        : running(with_admin(with_catalog(std::move(extra)))), client(*running.client), admin(admin_token(client)) {
        travel(start);
    }

    static std::vector<std::string> with_catalog(std::vector<std::string> args) {
        args.insert(args.end(), {"--catalog", demo_catalog_path()});
        return args;
    }

    void travel(const std::string& instant) {
        auto moved = send_json(client, "PUT", "/api/admin/clock", {{"now", instant}}, bearer(admin));
        INFO(moved->body);
        REQUIRE(moved->status == 200);
    }

    json availability(const std::string& instance, const std::string& query = "") {
        auto result = get(client, "/api/instances/" + instance + "/availability" + query);
        INFO(result->body);
        REQUIRE(result->status == 200);
        return body_json(result);
    }

    httplib::Result hold(const json& request, const httplib::Headers& headers = {}) {
        return send_json(client, "POST", "/api/holds", request, headers);
    }

    json hold_ok(const json& request, const httplib::Headers& headers = {}) {
        auto result = hold(request, headers);
        INFO(result->body);
        REQUIRE(result->status == 201);
        return body_json(result)["hold"];
    }
};

json seat_ref(const std::string& instance, const std::string& seat) { return {{"instance", instance}, {"seat", seat}}; }

std::int64_t seconds(const json& instant) { return encore::parse_instant(instant.get<std::string>())->unix_seconds; }

encore::Catalog demo_catalog() {
    auto load = encore::load_catalog(std::string_view(read_text(demo_catalog_path())));
    REQUIRE(load.problems.empty());
    return *load.catalog;
}

// The state character of a seat in the full availability form.
char state_of(const encore::Catalog& catalog, const json& availability, const std::string& seat) {
    const auto* instance = catalog.find_instance(encore::InstanceId{availability["instance"].get<std::string>()});
    const auto& plan = catalog.find_venue(instance->venue)->plan;
    return availability["seats"].get<std::string>().at(*plan.seat_index(encore::SeatId{seat}));
}

std::size_t held_count(const json& availability) {
    const std::string seats = availability["seats"];
    return static_cast<std::size_t>(std::count(seats.begin(), seats.end(), 'h'));
}

}  // namespace

TEST_CASE("a hold shows at once in availability and ?since= returns exactly its changes", "[holds]") {
    HoldServer s;
    const auto catalog = demo_catalog();
    const json before = s.availability(macbeth);
    const std::int64_t v0 = before["version"];

    const json hold = s.hold_ok({{"instance", macbeth}, {"seats", {"ST-A-2", "ST-A-1"}}});
    CHECK(hold["token"].get<std::string>().size() == 64);
    CHECK(hold["seats"] == json::array({seat_ref(macbeth, "ST-A-1"), seat_ref(macbeth, "ST-A-2")}));
    CHECK(seconds(hold["max_expires_at"]) - seconds(hold["expires_at"]) == 45 * 60);

    const json after = s.availability(macbeth);
    CHECK(after["version"] == v0 + 1);
    CHECK(held_count(after) == 2);
    CHECK(state_of(catalog, after, "ST-A-1") == 'h');
    CHECK(state_of(catalog, after, "ST-A-2") == 'h');

    const json changes = s.availability(macbeth, "?since=" + std::to_string(v0));
    CHECK(changes == json{{"instance", macbeth}, {"version", v0 + 1}, {"since", v0},
                          {"changes", {{{"seat", "ST-A-1"}, {"state", "h"}}, {{"seat", "ST-A-2"}, {"state", "h"}}}}});
    CHECK(s.availability(macbeth, "?since=" + std::to_string(v0 + 1))["changes"] == json::array());
    for (const std::string& odd : std::vector<std::string>{"abc", "-1", "1.5", std::to_string(v0 + 5), ""}) {
        INFO("since=" << odd);
        const json full = s.availability(macbeth, "?since=" + odd);
        CHECK(full["seats"] == after["seats"]);
        CHECK(!full.contains("changes"));
    }

    auto read = get(s.client, "/api/holds/" + hold["token"].get<std::string>());
    REQUIRE(read->status == 200);
    CHECK(body_json(read)["hold"] == hold);
}

TEST_CASE("a seat already held gets 409 naming it and nothing of the second request is held", "[holds]") {
    HoldServer s;
    s.hold_ok({{"instance", macbeth}, {"seats", {"ST-B-5"}}});
    const std::int64_t version = s.availability(macbeth)["version"];

    auto second = s.hold({{"instance", macbeth}, {"seats", {"ST-B-4", "ST-B-5", "ST-B-6"}}});
    require_problem(second, 409, "seats_unavailable");
    CHECK(body_json(second)["seats"] == json::array({seat_ref(macbeth, "ST-B-5")}));

    const json after = s.availability(macbeth);
    CHECK(after["version"] == version);
    CHECK(held_count(after) == 1);
}

TEST_CASE("a series hold takes its seat at every instance of the group, or nothing", "[holds]") {
    HoldServer s;
    const auto catalog = demo_catalog();
    s.hold_ok({{"instance", cherry}, {"seats", {"DC-B-10"}}});

    auto blocked = s.hold({{"series", "five-play-package"}, {"group", "tue"}, {"seat", "DC-B-10"}});
    require_problem(blocked, 409, "seats_unavailable");
    CHECK(body_json(blocked)["seats"] == json::array({seat_ref(cherry, "DC-B-10")}));
    CHECK(held_count(s.availability(macbeth)) == 0);

    const json series = s.hold_ok({{"series", "five-play-package"}, {"group", "tue"}, {"seat", "DC-B-11"}});
    const auto* group = catalog.find_series(encore::ProductId{"five-play-package"})->find_group(encore::SeriesGroupId{"tue"});
    REQUIRE(series["seats"].size() == group->instances.size());
    for (const auto& instance : group->instances)
        CHECK(state_of(catalog, s.availability(instance.value), "DC-B-11") == 'h');
}

TEST_CASE("a locked seat is refused by the core unless the basket brings the membership", "[holds]") {
    HoldServer s;
    auto anonymous = s.hold({{"instance", macbeth}, {"seats", {"DC-A-20"}}});
    require_problem(anonymous, 422, "hold_refused");
    const json problems = body_json(anonymous)["problems"];
    REQUIRE(problems.size() == 1);
    CHECK(problems[0]["code"] == "locked_seat");
    CHECK(problems[0]["line"] == 0);
    CHECK(held_count(s.availability(macbeth)) == 0);

    const json member = s.hold_ok({{"instance", macbeth}, {"seats", {"DC-A-20"}}, {"basket", friends_basket}});
    CHECK(member["seats"] == json::array({seat_ref(macbeth, "DC-A-20")}));
}

TEST_CASE("priority windows are judged at the server clock, counting the basket", "[holds]") {
    HoldServer s({}, "2026-11-10T12:00:00Z");  // the Friends' window for Earnest opens on 16 Nov
    const json request = {{"instance", earnest}, {"seats", {"ST-C-3"}}};
    json with_membership = request;
    with_membership["basket"] = friends_basket;

    auto early = s.hold(with_membership);
    require_problem(early, 422, "hold_refused");
    CHECK(body_json(early)["problems"][0]["code"] == "priority_window_not_open");

    s.travel("2026-12-05T12:00:00Z");
    auto anonymous = s.hold(request);
    require_problem(anonymous, 422, "hold_refused");
    CHECK(body_json(anonymous)["problems"][0]["code"] == "priority_window_closed");
    s.hold_ok(with_membership);
}

TEST_CASE("extend stops at the cap, release drops seats, delete frees the rest", "[holds]") {
    HoldServer s({"--hold-minutes", "15", "--hold-cap-minutes", "20"});
    const json hold = s.hold_ok({{"instance", macbeth}, {"seats", {"ST-D-1", "ST-D-2", "ST-D-3"}}});
    const std::string path = "/api/holds/" + hold["token"].get<std::string>();

    s.travel("2026-11-21T12:10:00Z");
    auto extended = send(s.client, "POST", path + "/extend", "");
    REQUIRE(extended->status == 200);
    CHECK(body_json(extended)["hold"]["expires_at"] == hold["max_expires_at"]);

    auto released = send_json(s.client, "POST", path + "/release", {{"seats", {seat_ref(macbeth, "ST-D-2")}}});
    REQUIRE(released->status == 200);
    CHECK(body_json(released)["hold"]["seats"] ==
          json::array({seat_ref(macbeth, "ST-D-1"), seat_ref(macbeth, "ST-D-3")}));
    CHECK(held_count(s.availability(macbeth)) == 2);

    auto stranger = send_json(s.client, "POST", path + "/release", {{"seats", {seat_ref(macbeth, "ST-D-9")}}});
    require_problem(stranger, 422, "invalid_request");
    CHECK(body_json(stranger)["field"] == "seats/0");

    auto adding = s.hold({{"instance", macbeth}, {"seats", {"ST-D-5"}}, {"hold", hold["token"]}});
    REQUIRE(adding->status == 201);
    CHECK(body_json(adding)["hold"]["seats"].size() == 3);
    CHECK(body_json(adding)["hold"]["expires_at"] == hold["max_expires_at"]);

    CHECK(send(s.client, "DELETE", path, "")->status == 204);
    require_problem(get(s.client, path), 404, "hold_not_found");
    require_problem(send(s.client, "DELETE", path, ""), 404, "hold_not_found");
    CHECK(held_count(s.availability(macbeth)) == 0);
}

TEST_CASE("an expired hold frees its seats without any request touching it", "[holds]") {
    HoldServer s;
    const json hold = s.hold_ok({{"instance", macbeth}, {"seats", {"UC-A-1", "UC-A-2"}}});
    const std::int64_t version = s.availability(macbeth)["version"];

    s.travel("2026-11-21T12:16:00Z");
    json changes;
    for (int i = 0; i < 30; ++i) {
        changes = s.availability(macbeth, "?since=" + std::to_string(version));
        if (!changes["changes"].empty()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(changes["changes"] == json{{{"seat", "UC-A-1"}, {"state", "o"}}, {{"seat", "UC-A-2"}, {"state", "o"}}});
    require_problem(get(s.client, "/api/holds/" + hold["token"].get<std::string>()), 404, "hold_not_found");
    s.hold_ok({{"instance", macbeth}, {"seats", {"UC-A-1"}}});
}

TEST_CASE("a seat kept by an expired hold not yet swept can be held at once, with the seats beside it", "[holds]") {
    HoldServer s;
    const json old = s.hold_ok({{"instance", macbeth}, {"seats", {"UC-B-1", "UC-B-2"}}});
    s.travel("2026-11-21T12:16:00Z");
    // Straight after the clock moves, before the once-a-second sweep (whichever comes first, the seat is free).
    const json fresh = s.hold_ok({{"instance", macbeth}, {"seats", {"UC-B-3", "UC-B-1"}}});
    CHECK(fresh["seats"] == json::array({seat_ref(macbeth, "UC-B-1"), seat_ref(macbeth, "UC-B-3")}));
    const encore::Catalog catalog = demo_catalog();
    const json availability = s.availability(macbeth);
    CHECK(state_of(catalog, availability, "UC-B-1") == 'h');
    CHECK(state_of(catalog, availability, "UC-B-3") == 'h');
    CHECK(state_of(catalog, availability, "UC-B-2") == 'o');
    require_problem(get(s.client, "/api/holds/" + old["token"].get<std::string>()), 404, "hold_not_found");
}

TEST_CASE("an abandoned hold ends within the grace time unless its page comes back and extends it", "[holds]") {
    HoldServer s({"--hold-grace-seconds", "20"});
    const std::string ada = register_customer(s.client, "ada@example.org")["token"];
    const json hold = s.hold_ok({{"instance", macbeth}, {"seats", {"UC-B-1", "UC-B-2"}}}, bearer(ada));
    const std::string path = "/api/holds/" + hold["token"].get<std::string>();
    const std::int64_t made = seconds(hold["expires_at"]);

    require_problem(send(s.client, "POST", path + "/abandon", ""), 404, "hold_not_found");  // only its owner's page
    auto abandoned = send(s.client, "POST", path + "/abandon", "", bearer(ada));
    REQUIRE(abandoned->status == 200);
    const std::int64_t soon = seconds(body_json(abandoned)["hold"]["expires_at"]);
    CHECK(soon < made);
    CHECK(soon <= encore::parse_instant("2026-11-21T12:00:21Z")->unix_seconds);  // the clock runs on a little
    CHECK(body_json(abandoned)["hold"]["seats"].size() == 2);
    CHECK(held_count(s.availability(macbeth)) == 2);  // still held during the grace time

    // A reload: the page reads its hold back and extends it to a full hold again.
    REQUIRE(get(s.client, path, bearer(ada))->status == 200);
    auto extended = send(s.client, "POST", path + "/extend", "", bearer(ada));
    REQUIRE(extended->status == 200);
    CHECK(seconds(body_json(extended)["hold"]["expires_at"]) >= made);

    // Closed for good: abandoned again, and past the grace time its seats are open without any request.
    REQUIRE(send(s.client, "POST", path + "/abandon", "", bearer(ada))->status == 200);
    const std::int64_t version = s.availability(macbeth)["version"];
    s.travel("2026-11-21T12:00:40Z");
    json changes;
    for (int i = 0; i < 30; ++i) {
        changes = s.availability(macbeth, "?since=" + std::to_string(version));
        if (!changes["changes"].empty()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(changes["changes"] == json{{{"seat", "UC-B-1"}, {"state", "o"}}, {{"seat", "UC-B-2"}, {"state", "o"}}});
    require_problem(send(s.client, "POST", path + "/abandon", "", bearer(ada)), 404, "hold_not_found");
}

TEST_CASE("abandoning never lengthens a hold", "[holds]") {
    HoldServer s({"--hold-minutes", "1", "--hold-grace-seconds", "600"});
    const json hold = s.hold_ok({{"instance", macbeth}, {"seats", {"UC-B-5"}}});
    auto abandoned = send(s.client, "POST", "/api/holds/" + hold["token"].get<std::string>() + "/abandon", "");
    REQUIRE(abandoned->status == 200);
    CHECK(body_json(abandoned)["hold"]["expires_at"] == hold["expires_at"]);
}

TEST_CASE("a customer's hold answers only to that customer's session", "[holds]") {
    HoldServer s;
    const std::string ada = register_customer(s.client, "ada@example.org")["token"];
    const std::string bob = register_customer(s.client, "bob@example.org")["token"];
    const json hold = s.hold_ok({{"instance", macbeth}, {"seats", {"ST-E-1"}}}, bearer(ada));
    const std::string path = "/api/holds/" + hold["token"].get<std::string>();

    CHECK(get(s.client, path, bearer(ada))->status == 200);
    require_problem(get(s.client, path), 404, "hold_not_found");
    require_problem(get(s.client, path, bearer(bob)), 404, "hold_not_found");
    require_problem(send(s.client, "POST", path + "/extend", "", bearer(bob)), 404, "hold_not_found");
    require_problem(send(s.client, "DELETE", path, "", bearer(bob)), 404, "hold_not_found");
    require_problem(s.hold({{"instance", macbeth}, {"seats", {"ST-E-2"}}, {"hold", hold["token"]}}), 404, "hold_not_found");
    CHECK(send(s.client, "DELETE", path, "", bearer(ada))->status == 204);
}

TEST_CASE("only staff hold on the box_office channel", "[holds]") {
    HoldServer s;
    const std::string customer = register_customer(s.client, "cy@example.org")["token"];
    const std::string staff = token_with_role(s.client, "staff", "staff@example.org");
    const json request = {{"instance", macbeth}, {"seats", {"ST-F-1"}}, {"channel", "box_office"}};
    require_problem(s.hold(request), 403, "forbidden");
    require_problem(s.hold(request, bearer(customer)), 403, "forbidden");
    s.hold_ok(request, bearer(staff));
}

TEST_CASE("hold requests beyond the per-client rate get 429 with Retry-After", "[holds]") {
    HoldServer s({"--hold-rate", "5"});
    for (int i = 0; i < 5; ++i) CHECK(s.hold({{"instance", macbeth}, {"seats", {"ST-G-" + std::to_string(i + 1)}}})->status == 201);
    auto limited = s.hold({{"instance", macbeth}, {"seats", {"ST-G-9"}}});
    require_problem(limited, 429, "rate_limited");
    CHECK(std::stoi(limited->get_header_value("Retry-After")) >= 1);
}

TEST_CASE("malformed hold requests are refused naming the field and leave nothing held", "[holds]") {
    HoldServer s;
    require_problem(send(s.client, "POST", "/api/holds", "{\"instance\":"), 400, "malformed_json");

    const auto field_of = [&](const json& request, const std::string& field) {
        INFO(request.dump());
        auto result = s.hold(request);
        require_problem(result, 422, "invalid_request");
        CHECK(body_json(result)["field"] == field);
    };
    field_of(json::array(), "");
    field_of({{"instance", 5}, {"seats", {"ST-A-1"}}}, "instance");
    field_of({{"instance", macbeth}}, "seats");
    field_of({{"instance", macbeth}, {"seats", "ST-A-1"}}, "seats");
    field_of({{"instance", macbeth}, {"seats", json::array()}}, "seats");
    field_of({{"instance", macbeth}, {"seats", {"ST-A-1", 7}}}, "seats/1");
    field_of({{"instance", macbeth}, {"seats", {"ST A 1"}}}, "seats/0");
    field_of({{"instance", macbeth}, {"seats", {"ST-A-1"}}, {"colour", "red"}}, "colour");
    field_of({{"instance", macbeth}, {"seats", {"ST-A-1"}}, {"hold", 12}}, "hold");
    field_of({{"instance", macbeth}, {"seats", {"ST-A-1"}}, {"channel", "phone"}}, "channel");
    field_of({{"instance", macbeth}, {"seats", {"ST-A-1"}}, {"basket", {{"lines", {{{"kind", "boat"}}}}}}}, "basket/lines/0/kind");
    field_of({{"series", "five-play-package"}, {"seat", "DC-B-1"}}, "group");
    json many = json::array();
    for (int i = 1; i <= 51; ++i) many.push_back("ST-A-" + std::to_string(i));
    field_of({{"instance", macbeth}, {"seats", many}}, "seats");

    require_problem(s.hold({{"instance", "hamlet-2027-01-01"}, {"seats", {"ST-A-1"}}}), 404, "instance_not_found");
    auto unknown_seat = s.hold({{"instance", macbeth}, {"seats", {"ST-A-1", "ZZ-9"}}});
    require_problem(unknown_seat, 422, "hold_refused");
    CHECK(body_json(unknown_seat)["problems"][0] == json{{"line", 1}, {"code", "unknown_seat"},
                                                         {"message", body_json(unknown_seat)["problems"][0]["message"]}});
    require_problem(s.hold({{"instance", macbeth}, {"seats", {"ST-A-1"}}, {"hold", "not-a-token"}}), 404, "hold_not_found");

    const json after = s.availability(macbeth);
    CHECK(after["version"] == 0);
    CHECK(held_count(after) == 0);
}
