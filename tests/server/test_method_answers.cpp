// What the route table promises beyond its rows: every documented path answers every method, 405
// with an Allow header naming exactly the table's methods for a method it lacks, 204 with the same
// Allow for OPTIONS; and each row's access column is what the server enforces.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "account_helpers.hpp"
#include "openapi_support.hpp"

using namespace encore::test;
using encore::server::Access;

namespace {

const std::string all_methods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

httplib::Result ask(httplib::Client& client, const std::string& method, const std::string& path,
                    const httplib::Headers& headers = {}) {
    const std::string body = "{}";
    httplib::Result result = method == "GET"      ? client.Get(path.c_str(), headers)
                             : method == "HEAD"   ? client.Head(path.c_str(), headers)
                             : method == "POST"   ? client.Post(path.c_str(), headers, body, "application/json")
                             : method == "PUT"    ? client.Put(path.c_str(), headers, body, "application/json")
                             : method == "PATCH"  ? client.Patch(path.c_str(), headers, body, "application/json")
                             : method == "DELETE" ? client.Delete(path.c_str(), headers)
                                                  : client.Options(path.c_str(), headers);
    if (!result) throw std::runtime_error("no answer to " + method + " " + path);
    return result;
}

// "GET, HEAD, OPTIONS" -> {"GET", "HEAD", "OPTIONS"}
std::set<std::string> allow_set(const std::string& header) {
    std::set<std::string> methods;
    std::size_t start = 0;
    while (start <= header.size()) {
        std::size_t comma = header.find(',', start);
        if (comma == std::string::npos) comma = header.size();
        std::string method = header.substr(start, comma - start);
        while (!method.empty() && method.front() == ' ') method.erase(0, 1);
        if (!method.empty()) methods.insert(method);
        start = comma + 1;
    }
    return methods;
}

// The table's methods for a path, with HEAD where GET is and OPTIONS always: what Allow must say.
std::set<std::string> allowed_for(const std::string& concrete) {
    std::set<std::string> methods = table_methods(concrete);
    if (methods.count("GET")) methods.insert("HEAD");
    methods.insert("OPTIONS");
    return methods;
}

bool is_catch_all(const httplib::Result& result) {
    if (result->status != 404) return false;
    auto body = nlohmann::json::parse(result->body, nullptr, false);
    return body.is_object() && body.value("code", "") == "not_found";
}

}  // namespace

TEST_CASE("every documented path answers 405 with Allow for each method the table lacks, and 204 to OPTIONS", "[routes]") {
    RunningServer running(RunningServer::small_catalog());
    for (const auto& [path, item] : openapi_file()["paths"].items()) {
        const std::string sample = sample_of_template(path);
        const std::set<std::string> allowed = allowed_for(sample);
        INFO(path);
        REQUIRE(!table_methods(sample).empty());
        for (const std::string& method : all_methods) {
            auto result = ask(*running.client, method, sample);
            INFO(method << " " << path << " answered " << result->status << " Allow: " << result->get_header_value("Allow")
                        << " " << result->body.substr(0, 200));
            if (method == "OPTIONS") {
                CHECK(result->status == 204);
                CHECK(allow_set(result->get_header_value("Allow")) == allowed);
            } else if (allowed.count(method)) {
                CHECK(result->status != 405);
                CHECK_FALSE(is_catch_all(result));
            } else {
                CHECK(result->status == 405);
                CHECK(allow_set(result->get_header_value("Allow")) == allowed);
                if (method == "HEAD" || result->status != 405) continue;  // HEAD: no body
                CHECK(result->get_header_value("Content-Type") == "application/problem+json");
                CHECK(body_json(result)["code"] == "method_not_allowed");
            }
        }
    }
}

TEST_CASE("each row's access is enforced: 401 without a session, 403 below its role", "[routes][accounts]") {
    RunningServer running(with_admin(RunningServer::small_catalog()));
    auto& client = *running.client;
    const std::string customer_email = "routes-customer@test.example";
    register_customer(client, customer_email);
    const httplib::Headers customer = bearer(login(client, customer_email, "customer-pass")["token"]);
    const httplib::Headers staff = bearer(token_with_role(client, "staff", "routes-staff@test.example"));
    const httplib::Headers admin = bearer(admin_token(client));
    const auto denied = [](const httplib::Result& result) { return result->status == 401 || result->status == 403; };

    for (const auto& route : encore::server::api_routes()) {
        const std::string method(encore::server::method_name(route.method));
        const std::string sample = sample_of_pattern(route.pattern);
        INFO(method << " " << route.pattern);
        auto anonymous = ask(client, method, sample);
        if (route.access == Access::anyone) {
            CHECK_FALSE(denied(anonymous));
            continue;
        }
        require_problem(anonymous, 401, "unauthorized");
        // The least role the row admits is let through (a fresh customer session each time: logout ends one).
        const httplib::Headers least = route.access == Access::admin   ? admin
                                       : route.access == Access::staff ? staff
                                                                       : bearer(login(client, customer_email, "customer-pass")["token"]);
        CHECK_FALSE(denied(ask(client, method, sample, least)));
        if (route.access != Access::customer) require_problem(ask(client, method, sample, customer), 403, "forbidden");
        if (route.access == Access::admin) require_problem(ask(client, method, sample, staff), 403, "forbidden");
    }
}
