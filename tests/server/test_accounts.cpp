// Accounts over loopback: register, login, logout, /api/me, session expiry by the server clock, and
// bad bodies and Authorization headers.
#include <regex>

#include "account_helpers.hpp"

using namespace encore::test;

TEST_CASE("register gives an account and a working session; logout ends it", "[accounts]") {
    RunningServer running(with_admin());
    auto& client = *running.client;
    auto registered = register_customer(client, "Ada@Example.org");
    const auto& account = registered["account"];
    CHECK(account["id"].is_number_integer());
    CHECK(account["email"] == "Ada@Example.org");
    CHECK(account["name"] == "Test Customer");
    CHECK(account["role"] == "customer");
    CHECK(account["tags"] == nlohmann::json::array());
    CHECK(!account.contains("password_hash"));
    const std::string token = registered["token"];
    CHECK(std::regex_match(token, std::regex("[0-9a-f]{64}")));
    CHECK(encore::parse_instant(registered["expires_at"].get<std::string>()).has_value());

    auto me = send(client, "GET", "/api/me", "", bearer(token));
    REQUIRE(me->status == 200);
    CHECK(body_json(me) == nlohmann::json{{"account", account}});

    auto logged_in = login(client, "ada@example.ORG", "customer-pass");
    CHECK(logged_in["account"] == account);
    const std::string second = logged_in["token"];
    CHECK(second != token);

    auto logout = send(client, "POST", "/api/auth/logout", "", bearer(token));
    CHECK(logout->status == 204);
    require_problem(send(client, "GET", "/api/me", "", bearer(token)), 401, "unauthorized");
    require_problem(send(client, "POST", "/api/auth/logout", "", bearer(token)), 401, "unauthorized");
    CHECK(send(client, "GET", "/api/me", "", bearer(second))->status == 200);
}

TEST_CASE("an email is registered once, whatever its case", "[accounts]") {
    RunningServer running(with_admin());
    register_customer(*running.client, "bob@example.org");
    for (const std::string email : {"bob@example.org", "BOB@Example.Org"}) {
        auto again = send_json(*running.client, "POST", "/api/auth/register",
                               {{"email", email}, {"name", "Bob"}, {"password", "another-pass"}});
        require_problem(again, 409, "email_taken");
    }
    require_problem(send_json(*running.client, "POST", "/api/auth/register",
                              {{"email", admin_email}, {"name", "Mallory"}, {"password", "another-pass"}}),
                    409, "email_taken");
}

TEST_CASE("a wrong password and an unknown email get the same 401", "[accounts]") {
    RunningServer running(with_admin());
    register_customer(*running.client, "carol@example.org");
    auto wrong = send_json(*running.client, "POST", "/api/auth/login",
                           {{"email", "carol@example.org"}, {"password", "not-her-password"}});
    auto unknown = send_json(*running.client, "POST", "/api/auth/login",
                             {{"email", "nobody@example.org"}, {"password", "not-her-password"}});
    require_problem(wrong, 401, "invalid_credentials");
    require_problem(unknown, 401, "invalid_credentials");
    CHECK(wrong->body == unknown->body);
}

TEST_CASE("registration names the bad field", "[accounts]") {
    RunningServer running(with_admin());
    auto& client = *running.client;
    const nlohmann::json good{{"email", "dan@example.org"}, {"name", "Dan"}, {"password", "long-enough"}};
    struct Case {
        const char* field;
        nlohmann::json value;
    };
    const std::vector<Case> cases{{"email", "not-an-email"},  {"email", "two@@example.org"}, {"email", "a b@example.org"},
                                  {"email", 42},              {"email", nullptr},            {"name", ""},
                                  {"name", "   "},            {"name", nlohmann::json::array()},
                                  {"password", "short"},      {"password", std::string(2000, 'p')},
                                  {"password", 12345678}};
    for (const Case& bad : cases) {
        nlohmann::json body = good;
        body[bad.field] = bad.value;
        INFO(body.dump().substr(0, 200));
        auto result = send_json(client, "POST", "/api/auth/register", body);
        require_problem(result, 422, "invalid_request");
        CHECK(body_json(result)["field"] == bad.field);
    }
    for (const char* missing : {"email", "name", "password"}) {
        nlohmann::json body = good;
        body.erase(missing);
        auto result = send_json(client, "POST", "/api/auth/register", body);
        require_problem(result, 422, "invalid_request");
        CHECK(body_json(result)["field"] == missing);
    }
    CHECK(send_json(client, "POST", "/api/auth/register", good)->status == 201);
}

