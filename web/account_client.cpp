// /api/auth/register, /api/auth/login, /api/auth/logout, /api/me and /api/me/customer; the session token
// lives in localStorage["encore.session"].
#include "account_client.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

#include "encore/pricing_json.hpp"
#include "http.hpp"
#include "problem_text.hpp"

namespace web {

namespace {

constexpr const char* storage_key = "encore.session";

EM_JS(char*, js_storage_get, (const char* key), {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_storage_set, (const char* key, const char* value), {
    try {
        var v = UTF8ToString(value);
        if (v.length) window.localStorage.setItem(UTF8ToString(key), v);
        else window.localStorage.removeItem(UTF8ToString(key));
    } catch (e) {}
});

void set_customer(AppState& app, encore::Customer customer) {
    app.account.customer = std::move(customer);
    ++app.account.customer_revision;
}

void signed_out(AppState& app) {
    app.account.token.clear();
    app.account.email.clear();
    app.account.name.clear();
    set_customer(app, {});
    js_storage_set(storage_key, "");
}

void take_account(AppState& app, const nlohmann::json& doc) {
    const nlohmann::json& a = doc.contains("account") ? doc["account"] : doc;
    if (!a.is_object()) return;
    if (a.contains("email") && a["email"].is_string()) app.account.email = a["email"].get<std::string>();
    if (a.contains("name") && a["name"].is_string()) app.account.name = a["name"].get<std::string>();
}

// {"account":{...},"token","expires_at"} from login or register.
void session_started(AppState& app, const HttpAnswer& a) {
    app.account.busy = false;
    if (!a.ok() || !a.json.is_object() || !a.json.contains("token") || !a.json["token"].is_string()) {
        app.account.error = a.ok() ? "The box office answered in a way this page does not understand." : problem_words(a, "sign you in");
        return;
    }
    app.account.token = a.json["token"].get<std::string>();
    app.account.error.clear();
    take_account(app, a.json);
    js_storage_set(storage_key, app.account.token.c_str());
    app.account.window_open = false;
    refresh_customer(app);
}

}  // namespace

void restore_session(AppState& app) {
    if (app.account.restored) return;
    app.account.restored = true;
    char* stored = js_storage_get(storage_key);
    if (!stored) return;
    app.account.token = stored;
    std::free(stored);
    http_send("GET", "/api/me", "", [](const HttpAnswer& a) {
        AppState& app = the_app();
        if (a.status == 401 || a.status == 403 || a.status == 404) {
            signed_out(app);  // the session ended on the server
            return;
        }
        if (a.ok()) {
            take_account(app, a.json);
            refresh_customer(app);
        }
    });
}

void log_in(AppState& app, const std::string& email, const std::string& password) {
    app.account.busy = true;
    app.account.error.clear();
    nlohmann::json body = {{"email", email}, {"password", password}};
    http_send("POST", "/api/auth/login", body.dump(), [](const HttpAnswer& a) { session_started(the_app(), a); });
}

void register_account(AppState& app, const std::string& email, const std::string& name, const std::string& password) {
    app.account.busy = true;
    app.account.error.clear();
    nlohmann::json body = {{"email", email}, {"name", name}, {"password", password}};
    http_send("POST", "/api/auth/register", body.dump(), [](const HttpAnswer& a) { session_started(the_app(), a); });
}

void log_out(AppState& app) {
    if (!app.account.token.empty()) http_send("POST", "/api/auth/logout", "{}", [](const HttpAnswer&) {});
    signed_out(app);
}

void refresh_customer(AppState& app) {
    if (app.account.token.empty()) return;
    std::string token = app.account.token;
    http_send("GET", "/api/me/customer", "", [token](const HttpAnswer& a) {
        AppState& app = the_app();
        if (app.account.token != token || !a.ok()) return;
        encore::Problems problems;
        const nlohmann::json& doc = a.json.is_object() && a.json.contains("customer") ? a.json["customer"] : a.json;
        if (std::optional<encore::Customer> c = encore::customer_from_json(doc, problems)) set_customer(app, std::move(*c));
    });
}

}  // namespace web
