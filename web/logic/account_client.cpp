// /api/auth/register, /api/auth/login, /api/auth/logout, /api/me and /api/me/customer; the session token
// is stored under "encore.session".
#include "logic/account_client.hpp"

#include "encore/pricing_json.hpp"
#include "logic/problem_text.hpp"

namespace web {

namespace {

constexpr const char* storage_key = "encore.session";

void set_customer(AppState& app, encore::Customer customer) {
    app.account.customer = std::move(customer);
    ++app.account.customer_revision;
}

void signed_out(AppState& app, KeyValueStore& storage) {
    app.account.token.clear();
    app.account.email.clear();
    app.account.name.clear();
    app.account.role.clear();
    set_customer(app, {});
    storage.set(storage_key, "");
}

void take_account(AppState& app, const nlohmann::json& doc) {
    const nlohmann::json& a = doc.contains("account") ? doc["account"] : doc;
    if (!a.is_object()) return;
    if (a.contains("email") && a["email"].is_string()) app.account.email = a["email"].get<std::string>();
    if (a.contains("name") && a["name"].is_string()) app.account.name = a["name"].get<std::string>();
    if (a.contains("role") && a["role"].is_string()) app.account.role = a["role"].get<std::string>();
}

// {"account":{...},"token","expires_at"} from login or register.
void session_started(AppState& app, Services& services, const HttpAnswer& a) {
    app.account.busy = false;
    const nlohmann::json& doc = a.json();
    if (!a.ok() || !doc.is_object() || !doc.contains("token") || !doc["token"].is_string()) {
        app.account.error = a.ok() ? "The box office answered in a way this page does not understand." : problem_words(a, "sign you in");
        return;
    }
    app.account.token = doc["token"].get<std::string>();
    app.account.error.clear();
    take_account(app, doc);
    services.storage.set(storage_key, app.account.token);
    app.account.window_open = false;
    refresh_customer(app, services.http);
}

void start_session(AppState& app, Services& services, const char* url, const nlohmann::json& body) {
    app.account.busy = true;
    app.account.error.clear();
    services.http.send({.method = "POST", .url = url, .body = body.dump(), .bearer_token = app.account.token},
                       [&app, &services](const HttpAnswer& a) { session_started(app, services, a); });
}

}  // namespace

void restore_session(AppState& app, Services& services) {
    if (app.account.restored) return;
    app.account.restored = true;
    std::optional<std::string> stored = services.storage.get(storage_key);
    if (!stored) return;
    app.account.token = *stored;
    services.http.send({.url = "/api/me", .bearer_token = app.account.token}, [&app, &services](const HttpAnswer& a) {
        if (a.status == 401 || a.status == 403 || a.status == 404) {
            signed_out(app, services.storage);  // the session ended on the server
            return;
        }
        if (a.ok()) {
            take_account(app, a.json());
            refresh_customer(app, services.http);
        }
    });
}

void log_in(AppState& app, Services& services, const std::string& email, const std::string& password) {
    start_session(app, services, "/api/auth/login", {{"email", email}, {"password", password}});
}

void register_account(AppState& app, Services& services, const std::string& email, const std::string& name,
                      const std::string& password) {
    start_session(app, services, "/api/auth/register", {{"email", email}, {"name", name}, {"password", password}});
}

void log_out(AppState& app, Services& services) {
    if (!app.account.token.empty())
        services.http.send({.method = "POST", .url = "/api/auth/logout", .body = "{}", .bearer_token = app.account.token},
                           [](const HttpAnswer&) {});
    signed_out(app, services.storage);
}

void refresh_customer(AppState& app, HttpClient& http) {
    if (app.account.token.empty()) return;
    std::string token = app.account.token;
    http.send({.url = "/api/me/customer", .bearer_token = token}, [&app, token](const HttpAnswer& a) {
        if (app.account.token != token || !a.ok()) return;
        encore::Problems problems;
        const nlohmann::json& body = a.json();
        const nlohmann::json& doc = body.is_object() && body.contains("customer") ? body["customer"] : body;
        if (std::optional<encore::Customer> c = encore::customer_from_json(doc, problems)) set_customer(app, std::move(*c));
    });
}

}  // namespace web
