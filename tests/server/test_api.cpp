// The read API over loopback: health, catalog with ETag, availability, and the API's error answers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "encore/catalog_json.hpp"
#include "store/migrations.hpp"
#include "server_fixture.hpp"

using namespace encore::test;

namespace {

encore::Catalog small_catalog() {
    auto load = encore::load_catalog(std::string_view(read_text(fixture("small_catalog.json"))));
    REQUIRE(load.problems.empty());
    return *load.catalog;
}

void require_problem(const httplib::Result& result, int status, const std::string& code) {
    CHECK(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    auto problem = body_json(result);
    CHECK(problem["status"] == status);
    CHECK(problem["code"] == code);
    CHECK(problem["title"].is_string());
    CHECK(!problem["detail"].get<std::string>().empty());
    CHECK(problem["type"].is_string());
}

const int latest_schema = encore::server::migrations().back().version;

}  // namespace

TEST_CASE("health reports schema version, catalog and instance count", "[api]") {
    RunningServer running(RunningServer::small_catalog());
    auto result = get(*running.client, "/api/health");
    REQUIRE(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    auto health = body_json(result);
    REQUIRE(health["now"].is_string());
    CHECK(encore::parse_instant(health["now"].get<std::string>()));
    health.erase("now");
    CHECK(health == nlohmann::json{{"status", "ok"}, {"schema_version", latest_schema}, {"catalog", true},
                                   {"instances", 4}});
}

TEST_CASE("without a catalog the API says so with 503 catalog_missing", "[api]") {
    RunningServer running;
    auto health = body_json(get(*running.client, "/api/health"));
    CHECK(health["catalog"] == false);
    CHECK(health["instances"] == 0);
    require_problem(get(*running.client, "/api/catalog"), 503, "catalog_missing");
    require_problem(get(*running.client, "/api/instances/tempest-2027-01-12-e/availability"), 503, "catalog_missing");
}

TEST_CASE("catalog is the normalised fixture with a strong ETag and a 304 round trip", "[api]") {
    RunningServer running(RunningServer::small_catalog());
    auto result = get(*running.client, "/api/catalog");
    REQUIRE(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    CHECK(result->get_header_value("Cache-Control") == "no-cache");
    CHECK(result->body == encore::catalog_to_json(small_catalog()).dump());
    const std::string etag = result->get_header_value("ETag");
    CHECK(std::regex_match(etag, std::regex(R"("[0-9a-f]{16}")")));

    for (const std::string& header : {etag, "W/" + etag, "\"0000000000000000\", " + etag, std::string("*")}) {
        auto cached = get(*running.client, "/api/catalog", {{"If-None-Match", header}});
        CHECK(cached->status == 304);
        CHECK(cached->body.empty());
        CHECK(cached->get_header_value("ETag") == etag);
    }
    auto accepting_brotli = get(*running.client, "/api/catalog", {{"Accept-Encoding", "br, gzip"}});
    CHECK(accepting_brotli->get_header_value("Content-Encoding") == "gzip");  // gzip only, compressed once
    CHECK(accepting_brotli->body == result->body);
    auto changed = get(*running.client, "/api/catalog", {{"If-None-Match", "\"0000000000000000\""}});
    CHECK(changed->status == 200);
    CHECK(changed->body == result->body);
}

TEST_CASE("availability of a fresh database: every seat of the instance's plan open", "[api]") {
    RunningServer running(RunningServer::small_catalog());
    const encore::Catalog catalog = small_catalog();
    for (const encore::Instance& instance : catalog.instances) {
        auto result = get(*running.client, "/api/instances/" + instance.id.value + "/availability");
        REQUIRE(result->status == 200);
        CHECK(result->get_header_value("Content-Type") == "application/json");
        auto availability = body_json(result);
        const std::size_t seats = catalog.find_venue(instance.venue)->plan.seats.size();
        CHECK(availability["instance"] == instance.id.value);
        CHECK(availability["version"] == 0);
        CHECK(availability["seat_count"] == seats);
        CHECK(availability["seats"] == std::string(seats, 'o'));
    }
    auto studio = body_json(get(*running.client, "/api/instances/tempest-studio-2027-01-14-m/availability"));
    CHECK(studio["seat_count"] == 10);
}

TEST_CASE("unknown instance is a 404 problem naming the id", "[api]") {
    RunningServer running(RunningServer::small_catalog());
    auto result = get(*running.client, "/api/instances/hamlet-2027-01-01/availability");
    require_problem(result, 404, "instance_not_found");
    CHECK(body_json(result)["detail"].get<std::string>().find("hamlet-2027-01-01") != std::string::npos);
    CHECK(body_json(result)["type"] == "/problems/instance_not_found");
}

TEST_CASE("an invalid instance id is a 400 problem", "[api]") {
    RunningServer running(RunningServer::small_catalog());
    for (const std::string& id : {std::string("bad%20id"), std::string("a;b"), std::string(101, 'a'),
                                  std::string("%C3%A9t%C3%A9"), std::string("%00x"), std::string("")}) {
        INFO("id: " << id);
        require_problem(get(*running.client, "/api/instances/" + id + "/availability"), 400, "invalid_instance_id");
    }
    CHECK(get(*running.client, "/api/instances/" + std::string(100, 'a') + "/availability")->status == 404);
}

TEST_CASE("unknown API paths are 404 not_found problems", "[api]") {
    RunningServer running(RunningServer::small_catalog());
    for (const char* path : {"/api", "/api/", "/api/nope", "/api/instances/tempest-2027-01-12-e", "/api/health/x"}) {
        INFO("path: " << path);
        auto result = get(*running.client, path);
        require_problem(result, 404, "not_found");
        CHECK(body_json(result)["type"] == "about:blank");
    }
    auto post = running.client->Post("/api/nope", "{}", "application/json");
    REQUIRE(post);
    require_problem(post, 404, "not_found");
}

TEST_CASE("a wrong method on an API path is a 405 problem with Allow", "[api]") {
    RunningServer running(RunningServer::small_catalog());
    auto post = running.client->Post("/api/health", "{}", "application/json");
    REQUIRE(post);
    require_problem(post, 405, "method_not_allowed");
    CHECK(post->get_header_value("Allow") == "GET, HEAD, OPTIONS");
    auto del = running.client->Delete("/api/instances/tempest-2027-01-12-e/availability");
    REQUIRE(del);
    require_problem(del, 405, "method_not_allowed");
    auto options = running.client->Options("/api/catalog");
    REQUIRE(options);
    CHECK(options->status == 204);
    CHECK(options->get_header_value("Allow") == "GET, HEAD, OPTIONS");
}

TEST_CASE("static files are served from the web root", "[api][static]") {
    TempDir web;
    write_text(web.path() / "index.html", "<!doctype html><title>Encore</title>");
    write_text(web.path() / "app.wasm", std::string("\0asm\1\0\0\0", 8));
    RunningServer running({"--web-root", web.path().string(), "--catalog", fixture("small_catalog.json")});

    auto index = get(*running.client, "/");
    REQUIRE(index->status == 200);
    CHECK(index->body == "<!doctype html><title>Encore</title>");
    CHECK(index->get_header_value("Content-Type") == "text/html");
    CHECK(index->get_header_value("Cache-Control") == "no-cache");
    auto wasm = get(*running.client, "/app.wasm");
    REQUIRE(wasm->status == 200);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    CHECK(wasm->body.size() == 8);
    CHECK(get(*running.client, "/missing.js")->status == 404);
    auto accepting_brotli = get(*running.client, "/", {{"Accept-Encoding", "br, gzip"}});
    CHECK(accepting_brotli->get_header_value("Content-Encoding").empty());
    CHECK(get(*running.client, "/../etc/passwd")->status >= 400);
    CHECK(get(*running.client, "/api/health")->status == 200);
}

TEST_CASE("every request is logged with method, path, status, bytes and duration", "[api][log]") {
    RunningServer running(RunningServer::small_catalog());
    auto result = get(*running.client, "/api/nope");
    get(*running.client, "/api/health");
    running.server.stop();
    const std::string log = running.server.log();
    CHECK(std::regex_search(log, std::regex("GET /api/nope 404 " + std::to_string(result->body.size()) +
                                            R"( \d+\.\dms\n)")));
    CHECK(std::regex_search(log, std::regex(R"(GET /api/health 200 \d+ \d+\.\dms\n)")));
}
