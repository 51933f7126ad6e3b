// Fetches catalog and availability JSON with the browser's fetch() and hands the answers to AppState;
// the shown availability is polled for changes (?since=version) every 2 s.
#include "api_client.hpp"
#include "redraw.hpp"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>

namespace {

enum Kind { kind_catalog = 0, kind_availability = 1, kind_refresh = 2 };
constexpr double refresh_every_ms = 2000;  // other people's holds and sales appear within ~2 s
bool g_refresh_in_flight = false;
bool g_refresh_full = false;             // the last changes could not be applied: fetch the whole map

// fetch(url) then encore_on_fetch(kind, serial, status, text); network failures report status 0.
EM_JS(void, js_fetch_text, (const char* url, int kind, int serial), {
    var target = UTF8ToString(url);
    function deliver(status, text) {
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        stringToUTF8(text, p, n);
        try { _encore_on_fetch(kind, serial, status, p); } finally { _free(p); }
    }
    fetch(target, { cache: 'no-store', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.text().then(function (t) { deliver(r.status, t); }); })
        .catch(function (e) { deliver(0, String((e && e.message) || e)); });
});

EM_JS(void, js_uri_component, (const char* text, char* out, int out_size), {
    stringToUTF8(encodeURIComponent(UTF8ToString(text)), out, out_size);
});

std::string availability_url(const std::string& instance_id) {
    std::string buf(instance_id.size() * 3 + 1, '\0');
    js_uri_component(instance_id.c_str(), buf.data(), static_cast<int>(buf.size()));
    buf.resize(std::char_traits<char>::length(buf.c_str()));
    return "/api/instances/" + buf + "/availability";
}

// A sentence for a failed request: the server's problem+json detail/title if it sent one.
std::string failure_text(const char* what, int status, const std::string& body) {
    if (status == 0) return std::string("Could not reach the box office to load ") + what + " (" + body + ").";
    std::string detail;
    nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_object()) {
        for (const char* key : {"detail", "title", "error", "message"})
            if (doc.contains(key) && doc[key].is_string()) {
                detail = doc[key].get<std::string>();
                break;
            }
    }
    std::string text = std::string("Loading ") + what + " failed (HTTP " + std::to_string(status) + ")";
    return detail.empty() ? text + "." : text + ": " + detail;
}

}  // namespace

namespace web {

void pump_requests(AppState& app) {
    if (!app.catalog_requested) {
        app.catalog_requested = true;
        js_fetch_text("/api/catalog", kind_catalog, 0);
    }
    if (app.availability == Fetch::wanted && !app.instance.empty()) {
        app.availability = Fetch::loading;
        js_fetch_text(availability_url(app.instance.value).c_str(), kind_availability, app.availability_serial);
    } else if (app.availability == Fetch::ready && !g_refresh_in_flight &&
               (app.availability_poll_now || emscripten_get_now() - app.availability_loaded_at > refresh_every_ms)) {
        g_refresh_in_flight = true;
        app.availability_poll_now = false;
        app.availability_loaded_at = emscripten_get_now();
        std::string url = availability_url(app.instance.value);
        if (!g_refresh_full) url += "?since=" + std::to_string(app.availability_version);
        js_fetch_text(url.c_str(), kind_refresh, app.availability_serial);
    }
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void encore_on_fetch(int kind, int serial, int status, const char* text) {
    web::AppState& app = web::the_app();
    web::request_redraw();
    std::string body = text ? text : "";
    if (kind == kind_catalog) {
        if (status == 200)
            web::accept_catalog(app, body);
        else
            web::catalog_failed(app, failure_text("the season's catalog", status, body));
        return;
    }
    if (kind == kind_refresh) g_refresh_in_flight = false;
    if (serial != app.availability_serial) return;  // the customer has moved on to another performance
    if (status == 200) {
        bool applied = web::accept_availability(app, body);
        g_refresh_full = !applied;
        if (!applied) app.availability_poll_now = true;
        app.availability_loaded_at = emscripten_get_now();
    } else if (kind == kind_refresh) {
        g_refresh_full = true;  // e.g. a version too old for changes: the next poll reads the whole map
    } else if (kind == kind_availability) {
        web::availability_failed(app, failure_text("the seats of this performance", status, body));
    }
}
