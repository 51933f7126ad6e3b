// Test helpers for the account and admin endpoints: servers with an admin, JSON requests, sessions.
#pragma once
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "encore/time.hpp"
#include "server_fixture.hpp"

namespace encore::test {

inline const std::string admin_email = "admin@test.example";
inline const std::string admin_password = "adminpass1";

// Flags for a fast server with the test admin, plus `extra` (which win over these).
inline std::vector<std::string> with_admin(std::vector<std::string> extra = {}) {
    extra.insert(extra.begin(), {"--fast-password-hashing", "--admin", admin_email + ":" + admin_password,
                                 "--login-rate-per-account", "1000", "--max-sessions-per-account", "1000"});
    return extra;
}

inline httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

inline httplib::Result send(httplib::Client& client, const std::string& method, const std::string& path,
                            const std::string& body, const httplib::Headers& headers = {}) {
    httplib::Result result = method == "POST"  ? client.Post(path.c_str(), headers, body, "application/json")
                             : method == "PUT" ? client.Put(path.c_str(), headers, body, "application/json")
                             : method == "DELETE"
                                 ? client.Delete(path.c_str(), headers, body, "application/json")
                                 : client.Get(path.c_str(), headers);
    if (!result) throw std::runtime_error("no answer to " + method + " " + path);
    return result;
}

inline httplib::Result send_json(httplib::Client& client, const std::string& method, const std::string& path,
                                 const nlohmann::json& body, const httplib::Headers& headers = {}) {
    return send(client, method, path, body.dump(), headers);
}

inline void require_problem(const httplib::Result& result, int status, const std::string& code) {
    INFO(result->body);
    REQUIRE(result->status == status);
    CHECK(result->get_header_value("Content-Type") == "application/problem+json");
    auto problem = body_json(result);
    CHECK(problem["status"] == status);
    CHECK(problem["code"] == code);
    CHECK(problem["type"].is_string());
    CHECK(problem["title"].is_string());
    CHECK(!problem["detail"].get<std::string>().empty());
}

inline nlohmann::json login(httplib::Client& client, const std::string& email, const std::string& password) {
    auto result = send_json(client, "POST", "/api/auth/login", {{"email", email}, {"password", password}});
    INFO(result->body);
    REQUIRE(result->status == 200);
    return body_json(result);
}

inline std::string admin_token(httplib::Client& client) {
    return login(client, admin_email, admin_password)["token"].get<std::string>();
}

// Registers a customer and returns the answer ({"account","token","expires_at"}).
inline nlohmann::json register_customer(httplib::Client& client, const std::string& email,
                                        const std::string& password = "customer-pass") {
    auto result = send_json(client, "POST", "/api/auth/register",
                            {{"email", email}, {"name", "Test Customer"}, {"password", password}});
    INFO(result->body);
    REQUIRE(result->status == 201);
    return body_json(result);
}

// An admin creates an account with `role` and the caller gets a session token for it.
inline std::string token_with_role(httplib::Client& client, const std::string& role, const std::string& email) {
    auto created = send_json(client, "POST", "/api/admin/accounts",
                             {{"email", email}, {"name", role + " person"}, {"password", "role-password"}, {"role", role}},
                             bearer(admin_token(client)));
    INFO(created->body);
    REQUIRE(created->status == 201);
    return login(client, email, "role-password")["token"].get<std::string>();
}

}  // namespace encore::test