TEST_CASE("garbage bodies get 400, 422 or 413 and change nothing", "[accounts]") {
    RunningServer running(with_admin());
    auto& client = *running.client;
    for (const std::string path : {"/api/auth/register", "/api/auth/login"}) {
        for (const std::string garbage : {"", "{", "{\"email\":", "\xff\xfe", "nul\0l"})
            require_problem(send(client, "POST", path, garbage), 400, "malformed_json");
        for (const std::string shape : {"[]", "\"text\"", "42", "null"})
            require_problem(send(client, "POST", path, shape), 422, "invalid_request");
        auto huge = client.Post(path.c_str(), std::string(2 * 1024 * 1024, '{'), "application/json");
        REQUIRE(huge);
        CHECK(huge->status == 413);
    }
    require_problem(send_json(client, "POST", "/api/auth/login", {{"email", "x@example.org"}}), 422, "invalid_request");
    auto login_again = send_json(client, "POST", "/api/auth/register",
                                 {{"email", "erin@example.org"}, {"name", "Erin"}, {"password", "erins-pass"}});
    CHECK(login_again->status == 201);
}

TEST_CASE("missing, malformed and unknown tokens get 401 with WWW-Authenticate", "[accounts]") {
    RunningServer running(with_admin());
    auto& client = *running.client;
    const std::string token = register_customer(client, "fay@example.org")["token"];
    std::string upper = token;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::vector<httplib::Headers> bad{
        {},
        {{"Authorization", ""}},
        {{"Authorization", "Bearer"}},
        {{"Authorization", "Bearer "}},
        {{"Authorization", "Basic " + token}},
        {{"Authorization", token}},
        {{"Authorization", "Bearer " + token.substr(1)}},
        {{"Authorization", "Bearer " + upper}},
        {{"Authorization", "Bearer " + std::string(64, '0')}},
        {{"Authorization", "Bearer " + token + "00"}},
        {{"Authorization", "Bearer " + std::string(8000, 'a')}},
        {{"Authorization", "Bearer ' OR 1=1 --"}},
    };
    for (const auto& headers : bad) {
        auto result = send(client, "GET", "/api/me", "", headers);
        require_problem(result, 401, "unauthorized");
        CHECK(result->get_header_value("WWW-Authenticate") == "Bearer");
    }
    CHECK(send(client, "GET", "/api/me", "", {{"Authorization", "bearer " + token}})->status == 200);
}

TEST_CASE("a session expires by the server clock", "[accounts]") {
    RunningServer running(with_admin({"--session-hours", "1"}));
    auto& client = *running.client;
    auto registered = register_customer(client, "gus@example.org");
    const std::string token = registered["token"];
    const auto expires = *encore::parse_instant(registered["expires_at"].get<std::string>());
    const std::string admin = admin_token(client);
    CHECK(send(client, "GET", "/api/me", "", bearer(token))->status == 200);

    auto just_before = send_json(client, "PUT", "/api/admin/clock",
                                 {{"now", encore::format_instant({expires.unix_seconds - 60})}}, bearer(admin));
    REQUIRE(just_before->status == 200);
    CHECK(send(client, "GET", "/api/me", "", bearer(token))->status == 200);

    auto after = send_json(client, "PUT", "/api/admin/clock",
                           {{"now", encore::format_instant({expires.unix_seconds + 1})}}, bearer(admin));
    REQUIRE(after->status == 200);
    require_problem(send(client, "GET", "/api/me", "", bearer(token)), 401, "unauthorized");
    require_problem(send(client, "GET", "/api/admin/clock", "", bearer(admin)), 401, "unauthorized");

    const std::string fresh_admin = admin_token(client);
    auto reset = send_json(client, "PUT", "/api/admin/clock", {{"reset", true}}, bearer(fresh_admin));
    REQUIRE(reset->status == 200);
    CHECK(body_json(reset)["offset_seconds"] == 0);
    CHECK(send(client, "GET", "/api/me", "", bearer(login(client, "gus@example.org", "customer-pass")["token"]))
              ->status == 200);
}

TEST_CASE("the --admin account is created once and survives a restart", "[accounts]") {
    TempDir dir;
    const std::vector<std::string> args{"--db", dir.database(), "--fast-password-hashing", "--admin",
                                        admin_email + ":" + admin_password};
    std::int64_t first_id = 0;
    {
        ServerProcess server(args, dir.file("first.log"));
        auto answer = login(*server.client(), admin_email, admin_password);
        CHECK(answer["account"]["role"] == "admin");
        first_id = answer["account"]["id"];
    }
    ServerProcess again(args, dir.file("second.log"));
    auto answer = login(*again.client(), admin_email, admin_password);
    CHECK(answer["account"]["id"] == first_id);
}
