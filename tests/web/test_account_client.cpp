// Accounts: log in and register store the session token and read the customer; a stored token is checked at
// start; log out forgets it; failures are explained.
#include <catch2/catch.hpp>

#include "encore/pricing_json.hpp"
#include "logic/account_client.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

nlohmann::json session(const std::string& token) {
    return {{"account", {{"email", "ada@example.org"}, {"name", "Ada Lovelace"}}}, {"token", token},
            {"expires_at", "2026-12-31T12:00:00Z"}};
}

}  // namespace

TEST_CASE("logging in keeps the session token, reads the customer; logging out forgets both", "[account]") {
    WebClient c;
    c.app.account.window_open = true;
    web::log_in(c.app, c.services, "ada@example.org", "correct horse");
    CHECK(c.app.account.busy);
    web::HttpRequest login = c.http.answer("POST /api/auth/login", 200, session("tok-1"));
    CHECK(nlohmann::json::parse(login.body) == nlohmann::json{{"email", "ada@example.org"}, {"password", "correct horse"}});
    CHECK(login.bearer_token.empty());
    CHECK_FALSE(c.app.account.busy);
    CHECK(c.app.account.token == "tok-1");
    CHECK(c.app.account.name == "Ada Lovelace");
    CHECK_FALSE(c.app.account.window_open);
    CHECK(c.store.values.at("encore.session") == "tok-1");

    encore::Customer customer;
    customer.tags = {"press"};
    int revision = c.app.account.customer_revision;
    web::HttpRequest me = c.http.answer("GET /api/me/customer", 200, nlohmann::json{{"customer", encore::customer_to_json(customer)}});
    CHECK(me.bearer_token == "tok-1");
    CHECK(c.app.account.customer.tags == std::vector<std::string>{"press"});
    CHECK(c.app.account.customer_revision > revision);

    web::log_out(c.app, c.services);
    CHECK(c.http.peek("POST /api/auth/logout").bearer_token == "tok-1");
    CHECK(c.app.account.token.empty());
    CHECK(c.app.account.customer.tags.empty());
    CHECK(c.store.values.count("encore.session") == 0);
}

TEST_CASE("registering is logging in with a name", "[account]") {
    WebClient c;
    web::register_account(c.app, c.services, "ada@example.org", "Ada Lovelace", "long enough");
    web::HttpRequest r = c.http.answer("POST /api/auth/register", 201, session("tok-2"));
    CHECK(nlohmann::json::parse(r.body)["name"] == "Ada Lovelace");
    CHECK(c.store.values.at("encore.session") == "tok-2");
}

TEST_CASE("a failed log-in is explained and nothing is kept", "[account]") {
    WebClient c;
    web::log_in(c.app, c.services, "ada@example.org", "wrong");
    c.http.answer("POST /api/auth/login", 401, webtest::problem(401, "invalid_credentials", "Wrong email or password."));
    CHECK(c.app.account.error == "That email and password do not match an account.");
    CHECK_FALSE(c.app.account.busy);
    CHECK(c.app.account.token.empty());
    CHECK(c.store.values.empty());

    web::log_in(c.app, c.services, "ada@example.org", "right");
    c.http.answer("POST /api/auth/login", 200, nlohmann::json{{"ok", true}});
    CHECK(c.app.account.error == "The box office answered in a way this page does not understand.");
}

TEST_CASE("a stored session is checked at start", "[account]") {
    WebClient c;
    c.store.values["encore.session"] = "tok-old";
    c.tick();
    CHECK(c.app.account.token == "tok-old");
    CHECK(c.http.peek("GET /api/me").bearer_token == "tok-old");
    c.tick();
    CHECK(c.http.sent().size() == 3);  // GET /api/catalog, GET /api/me and the server clock (GET /api/health), once each

    SECTION("the server still knows it") {
        c.http.answer("GET /api/me", 200, nlohmann::json{{"account", {{"email", "ada@example.org"}, {"name", "Ada"}}}});
        CHECK(c.app.account.email == "ada@example.org");
        CHECK(c.http.is_waiting("GET /api/me/customer"));
        CHECK(c.store.values.at("encore.session") == "tok-old");
    }
    SECTION("the session ended on the server") {
        c.http.answer("GET /api/me", 401, webtest::problem(401, "unauthorized"));
        CHECK(c.app.account.token.empty());
        CHECK(c.store.values.empty());
    }
    SECTION("the server could not be reached: stay signed in") {
        c.http.answer("GET /api/me", 0, std::string("Failed to fetch"));
        CHECK(c.app.account.token == "tok-old");
    }
}

TEST_CASE("a customer record for an earlier session is ignored", "[account]") {
    WebClient c;
    web::log_in(c.app, c.services, "ada@example.org", "pw");
    c.http.answer("POST /api/auth/login", 200, session("tok-1"));
    web::log_out(c.app, c.services);
    encore::Customer customer;
    customer.tags = {"press"};
    c.http.answer("GET /api/me/customer", 200, nlohmann::json{{"customer", encore::customer_to_json(customer)}});
    CHECK(c.app.account.customer.tags.empty());
}
