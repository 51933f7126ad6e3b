// Keeps server/http/openapi.json true: it is served, every documented operation is a row of the route
// table (app/api_routes.hpp) and answers, every row is documented, and real calls answer documented
// statuses with the fields the documented schemas require.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "openapi_support.hpp"
#include "renewals_fixture.hpp"
#include "server_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

// True if the route table has a row for this method ("get" ...) whose pattern matches the concrete path.
bool table_routes(const std::string& method, const std::string& concrete) {
    for (const auto& route : encore::server::api_routes())
        if (document_method(route.method) == method && std::regex_match(concrete, std::regex(route.pattern))) return true;
    return false;
}

httplib::Result send(httplib::Client& client, const std::string& method, const std::string& path,
                     const httplib::Headers& headers = {}, const std::string& body = "{}") {
    httplib::Result result = method == "get"      ? client.Get(path.c_str(), headers)
                             : method == "post"   ? client.Post(path.c_str(), headers, body, "application/json")
                             : method == "put"    ? client.Put(path.c_str(), headers, body, "application/json")
                             : method == "patch"  ? client.Patch(path.c_str(), headers, body, "application/json")
                                                  : client.Delete(path.c_str(), headers);
    if (!result) throw std::runtime_error("no answer to " + method + " " + path);
    return result;
}

// The catch-all answers: no route at all, or not for this method.
bool falls_through(const httplib::Result& result) {
    if (result->status == 405) return true;
    if (result->status != 404) return false;
    auto body = json::parse(result->body, nullptr, false);
    return body.is_object() && body.value("code", "") == "not_found";
}

const json& resolve(const json& schema) {
    if (!schema.contains("$ref")) return schema;
    std::string name = schema["$ref"].get<std::string>().substr(std::string("#/components/schemas/").size());
    return openapi_file()["components"]["schemas"].at(name);
}

// Problems of `value` against the documented schema's required members, recursively.
void check_required(const json& schema_in, const json& value, const std::string& where, std::vector<std::string>& out) {
    const json& schema = resolve(schema_in);
    if (schema.contains("oneOf")) {
        for (const auto& branch : schema["oneOf"]) {
            std::vector<std::string> branch_problems;
            check_required(branch, value, where, branch_problems);
            if (branch_problems.empty()) return;
        }
        out.push_back(where + ": matches none of the documented alternatives");
        return;
    }
    if (schema.value("type", "") == "array" && value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            check_required(schema["items"], value[i], where + "/" + std::to_string(i), out);
        return;
    }
    if (schema.value("type", "") != "object") return;
    if (value.is_null() && schema.value("nullable", false)) return;
    if (!value.is_object()) {
        out.push_back(where + ": is not an object");
        return;
    }
    const json required = schema.value("required", json::array());
    for (const auto& name : required)
        if (!value.contains(name.get<std::string>())) out.push_back(where + ": lacks required \"" + name.get<std::string>() + "\"");
    const json properties = schema.value("properties", json::object());
    for (const auto& [name, property] : properties.items())
        if (value.contains(name)) check_required(property, value[name], where + "/" + name, out);
}

// The answer's status is documented for the operation, and a JSON success body has the required fields.
void require_documented(const std::string& method, const std::string& path_template, const httplib::Result& result) {
    INFO(method << " " << path_template << " answered " << result->status << ": " << result->body.substr(0, 300));
    const json& operation = openapi_file()["paths"][path_template][method];
    const json& responses = operation["responses"];
    REQUIRE(responses.contains(std::to_string(result->status)));
    const json& documented = responses[std::to_string(result->status)];
    if (result->status >= 300 || !documented.contains("content")) return;
    std::vector<std::string> problems;
    check_required(documented["content"]["application/json"]["schema"], json::parse(result->body), "body", problems);
    for (const auto& problem : problems) INFO(problem);
    CHECK(problems.empty());
}

const std::set<std::string> http_methods{"get", "post", "put", "patch", "delete"};

}  // namespace

