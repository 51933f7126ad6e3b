// POST /api/holds (add a seat, joining the basket's token), POST /api/holds/{t}/release, DELETE
// /api/holds/{t} (the last seat), POST /api/holds/{t}/extend; answers update the picks and the hold.
#include "logic/hold_client.hpp"

#include <algorithm>

#include "logic/problem_text.hpp"
#include "logic/uri.hpp"

namespace web {

namespace {

constexpr double active_window_ms = 90'000;   // input within this long counts as "active"
constexpr double extend_gap_ms = 30'000;      // at most one extend request per 30 s

encore::Instant instant_of(const nlohmann::json& v) {
    if (v.is_number_integer()) return encore::Instant{v.get<std::int64_t>()};
    if (v.is_string())
        if (std::optional<encore::Instant> t = encore::parse_instant(v.get<std::string>())) return *t;
    return {};
}

}  // namespace

void accept_hold(AppState& app, const nlohmann::json& doc) {
    const nlohmann::json& h = doc.contains("hold") ? doc["hold"] : doc;
    if (!h.is_object()) return;
    if (h.contains("token") && h["token"].is_string()) app.hold.token = h["token"].get<std::string>();
    if (h.contains("expires_at")) {
        app.hold.expires_at = instant_of(h["expires_at"]);
        std::int64_t span = app.hold.expires_at.unix_seconds - app.now.unix_seconds;
        app.hold.span_seconds = std::max(app.hold.span_seconds, span);
    }
    if (h.contains("max_expires_at")) app.hold.max_expires_at = instant_of(h["max_expires_at"]);
    if (!h.contains("seats") || !h["seats"].is_array()) return;
    for (Pick& p : app.picks) p.held = false;
    for (const nlohmann::json& s : h["seats"]) {
        if (!s.is_object() || !s.contains("seat") || !s["seat"].is_string()) continue;
        std::string seat = s["seat"].get<std::string>();
        std::string instance = s.contains("instance") && s["instance"].is_string() ? s["instance"].get<std::string>() : "";
        for (Pick& p : app.picks)
            if (p.seat_id.value == seat && (instance.empty() || p.instance.value == instance)) p.held = true;
    }
}

namespace {

// Someone else has the seat: it leaves the basket and shows as taken.
void seat_taken(AppState& app, const HoldOp& op, const std::string& why) {
    auto it = std::find_if(app.picks.begin(), app.picks.end(),
                           [&](const Pick& p) { return p.instance == op.instance && p.seat_id == op.seat; });
    std::string name = it != app.picks.end() ? pick_name(app, *it) : op.seat.value;
    if (it != app.picks.end()) {
        if (op.instance == app.instance && it->seat < app.seats.size()) app.seats[it->seat] = encore::SeatState::held;
        app.picks.erase(it);
        ++app.picks_revision;
    }
    // A later release of this seat has nothing to release.
    std::erase_if(app.hold.queue, [&](const HoldOp& q) {
        return q.kind == HoldOp::Kind::release && q.instance == op.instance && q.seat == op.seat;
    });
    app.notice = why.empty() ? name + " has just been taken by someone else." : why;
    app.availability_poll_now = true;
}

void hold_expired(AppState& app) {
    bool had_seats = !app.picks.empty();
    forget_basket(app);
    if (had_seats) app.notice = "Your seats were held for you for a limited time and have been released. Choose them again.";
    app.availability_poll_now = true;
}

void send_add(AppState& app, HttpClient& http, const HoldOp& op) {
    nlohmann::json body = {{"instance", op.instance.value}, {"seats", nlohmann::json::array({op.seat.value})}};
    if (!app.hold.token.empty()) body["hold"] = app.hold.token;
    app.hold.in_flight = true;
    HttpRequest request{.method = "POST", .url = "/api/holds", .body = body.dump(), .bearer_token = app.account.token};
    http.send(std::move(request), [&app, op](const HttpAnswer& a) {
        app.hold.in_flight = false;
        if (a.ok()) {
            accept_hold(app, a.json());
            // A seat removed while its add was under way is released by the release queued behind it.
            app.availability_poll_now = true;
        } else if (a.problem() == encore::ApiProblem::hold_not_found) {  // our token expired: the basket goes, this seat starts a new hold
            auto it = std::find_if(app.picks.begin(), app.picks.end(),
                                   [&](const Pick& p) { return p.instance == op.instance && p.seat_id == op.seat; });
            std::optional<Pick> again = it != app.picks.end() ? std::optional<Pick>(*it) : std::nullopt;
            hold_expired(app);
            if (again) {
                app.picks.push_back(*again);
                ++app.picks_revision;
                app.hold.queue.insert(app.hold.queue.begin(), op);
            }
        } else if (a.problem() == encore::ApiProblem::seats_unavailable || a.status == 409) {
            seat_taken(app, op, "");
        } else {
            seat_taken(app, op, problem_words(a, "hold that seat"));
        }
    });
}

void send_release(AppState& app, HttpClient& http, const HoldOp& op) {
    if (app.hold.token.empty()) return;  // nothing held (the add failed or never went)
    std::string url = "/api/holds/" + uri_component(app.hold.token);
    bool others = !app.picks.empty() ||
                  std::any_of(app.hold.queue.begin(), app.hold.queue.end(), [](const HoldOp& q) { return q.kind == HoldOp::Kind::add; });
    app.hold.in_flight = true;
    if (!others) {  // the last seat: the whole hold goes
        app.hold.token.clear();
        http.send({.method = "DELETE", .url = url, .bearer_token = app.account.token}, [&app](const HttpAnswer&) {
            app.hold.in_flight = false;
            app.availability_poll_now = true;
        });
        return;
    }
    nlohmann::json body = {{"seats", nlohmann::json::array({{{"instance", op.instance.value}, {"seat", op.seat.value}}})}};
    HttpRequest request{.method = "POST", .url = url + "/release", .body = body.dump(), .bearer_token = app.account.token};
    http.send(std::move(request), [&app](const HttpAnswer& a) {
        app.hold.in_flight = false;
        if (a.ok()) accept_hold(app, a.json());
        else if (a.problem() == encore::ApiProblem::hold_not_found) hold_expired(app);
        app.availability_poll_now = true;
    });
}

void send_extend(AppState& app, HttpClient& http, double now_ms) {
    app.hold.extending = true;
    app.hold.last_extend_ms = now_ms;
    HttpRequest request{.method = "POST", .url = "/api/holds/" + uri_component(app.hold.token) + "/extend", .body = "{}",
                        .bearer_token = app.account.token};
    http.send(std::move(request), [&app](const HttpAnswer& a) {
        app.hold.extending = false;
        if (a.ok()) accept_hold(app, a.json());
        else if (a.problem() == encore::ApiProblem::hold_not_found) hold_expired(app);
    });
}

}  // namespace

void note_activity(AppState& app, double now_ms) { app.hold.last_activity_ms = now_ms; }

long long hold_seconds_left(const AppState& app) {
    if (app.hold.token.empty() || app.hold.expires_at.unix_seconds == 0) return -1;
    return std::max<long long>(0, app.hold.expires_at.unix_seconds - app.now.unix_seconds);
}

void pump_holds(AppState& app, HttpClient& http, double now_ms) {
    if (!app.hold.in_flight && !app.hold.queue.empty()) {
        HoldOp op = app.hold.queue.front();
        app.hold.queue.erase(app.hold.queue.begin());
        if (op.kind == HoldOp::Kind::add) send_add(app, http, op);
        else send_release(app, http, op);
    }
    long long left = hold_seconds_left(app);
    if (left == 0 && !app.hold.in_flight && app.checkout.step == CheckoutStep::idle) {
        hold_expired(app);
        return;
    }
    bool active = now_ms - app.hold.last_activity_ms < active_window_ms;
    bool can_grow = app.hold.max_expires_at.unix_seconds == 0 || app.hold.expires_at < app.hold.max_expires_at;
    if (left > 0 && active && can_grow && !app.hold.extending && !app.hold.in_flight &&
        left * 2 < app.hold.span_seconds && now_ms - app.hold.last_extend_ms > extend_gap_ms)
        send_extend(app, http, now_ms);
}

}  // namespace web
