// Storing the basket on change, reading it back after a reload, and what to send when the page closes.
#include "logic/basket_memory.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "logic/app_state.hpp"
#include "logic/hold_client.hpp"
#include "logic/problem_text.hpp"
#include "logic/uri.hpp"

namespace web {

namespace {

std::string hold_url(const std::string& token) { return "/api/holds/" + uri_component(token); }

// The basket without the time it was saved: storage is rewritten only when this changes.
nlohmann::json basket_document(const AppState& app) {
    nlohmann::json picks = nlohmann::json::array();
    for (const Pick& p : app.picks)
        picks.push_back({{"instance", p.instance.value}, {"seat", p.seat_id.value}, {"ticket_type", p.ticket_type.value}});
    return {{"hold", app.hold.token}, {"picks", picks}};
}

bool nothing_to_keep(const AppState& app) { return app.picks.empty() && app.hold.token.empty(); }

// A stored pick back as a Pick, if the catalog still has its performance and seat.
std::optional<Pick> pick_from(const AppState& app, const nlohmann::json& j) {
    if (!j.is_object() || !j.value("instance", nlohmann::json()).is_string() || !j.value("seat", nlohmann::json()).is_string())
        return std::nullopt;
    const encore::Instance* inst = app.catalog->find_instance(encore::InstanceId{j["instance"].get<std::string>()});
    const encore::Venue* venue = inst ? app.catalog->find_venue(inst->venue) : nullptr;
    std::optional<std::uint32_t> seat = venue ? venue->plan.seat_index(encore::SeatId{j["seat"].get<std::string>()}) : std::nullopt;
    if (!seat) return std::nullopt;
    encore::TicketTypeId type{j.contains("ticket_type") && j["ticket_type"].is_string() ? j["ticket_type"].get<std::string>() : ""};
    if (type.empty() || !app.catalog->find_ticket_type(type))
        type = app.catalog->default_ticket_type(*inst, *seat).value_or(app.ticket_type);
    return Pick{inst->id, *seat, venue->plan.seats[*seat].id, type, false};
}

void restored(AppState& app) {
    app.page.memory.phase = BasketMemory::Phase::done;
    app.hold.in_flight = false;
}

// The basket's hold is back: extend it to a full hold again (it was abandoned as the old page closed).
void extend_restored(AppState& app, Services& services) {
    services.http.send({.method = "POST", .url = hold_url(app.hold.token) + "/extend", .body = "{}", .bearer_token = app.account.token},
                       [&app](const HttpAnswer& a) {
                           restored(app);
                           if (a.ok()) accept_hold(app, a.json());
                           app.hold.last_extend_ms = app.clock_ms;
                           app.availability_poll_now = true;
                       });
}

// GET /api/holds/{token} answered: the picks it still holds come back, in their stored order and ticket types.
void hold_read(AppState& app, Services& services, const nlohmann::json& stored_picks, const HttpAnswer& a) {
    if (!a.ok()) {
        restored(app);
        services.storage.set(basket_storage_key, "");
        app.page.memory.saved.clear();
        if (!stored_picks.empty())
            app.notice = a.status == 404 || a.status == 410
                             ? "The seats in your basket were released while the page was closed. Choose them again."
                             : "Your basket could not be restored: " + problem_words(a, "read your basket");
        return;
    }
    std::vector<Pick> meanwhile = std::move(app.picks);  // chosen while the hold was read: their adds are queued
    app.picks.clear();
    for (const nlohmann::json& j : stored_picks)
        if (std::optional<Pick> p = pick_from(app, j)) app.picks.push_back(*p);
    const nlohmann::json& hold = a.json().contains("hold") ? a.json()["hold"] : a.json();
    // Seats of the hold the stored picks missed (e.g. storage was written just before a seat's answer came).
    if (hold.contains("seats") && hold["seats"].is_array())
        for (const nlohmann::json& s : hold["seats"]) {
            std::optional<Pick> p = pick_from(app, s);
            if (p && std::none_of(app.picks.begin(), app.picks.end(),
                                  [&](const Pick& q) { return q.instance == p->instance && q.seat_id == p->seat_id; }))
                app.picks.push_back(*p);
        }
    accept_hold(app, a.json());
    std::erase_if(app.picks, [](const Pick& p) { return !p.held; });
    for (Pick& p : meanwhile)
        if (std::none_of(app.picks.begin(), app.picks.end(),
                         [&](const Pick& q) { return q.instance == p.instance && q.seat_id == p.seat_id; }))
            app.picks.push_back(std::move(p));
    ++app.picks_revision;
    if (!app.picks.empty() && !app.page.links.opened_from_address && app.picks.front().instance != app.instance)
        choose_instance(app, app.picks.front().instance.value);
    if (app.hold.token.empty()) {
        restored(app);
        return;
    }
    extend_restored(app, services);
}

void start_restore(AppState& app, Services& services, double wall_ms) {
    BasketMemory& m = app.page.memory;
    m.phase = BasketMemory::Phase::done;
    std::optional<std::string> stored = services.storage.get(basket_storage_key);
    if (!stored) return;
    m.saved = *stored;
    nlohmann::json doc = nlohmann::json::parse(*stored, nullptr, /*allow_exceptions=*/false);
    const bool readable = doc.is_object() && doc.value("hold", nlohmann::json()).is_string() && doc.contains("picks") &&
                          doc["picks"].is_array();
    const double saved_at = readable && doc.value("saved_at", nlohmann::json()).is_number() ? doc["saved_at"].get<double>() : 0;
    if (!readable || doc["hold"].get<std::string>().empty() || wall_ms - saved_at > basket_memory_max_age_ms) {
        services.storage.set(basket_storage_key, "");
        m.saved.clear();
        return;
    }
    m.phase = BasketMemory::Phase::restoring;
    app.hold.in_flight = true;  // no other hold request until the old hold is known
    app.hold.token = doc["hold"].get<std::string>();
    nlohmann::json picks = doc["picks"];
    services.http.send({.url = hold_url(app.hold.token), .bearer_token = app.account.token},
                       [&app, &services, picks](const HttpAnswer& a) {
                           if (!a.ok()) app.hold.token.clear();
                           hold_read(app, services, picks, a);
                       });
}

}  // namespace

std::string remembered_basket(const AppState& app, double wall_ms) {
    if (nothing_to_keep(app)) return "";
    nlohmann::json doc = basket_document(app);
    doc["saved_at"] = wall_ms;
    return doc.dump();
}

void pump_basket_memory(AppState& app, Services& services, double wall_ms) {
    BasketMemory& m = app.page.memory;
    if (m.phase == BasketMemory::Phase::waiting) {
        if (app.phase == Phase::ready) start_restore(app, services, wall_ms);
        return;
    }
    if (m.phase == BasketMemory::Phase::restoring) return;
    if (m.reclaim) {
        m.reclaim = false;
        if (!app.hold.token.empty() && !app.hold.in_flight) {
            app.hold.in_flight = true;
            extend_restored(app, services);
            return;
        }
    }
    // Rewrite storage when the basket changed (the stored copy also carries the time it was written).
    std::string now = nothing_to_keep(app) ? "" : basket_document(app).dump();
    if (now == m.kept && !(now.empty() && !m.saved.empty())) return;
    m.kept = now;
    m.saved = remembered_basket(app, wall_ms);
    services.storage.set(basket_storage_key, m.saved);
}

std::optional<HttpRequest> page_closing_request(const AppState& app) {
    if (app.hold.token.empty()) return std::nullopt;
    return HttpRequest{.method = "POST", .url = hold_url(app.hold.token) + "/abandon", .body = "", .bearer_token = app.account.token};
}

void page_shown_again(AppState& app) { app.page.memory.reclaim = true; }

}  // namespace web
