// The catalog and availability requests and their answers; availability answers for a performance the
// customer has left are dropped.
#include "logic/catalog_client.hpp"

#include <nlohmann/json.hpp>

#include "logic/uri.hpp"

namespace web {

namespace {

enum class Kind { catalog, availability, refresh };
constexpr double refresh_every_ms = 2000;  // other people's holds and sales appear within ~2 s

std::string availability_url(const std::string& instance_id) {
    return "/api/instances/" + uri_component(instance_id) + "/availability";
}

// A sentence for a failed request: the server's problem+json detail/title if it sent one.
std::string failure_text(const char* what, const HttpAnswer& a) {
    if (a.status == 0) return std::string("Could not reach the box office to load ") + what + " (" + a.body + ").";
    std::string detail;
    const nlohmann::json& doc = a.json();
    if (doc.is_object()) {
        for (const char* key : {"detail", "title", "error", "message"})
            if (doc.contains(key) && doc[key].is_string()) {
                detail = doc[key].get<std::string>();
                break;
            }
    }
    std::string text = std::string("Loading ") + what + " failed (HTTP " + std::to_string(a.status) + ")";
    return detail.empty() ? text + "." : text + ": " + detail;
}

void answered(AppState& app, Kind kind, int serial, const HttpAnswer& a) {
    if (kind == Kind::catalog) {
        if (a.status == 200)
            accept_catalog(app, a.body);
        else
            catalog_failed(app, failure_text("the season's catalog", a));
        return;
    }
    if (kind == Kind::refresh) app.availability_refresh_in_flight = false;
    if (serial != app.availability_serial) return;  // the customer has moved on to another performance
    if (a.status == 200) {
        bool applied = accept_availability(app, a.body);
        app.availability_refresh_full = !applied;
        if (!applied) app.availability_poll_now = true;
        app.availability_loaded_at = app.clock_ms;
    } else if (kind == Kind::refresh) {
        app.availability_refresh_full = true;  // e.g. a version too old for changes: the next poll reads the whole map
    } else {
        availability_failed(app, failure_text("the seats of this performance", a));
    }
}

void get(AppState& app, HttpClient& http, std::string url, Kind kind, int serial) {
    http.send({.url = std::move(url)}, [&app, kind, serial](const HttpAnswer& a) { answered(app, kind, serial, a); });
}

}  // namespace

void pump_catalog(AppState& app, HttpClient& http, double now_ms) {
    if (!app.catalog_requested) {
        app.catalog_requested = true;
        get(app, http, "/api/catalog", Kind::catalog, 0);
    }
    if (app.availability == Fetch::wanted && !app.instance.empty()) {
        app.availability = Fetch::loading;
        get(app, http, availability_url(app.instance.value), Kind::availability, app.availability_serial);
    } else if (app.availability == Fetch::ready && !app.availability_refresh_in_flight &&
               (app.availability_poll_now || now_ms - app.availability_loaded_at > refresh_every_ms)) {
        app.availability_refresh_in_flight = true;
        app.availability_poll_now = false;
        app.availability_loaded_at = now_ms;
        std::string url = availability_url(app.instance.value);
        if (!app.availability_refresh_full) url += "?since=" + std::to_string(app.availability_version);
        get(app, http, std::move(url), Kind::refresh, app.availability_serial);
    }
}

}  // namespace web