TEST_CASE("GET /api/openapi.json serves the embedded document, a well-formed OpenAPI 3.0 description", "[openapi]") {
    RunningServer running;
    auto result = get(*running.client, "/api/openapi.json");
    REQUIRE(result->status == 200);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    const json served = body_json(result);
    CHECK(served == openapi_file());
    CHECK(served["openapi"].get<std::string>().rfind("3.0.", 0) == 0);
    const std::string text = result->body;
    const std::regex reference(R"re("\$ref": ?"#/components/(\w+)/(\w+)")re");
    for (std::sregex_iterator it(text.begin(), text.end(), reference), end; it != end; ++it) {
        INFO("unresolved $ref " << (*it)[0].str());
        CHECK(served["components"][(*it)[1].str()].contains((*it)[2].str()));
    }
    for (const auto& [path, item] : served["paths"].items()) {
        CHECK(path.rfind("/api/", 0) == 0);
        for (const auto& [method, operation] : item.items()) {
            INFO(method << " " << path);
            CHECK(http_methods.count(method) == 1);
            CHECK(!operation["responses"].empty());
            CHECK(operation.contains("operationId"));
        }
    }
    CHECK(running.client->Post("/api/openapi.json", "{}", "application/json")->status == 405);
}

TEST_CASE("every documented operation is a row of the route table and answers a documented status", "[openapi]") {
    RunningServer running(RunningServer::small_catalog());
    for (const auto& [path, item] : openapi_file()["paths"].items())
        for (const auto& [method, operation] : item.items()) {
            INFO(method << " " << path);
            CHECK(table_routes(method, sample_of_template(path)));
            auto result = send(*running.client, method, sample_of_template(path));
            INFO("answered " << result->status << " " << result->body.substr(0, 200));
            CHECK_FALSE(falls_through(result));
            CHECK(operation["responses"].contains(std::to_string(result->status)));
        }
}

TEST_CASE("every row of the route table is in the document, and its patterns answer no other method", "[openapi]") {
    std::set<std::string> patterns;
    for (const auto& route : encore::server::api_routes()) {
        const std::string sample = sample_of_pattern(route.pattern);
        INFO("route " << document_method(route.method) << " " << route.pattern << " (as " << sample << ")");
        const std::string path = documented_path(sample);
        REQUIRE(!path.empty());
        CHECK(openapi_file()["paths"][path].contains(document_method(route.method)));
        patterns.insert(route.pattern);
    }
    RunningServer running(RunningServer::small_catalog());
    for (const auto& pattern : patterns) {
        const std::string sample = sample_of_pattern(pattern);
        const std::string path = documented_path(sample);
        INFO("pattern " << pattern << " (as " << sample << ")");
        for (const auto& method : http_methods) {
            auto result = send(*running.client, method, sample);
            if (falls_through(result)) continue;
            INFO(method << " answered " << result->status);
            CHECK(openapi_file()["paths"][path].contains(method));
        }
    }
}

TEST_CASE("real calls answer documented statuses with the documented required fields", "[openapi]") {
    RunningServer running({"--catalog", fixture("contention_catalog.json"), "--fast-password-hashing"});
    auto& client = *running.client;
    require_documented("get", "/api/health", get(client, "/api/health"));
    auto catalog_reply = get(client, "/api/catalog");
    require_documented("get", "/api/catalog", catalog_reply);
    const encore::Catalog catalog = *encore::load_catalog(std::string_view(catalog_reply->body)).catalog;
    const std::string instance = catalog.instances.front().id.value;
    require_documented("get", "/api/instances/{id}/availability", get(client, "/api/instances/" + instance + "/availability"));
    require_documented("get", "/api/instances/{id}/availability", get(client, "/api/instances/no-such-instance/availability"));
    require_documented("get", "/api/me", get(client, "/api/me"));  // 401

    auto reg = client.Post("/api/auth/register", R"({"email":"doc@test.example","name":"Doc","password":"doc-password-1"})",
                           "application/json");
    require_documented("post", "/api/auth/register", reg);
    const httplib::Headers auth{{"Authorization", "Bearer " + body_json(reg)["token"].get<std::string>()}};
    require_documented("get", "/api/me", get(client, "/api/me", auth));
    require_documented("get", "/api/me/customer", get(client, "/api/me/customer", auth));
    auto card = send(client, "post", "/api/me/cards", auth, R"({"number":"4242424242424242","expiry":"12/30","cvc":"123"})");
    require_documented("post", "/api/me/cards", card);

    const json hold_request{{"instance", instance}, {"seats", {"ST-A-1"}}};
    auto hold = send(client, "post", "/api/holds", auth, hold_request.dump());
    require_documented("post", "/api/holds", hold);
    require_documented("post", "/api/holds", send(client, "post", "/api/holds", auth, hold_request.dump()));  // 409
    const std::string hold_token = body_json(hold)["hold"]["token"];
    require_documented("get", "/api/holds/{token}", get(client, "/api/holds/" + hold_token, auth));

    encore::Basket basket;
    encore::BasketLine line;
    line.instance = encore::InstanceId{instance};
    line.seat = encore::SeatId{"ST-A-1"};
    line.ticket_type = encore::TicketTypeId{"adult"};
    basket.lines.push_back(line);
    const auto priced = encore::price_basket(catalog, basket, {}, {static_cast<std::int64_t>(std::time(nullptr))});
    REQUIRE(priced.valid);
    const json order_request{{"basket", encore::basket_to_json(basket)}, {"holds", {hold_token}},
                             {"expected", {{"total", priced.total}, {"lines", {priced.lines[0].total}}}},
                             {"payment", {{"method", "card"}, {"card_token", body_json(card)["card"]["token"]}}}};
    httplib::Headers keyed = auth;
    keyed.emplace("Idempotency-Key", "openapi-test-1");
    auto order = send(client, "post", "/api/orders", keyed, order_request.dump());
    require_documented("post", "/api/orders", order);
    require_documented("post", "/api/orders", send(client, "post", "/api/orders", keyed, order_request.dump()));  // replay
    const std::string reference = body_json(order)["order"]["reference"];
    require_documented("get", "/api/orders/{reference}", get(client, "/api/orders/" + reference, auth));
    require_documented("get", "/api/orders/{reference}", get(client, "/api/orders/not-an-order", auth));  // 404
    require_documented("get", "/api/me/orders", get(client, "/api/me/orders", auth));
    require_documented("get", "/api/me/subscriptions", get(client, "/api/me/subscriptions", auth));
    require_documented("get", "/api/openapi.json", get(client, "/api/openapi.json"));
}

TEST_CASE("the renewal, box-office and webhook endpoints answer documented statuses with the documented fields", "[openapi][renewals]") {
    Campaign c({"--webhook-retry-seconds", "1"});
    const std::string alice = c.register_customer("doc-alice@test.example");
    const std::string card = c.store_card(alice, approved_card);
    c.buy_series(alice, "sub27", "tue", {"ST-B-1"}, card_payment(card));
    const long long id = c.only_record(alice);
    const std::string record = "/api/me/subscriber-records/" + std::to_string(id);
    const httplib::Headers as_alice{{"Authorization", "Bearer " + alice}}, as_admin{{"Authorization", "Bearer " + c.admin}};
    auto& client = *c.running.client;
    require_documented("get", "/api/me/subscriber-records", get(client, "/api/me/subscriber-records", as_alice));
    require_documented("get", "/api/me/subscriber-records/{id}", get(client, record, as_alice));
    require_documented("get", "/api/me/subscriber-records/{id}", get(client, "/api/me/subscriber-records/999", as_alice));
    require_documented("get", "/api/me/subscriber-records/{id}/history", get(client, record + "/history", as_alice));
    require_documented("get", "/api/me/holds", get(client, "/api/me/holds", as_alice));
    c.move_to("2027-03-02T10:00:00Z");
    require_documented("post", "/api/me/subscriber-records/{id}/actions",
                       send(client, "post", record + "/actions", as_alice, R"({"action":"renew","instalments":12,"payment":{"method":"card","card_token":")" + card + "\"}}"));
    require_documented("post", "/api/me/subscriber-records/{id}/actions",
                       send(client, "post", record + "/actions", as_alice, R"({"action":"renew","payment":{"method":"card","card_token":")" + card + "\"}}"));
    const std::string customer = "/api/staff/customers/" + std::to_string(c.record(alice, id)["customer"].get<long long>());
    require_documented("get", "/api/staff/customers", get(client, "/api/staff/customers?q=doc-alice", as_admin));
    require_documented("get", "/api/staff/customers/{id}", get(client, customer, as_admin));
    require_documented("post", "/api/staff/customers/{id}/cards",
                       send(client, "post", customer + "/cards", as_admin, R"({"number":"4242424242424242","expiry":"12/30","cvc":"123"})"));
    require_documented("post", "/api/staff/customers/{id}/holds",
                       send(client, "post", customer + "/holds", as_admin, R"({"series":"sub28","group":"tuesdays","seats":["S-C-1"]})"));
    require_documented("get", "/api/staff/subscriber-records", get(client, "/api/staff/subscriber-records", as_admin));
    require_documented("get", "/api/staff/subscriber-records/{id}", get(client, "/api/staff/subscriber-records/" + std::to_string(id), as_admin));
    require_documented("post", "/api/staff/subscriber-records/{id}/actions",
                       send(client, "post", "/api/staff/subscriber-records/" + std::to_string(id) + "/actions", as_admin, R"({"action":"decline"})"));
    require_documented("put", "/api/staff/passes/{code}/expiry",
                       send(client, "put", "/api/staff/passes/FLEX-NONE/expiry", as_admin, R"({"expires_at":"2027-06-30T00:00:00Z"})"));
    require_documented("get", "/api/staff/renewals", get(client, "/api/staff/renewals", as_admin));
    auto hook = send(client, "post", "/api/admin/webhooks", as_admin, R"({"url":"http://127.0.0.1:9/hook"})");
    require_documented("post", "/api/admin/webhooks", hook);
    const std::string webhook = "/api/admin/webhooks/" + std::to_string(body_json(hook)["webhook"]["id"].get<long long>());
    require_documented("get", "/api/admin/webhooks", get(client, "/api/admin/webhooks", as_admin));
    require_documented("get", "/api/admin/webhooks/{id}/deliveries", get(client, webhook + "/deliveries", as_admin));
    require_documented("post", "/api/admin/webhooks/{id}/deliveries/{delivery}/redeliver",
                       send(client, "post", webhook + "/deliveries/1/redeliver", as_admin));
    require_documented("delete", "/api/admin/webhooks/{id}", send(client, "delete", webhook, as_admin));
    require_documented("get", "/api/admin/house-holds", get(client, "/api/admin/house-holds", as_admin));
    require_documented("put", "/api/admin/house-holds/{instance}",
                       send(client, "put", "/api/admin/house-holds/play28a-tue", as_admin, R"({"seats":["S-C-2"]})"));
}
