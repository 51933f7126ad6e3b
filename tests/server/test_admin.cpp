// Admin endpoints over loopback: role checks on every one, catalog changes validated by the core
// (refused changes leave the catalog and its ETag as they were), the clock, and account creation.
#include "account_helpers.hpp"

using namespace encore::test;

namespace {

struct Endpoint {
    std::string method;
    std::string path;
    std::string body;
};

const std::vector<Endpoint> admin_endpoints{
    {"PUT", "/api/admin/catalog", "{}"},
    {"PUT", "/api/admin/catalog/price_bands/A", R"({"id":"A","name":"Band A","color":"#000000"})"},
    {"DELETE", "/api/admin/catalog/price_bands/B", ""},
    {"GET", "/api/admin/clock", ""},
    {"PUT", "/api/admin/clock", R"({"reset":true})"},
    {"POST", "/api/admin/accounts", R"({"email":"x@example.org","name":"X","password":"xxxxxxxx","role":"admin"})"},
};

std::string catalog_etag(httplib::Client& client) {
    auto result = get(client, "/api/catalog");
    REQUIRE(result->status == 200);
    return result->get_header_value("ETag");
}

nlohmann::json new_event() {
    return {{"id", "hamlet"},   {"name", "Hamlet"},     {"description", "The Dane."},
            {"season", "2027-spring"}, {"venue", "little-hall"}, {"price_list", "standard"}};
}

nlohmann::json new_instance() {
    return {{"id", "hamlet-2027-03-01-e"},
            {"event", "hamlet"},
            {"starts_at", "2027-03-01T19:30:00Z"},
            {"on_sale", {{"web", "2026-11-01T10:00:00Z"}}}};
}

}  // namespace

TEST_CASE("every admin endpoint: anonymous 401, customer 403, staff 403", "[admin]") {
    RunningServer running(with_admin(RunningServer::small_catalog()));
    auto& client = *running.client;
    const std::string etag = catalog_etag(client);
    const std::string customer = register_customer(client, "cust@example.org")["token"];
    const std::string staff = token_with_role(client, "staff", "staff@example.org");
    for (const Endpoint& endpoint : admin_endpoints) {
        INFO(endpoint.method << " " << endpoint.path);
        require_problem(send(client, endpoint.method, endpoint.path, endpoint.body), 401, "unauthorized");
        require_problem(send(client, endpoint.method, endpoint.path, endpoint.body, bearer(customer)), 403, "forbidden");
        require_problem(send(client, endpoint.method, endpoint.path, endpoint.body, bearer(staff)), 403, "forbidden");
        require_problem(send(client, endpoint.method, endpoint.path, "{garbage", bearer(staff)), 403, "forbidden");
    }
    CHECK(catalog_etag(client) == etag);
    auto logged_in = send_json(client, "POST", "/api/auth/login", {{"email", "x@example.org"}, {"password", "xxxxxxxx"}});
    require_problem(logged_in, 401, "invalid_credentials");
}

TEST_CASE("admin creates accounts of each role; bad roles and taken emails are refused", "[admin]") {
    RunningServer running(with_admin());
    auto& client = *running.client;
    const std::string admin = admin_token(client);
    for (const std::string role : {"customer", "staff", "admin"}) {
        const std::string email = role + "@example.org";
        auto created = send_json(client, "POST", "/api/admin/accounts",
                                 {{"email", email}, {"name", "N"}, {"password", "password-1"}, {"role", role}},
                                 bearer(admin));
        REQUIRE(created->status == 201);
        CHECK(body_json(created)["account"]["role"] == role);
        CHECK(login(client, email, "password-1")["account"]["role"] == role);
    }
    auto bad_role = send_json(client, "POST", "/api/admin/accounts",
                              {{"email", "z@example.org"}, {"name", "Z"}, {"password", "password-1"}, {"role", "root"}},
                              bearer(admin));
    require_problem(bad_role, 422, "invalid_request");
    CHECK(body_json(bad_role)["field"] == "role");
    auto taken = send_json(client, "POST", "/api/admin/accounts",
                           {{"email", "STAFF@example.org"}, {"name", "S"}, {"password", "password-1"}, {"role", "staff"}},
                           bearer(admin));
    require_problem(taken, 409, "email_taken");
}

TEST_CASE("admin reads, moves and resets the server clock", "[admin]") {
    RunningServer running(with_admin());
    auto& client = *running.client;
    std::string admin = admin_token(client);
    auto now = body_json(send(client, "GET", "/api/admin/clock", "", bearer(admin)));
    CHECK(now["offset_seconds"] == 0);
    CHECK(encore::parse_instant(now["now"].get<std::string>()).has_value());

    auto moved = send_json(client, "PUT", "/api/admin/clock", {{"now", "2027-01-12T10:00:00Z"}}, bearer(admin));
    REQUIRE(moved->status == 200);
    const auto read = *encore::parse_instant(body_json(moved)["now"].get<std::string>());
    CHECK(std::abs(read.unix_seconds - encore::parse_instant("2027-01-12T10:00:00Z")->unix_seconds) <= 2);
    CHECK(body_json(moved)["offset_seconds"] != 0);
    admin = admin_token(client);  // the first session may have expired by the moved clock

    for (const nlohmann::json& bad : {nlohmann::json{{"now", "tomorrow"}}, nlohmann::json{{"now", 5}},
                                      nlohmann::json::object(), nlohmann::json{{"reset", false}}}) {
        auto refused = send_json(client, "PUT", "/api/admin/clock", bad, bearer(admin));
        require_problem(refused, 422, "invalid_request");
    }
    require_problem(send(client, "PUT", "/api/admin/clock", "{not json", bearer(admin)), 400, "malformed_json");
    auto reset = send_json(client, "PUT", "/api/admin/clock", {{"reset", true}}, bearer(admin));
    CHECK(body_json(reset)["offset_seconds"] == 0);
}

TEST_CASE("an invalid item is refused with the problem's path and the catalog is unchanged", "[admin]") {
    RunningServer running(with_admin(RunningServer::small_catalog()));
    auto& client = *running.client;
    const std::string admin = admin_token(client);
    const auto before = get(client, "/api/catalog");
    const std::string etag = before->get_header_value("ETag");

    nlohmann::json event = new_event();
    event["venue"] = "no-such-venue";
    auto refused = send_json(client, "PUT", "/api/admin/catalog/events/hamlet", event, bearer(admin));
    require_problem(refused, 422, "catalog_invalid");
    auto problems = body_json(refused)["problems"];
    REQUIRE(problems.size() == 1);
    CHECK(problems[0]["path"] == "/events/1/venue");
    CHECK(problems[0]["code"] == "unknown_reference");
    CHECK(problems[0]["message"].is_string());

    auto wrong_id = send_json(client, "PUT", "/api/admin/catalog/events/hamlet", nlohmann::json{{"id", "othello"}},
                              bearer(admin));
    require_problem(wrong_id, 422, "invalid_request");
    CHECK(body_json(wrong_id)["field"] == "id");
    require_problem(send_json(client, "PUT", "/api/admin/catalog/villains/iago", {{"id", "iago"}}, bearer(admin)), 404,
                    "unknown_section");
    require_problem(send_json(client, "PUT", "/api/admin/catalog/events/bad%20id", {{"id", "bad id"}}, bearer(admin)),
                    400, "invalid_item_id");
    require_problem(send(client, "PUT", "/api/admin/catalog/events/hamlet", "[1,", bearer(admin)), 400, "malformed_json");
    require_problem(send(client, "PUT", "/api/admin/catalog/events/hamlet", "[]", bearer(admin)), 422, "invalid_request");
    require_problem(send(client, "DELETE", "/api/admin/catalog/events/hamlet", "", bearer(admin)), 404, "item_not_found");

    auto after = get(client, "/api/catalog");
    CHECK(after->get_header_value("ETag") == etag);
    CHECK(after->body == before->body);
}

TEST_CASE("a new event and instance appear with a new ETag, have availability, and survive a restart", "[admin]") {
    TempDir dir;
    const std::vector<std::string> args = with_admin(
        {"--db", dir.database(), "--catalog", fixture("small_catalog.json")});
    std::string etag;
    {
        ServerProcess server(args, dir.file("first.log"));
        auto client = server.client();
        const std::string admin = admin_token(*client);
        const std::string old_etag = catalog_etag(*client);

        auto event = send_json(*client, "PUT", "/api/admin/catalog/events/hamlet", new_event(), bearer(admin));
        REQUIRE(event->status == 201);
        CHECK(body_json(event)["item"]["name"] == "Hamlet");
        auto instance = send_json(*client, "PUT", "/api/admin/catalog/instances/hamlet-2027-03-01-e", new_instance(),
                                  bearer(admin));
        REQUIRE(instance->status == 201);
        etag = body_json(instance)["etag"];
        CHECK(instance->get_header_value("ETag") == etag);
        CHECK(etag != old_etag);
        CHECK(catalog_etag(*client) == etag);

        auto catalog = body_json(get(*client, "/api/catalog"));
        auto& instances = catalog["instances"];
        CHECK(std::any_of(instances.begin(), instances.end(),
                          [](const nlohmann::json& i) { return i["id"] == "hamlet-2027-03-01-e"; }));
        auto availability = get(*client, "/api/instances/hamlet-2027-03-01-e/availability");
        REQUIRE(availability->status == 200);
        CHECK(body_json(availability)["version"] == 0);

        nlohmann::json renamed = new_event();
        renamed["name"] = "Hamlet, Prince of Denmark";
        auto replaced = send_json(*client, "PUT", "/api/admin/catalog/events/hamlet", renamed, bearer(admin));
        REQUIRE(replaced->status == 200);
        etag = body_json(replaced)["etag"];
    }
    ServerProcess again(args, dir.file("second.log"));
    auto client = again.client();
    CHECK(catalog_etag(*client) == etag);
    CHECK(get(*client, "/api/instances/hamlet-2027-03-01-e/availability")->status == 200);
}

TEST_CASE("deleting a band still used by seats is refused; an unused item can be deleted", "[admin]") {
    RunningServer running(with_admin(RunningServer::small_catalog()));
    auto& client = *running.client;
    const std::string admin = admin_token(client);
    const std::string etag = catalog_etag(client);

    auto refused = send(client, "DELETE", "/api/admin/catalog/price_bands/A", "", bearer(admin));
    require_problem(refused, 422, "catalog_invalid");
    auto problems = body_json(refused)["problems"];
    REQUIRE(!problems.empty());
    CHECK(problems[0]["code"] == "unknown_reference");
    CHECK(catalog_etag(client) == etag);

    auto added = send_json(client, "PUT", "/api/admin/catalog/price_bands/Z",
                           {{"id", "Z"}, {"name", "Band Z"}, {"color", "#123456"}}, bearer(admin));
    REQUIRE(added->status == 201);
    auto deleted = send(client, "DELETE", "/api/admin/catalog/price_bands/Z", "", bearer(admin));
    CHECK(deleted->status == 204);
    CHECK(catalog_etag(client) == etag);
}

TEST_CASE("a whole catalog is replaced only when valid", "[admin]") {
    RunningServer running(with_admin(RunningServer::small_catalog()));
    auto& client = *running.client;
    const std::string admin = admin_token(client);
    const auto before = get(client, "/api/catalog");
    const std::string etag = before->get_header_value("ETag");
    nlohmann::json document = body_json(before);

    nlohmann::json broken = document;
    broken["currency"] = "pounds";
    auto refused = send_json(client, "PUT", "/api/admin/catalog", broken, bearer(admin));
    require_problem(refused, 422, "catalog_invalid");
    CHECK(body_json(refused)["problems"][0]["path"] == "/currency");
    require_problem(send(client, "PUT", "/api/admin/catalog", "{\"format\":", bearer(admin)), 400, "malformed_json");
    require_problem(send_json(client, "PUT", "/api/admin/catalog", document, {{"Authorization", "Bearer " + admin},
                                                                             {"If-Match", "\"0000000000000000\""}}),
                    412, "catalog_changed");
    CHECK(catalog_etag(client) == etag);

    document["events"][0]["name"] = "The Tempest (revival)";
    auto replaced = send_json(client, "PUT", "/api/admin/catalog", document,
                              {{"Authorization", "Bearer " + admin}, {"If-Match", etag}});
    REQUIRE(replaced->status == 200);
    CHECK(body_json(replaced)["instances"] == 4);
    const std::string new_etag = catalog_etag(client);
    CHECK(new_etag != etag);
    CHECK(body_json(get(client, "/api/catalog"))["events"][0]["name"] == "The Tempest (revival)");
}

TEST_CASE("a catalog can be put into a database without one", "[admin]") {
    RunningServer running(with_admin());
    auto& client = *running.client;
    const std::string admin = admin_token(client);
    require_problem(get(client, "/api/catalog"), 503, "catalog_missing");
    require_problem(send_json(client, "PUT", "/api/admin/catalog/events/hamlet", new_event(), bearer(admin)), 503,
                    "catalog_missing");
    auto put = send(client, "PUT", "/api/admin/catalog", read_text(fixture("small_catalog.json")), bearer(admin));
    REQUIRE(put->status == 200);
    CHECK(get(client, "/api/catalog")->status == 200);
    CHECK(get(client, "/api/instances/tempest-2027-01-12-e/availability")->status == 200);
}

TEST_CASE("an instance with sold seats cannot be removed", "[admin]") {
    RunningServer running(with_admin(RunningServer::small_catalog(true)));
    auto& client = *running.client;
    const std::string admin = admin_token(client);
    const std::string etag = catalog_etag(client);
    auto catalog = body_json(get(client, "/api/catalog"));
    std::string marked;
    for (const auto& instance : catalog["instances"]) {
        auto availability = body_json(get(client, "/api/instances/" + instance["id"].get<std::string>() + "/availability"));
        if (availability["seats"].get<std::string>().find_first_not_of('o') != std::string::npos) marked = instance["id"];
    }
    REQUIRE(!marked.empty());
    auto refused = send(client, "DELETE", "/api/admin/catalog/instances/" + marked, "", bearer(admin));
    require_problem(refused, 409, "instance_in_use");
    CHECK(catalog_etag(client) == etag);
}
