// Requests of the season flows and their answers.
#include "logic/season_client.hpp"

#include <cmath>

#include "encore/offer_limits.hpp"
#include "encore/pricing_json.hpp"
#include "logic/account_records_client.hpp"
#include "logic/series_map.hpp"
#include "logic/uri.hpp"

namespace web {

namespace {

constexpr double clock_every_ms = 60'000;
constexpr double offers_every_ms = 30'000;
constexpr double group_every_ms = 2'000;  // other people's holds and sales appear within ~2 s, as on the single map

void pump_clock(AppState& app, HttpClient& http, double now_ms) {
    ServerClock& clock = app.season.clock;
    if (clock.in_flight || now_ms - clock.fetched_at < clock_every_ms) return;
    clock.in_flight = true;
    clock.fetched_at = now_ms;
    encore::Instant asked = app.now;
    http.send({.url = "/api/health"}, [&app, asked](const HttpAnswer& a) {
        ServerClock& clock = app.season.clock;
        clock.in_flight = false;
        const nlohmann::json& doc = a.json();
        if (!a.ok() || !doc.is_object() || !doc.contains("now") || !doc["now"].is_string()) return;
        std::optional<encore::Instant> server = encore::parse_instant(doc["now"].get<std::string>());
        if (!server) return;
        std::int64_t browser_now = asked.unix_seconds - clock.offset_seconds;  // the browser's clock when asked
        clock.offset_seconds = server->unix_seconds - browser_now;
        clock.known = true;
    });
}

void pump_offers(AppState& app, HttpClient& http, double now_ms) {
    OfferCounts& offers = app.season.offers;
    if (!app.catalog || offers.in_flight) return;
    if (!offers.refresh_now && now_ms - offers.fetched_at < offers_every_ms) return;
    offers.in_flight = true;
    offers.refresh_now = false;
    offers.fetched_at = now_ms;
    http.send({.url = "/api/offers/remaining"}, [&app](const HttpAnswer& a) {
        OfferCounts& offers = app.season.offers;
        offers.in_flight = false;
        const nlohmann::json& doc = a.json();
        if (!a.ok() || !doc.is_object() || !doc.contains("offers") || !app.catalog) return;
        encore::Problems problems;
        std::optional<encore::OfferRemaining> remaining = encore::offer_remaining_from_json(doc["offers"], problems);
        if (!remaining) return;
        encore::OfferUsage usage = encore::usage_from_remaining(*app.catalog, *remaining);
        if (offers.known && usage.tickets == offers.usage.tickets) return;
        offers.usage = std::move(usage);
        offers.known = true;
        ++app.picks_revision;  // the basket's price may change
    });
}

std::string group_url(const GroupSeats& g) {
    return "/api/series/" + uri_component(g.series.value) + "/groups/" + uri_component(g.group.value) + "/availability";
}

void pump_group(AppState& app, HttpClient& http, double now_ms) {
    GroupSeats& g = app.season.group;
    if (g.series.empty() || g.group.empty() || app.season.view != MainView::season) return;
    bool first = g.state == Load::wanted;
    bool poll = g.state == Load::ready && !g.refresh_in_flight && (g.poll_now || now_ms - g.loaded_at > group_every_ms);
    if (!first && !poll) return;
    std::string url = group_url(g);
    if (poll && !g.refresh_full) {
        std::string since;
        for (const encore::Availability& a : g.performances) since += (since.empty() ? "" : ",") + std::to_string(a.version);
        url += "?since=" + since;
    }
    if (first) g.state = Load::loading;
    else g.refresh_in_flight = true;
    g.poll_now = false;
    g.loaded_at = now_ms;
    int serial = g.serial;
    http.send({.url = std::move(url)}, [&app, serial, first](const HttpAnswer& a) {
        GroupSeats& g = app.season.group;
        if (!first) g.refresh_in_flight = false;
        if (serial != g.serial) return;  // the customer chose another group meanwhile
        if (a.status == 200) {
            bool applied = accept_group_availability(app, a.body);
            g.refresh_full = !applied;
            if (!applied) g.poll_now = true;
            g.loaded_at = app.clock_ms;
        } else if (!first) {
            g.refresh_full = true;
        } else {
            std::string detail = a.json().is_object() ? a.json().value("detail", "") : "";
            group_availability_failed(app, a.status == 0 ? "Could not reach the box office to load the seats."
                                                         : "The seats could not be loaded" + (detail.empty() ? "." : ": " + detail));
        }
    });
}

}  // namespace

void pump_season(AppState& app, HttpClient& http, double now_ms) {
    pump_clock(app, http, now_ms);
    pump_offers(app, http, now_ms);
    pump_group(app, http, now_ms);
    if (app.season.view == MainView::account) load_account_records(app, http);
}

std::int64_t server_clock_offset(const AppState& app) { return app.season.clock.offset_seconds; }

}  // namespace web
