// POST /api/holds (add a seat, joining the basket's token), POST /api/holds/{t}/release, DELETE
// /api/holds/{t} (the last seat), POST /api/holds/{t}/extend; answers update the picks and the hold.
#include "logic/hold_client.hpp"

#include <algorithm>

#include "encore/pricing_json.hpp"
#include "logic/problem_text.hpp"
#include "logic/season_basket.hpp"
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
    std::vector<std::pair<std::string, std::string>> held;  // (instance, seat)
    for (const nlohmann::json& s : h["seats"]) {
        if (!s.is_object() || !s.contains("seat") || !s["seat"].is_string()) continue;
        std::string seat = s["seat"].get<std::string>();
        std::string instance = s.contains("instance") && s["instance"].is_string() ? s["instance"].get<std::string>() : "";
        held.emplace_back(instance, seat);
        for (Pick& p : app.picks)
            if (p.seat_id.value == seat && (instance.empty() || p.instance.value == instance)) p.held = true;
    }
    for (SeriesPick& series : app.season.series_picks)  // held when its seat is held at every one of its performances
        series.held = !series.instances.empty() &&
                      std::all_of(series.instances.begin(), series.instances.end(), [&](const encore::InstanceId& i) {
                          return std::find(held.begin(), held.end(), std::pair{i.value, series.seat_id.value}) != held.end();
                      });
}

namespace {

bool is_op_of(const SeriesPick& pick, const HoldOp& op) {
    return op.series && pick.series == op.series->series && pick.group == op.series->group && pick.seat_id == op.seat &&
           pick.instances == op.series->instances;
}

// The basket lines that decide what the customer may hold besides the seats asked for: the series seats,
// passes and memberships of the basket (a membership being bought opens its locked seats and priority
// windows). Empty when there are none, so plain ticket holds send no basket.
nlohmann::json hold_context(const AppState& app, const HoldOp& op) {
    encore::Basket rest;
    append_season_lines(app, rest);
    std::erase_if(rest.lines, [&](const encore::BasketLine& line) {
        return op.series && line.kind == encore::LineKind::series && line.product == op.series->series &&
               line.group == op.series->group && line.seat == op.seat;
    });
    if (rest.lines.empty()) return nullptr;
    return encore::basket_to_json(rest);
}

// A series seat someone else has at one of its performances, or the core refuses: it leaves the basket.
void series_seat_taken(AppState& app, const HoldOp& op, const std::string& why) {
    auto& picks = app.season.series_picks;
    auto it = std::find_if(picks.begin(), picks.end(), [&](const SeriesPick& p) { return is_op_of(p, op); });
    std::string name = op.seat.value;
    if (it != picks.end()) {
        const encore::Venue* venue = app.catalog ? app.catalog->find_venue(it->venue) : nullptr;
        if (venue && it->seat < venue->plan.seats.size()) name = venue->plan.seat_name(it->seat);
        picks.erase(it);
        ++app.picks_revision;
    }
    std::erase_if(app.hold.queue, [&](const HoldOp& q) {
        return q.kind == HoldOp::Kind::release && q.series && q.seat == op.seat && q.series->group == op.series->group;
    });
    app.notice = why.empty() ? name + " has just been taken by someone else at one of the performances." : why;
    app.season.group.poll_now = true;
}

// Someone else has the seat: it leaves the basket and shows as taken.
void seat_taken(AppState& app, const HoldOp& op, const std::string& why) {
    if (op.series) return series_seat_taken(app, op, why);
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
    bool had_seats = basket_has_seats(app);
    forget_basket(app);
    if (had_seats) app.notice = "Your seats were held for you for a limited time and have been released. Choose them again.";
    app.availability_poll_now = true;
}

nlohmann::json add_body(const AppState& app, const HoldOp& op) {
    nlohmann::json body;
    if (op.series) {
        body = {{"series", op.series->series.value}, {"group", op.series->group.value}, {"seat", op.seat.value}};
        nlohmann::json instances = nlohmann::json::array();
        for (const encore::InstanceId& i : op.series->instances) instances.push_back(i.value);
        body["instances"] = instances;
        if (!op.series->band.empty()) body["band"] = op.series->band.value;
        if (!op.series->ticket_type.empty()) body["ticket_type"] = op.series->ticket_type.value;
    } else {
        body = {{"instance", op.instance.value}, {"seats", nlohmann::json::array({op.seat.value})}};
    }
    if (!app.hold.token.empty()) body["hold"] = app.hold.token;
    if (nlohmann::json rest = hold_context(app, op); !rest.is_null()) body["basket"] = std::move(rest);
    return body;
}

void send_add(AppState& app, HttpClient& http, const HoldOp& op) {
    nlohmann::json body = add_body(app, op);
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
                                   [&](const Pick& p) { return !op.series && p.instance == op.instance && p.seat_id == op.seat; });
            std::optional<Pick> again = it != app.picks.end() ? std::optional<Pick>(*it) : std::nullopt;
            auto& series = app.season.series_picks;
            auto s_it = std::find_if(series.begin(), series.end(), [&](const SeriesPick& p) { return is_op_of(p, op); });
            std::optional<SeriesPick> series_again = s_it != series.end() ? std::optional<SeriesPick>(*s_it) : std::nullopt;
            hold_expired(app);
            if (again) app.picks.push_back(*again);
            if (series_again) app.season.series_picks.push_back(*series_again);
            if (again || series_again) {
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
    bool others = basket_has_seats(app) ||
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
    nlohmann::json seats = nlohmann::json::array();
    if (op.series)
        for (const encore::InstanceId& i : op.series->instances) seats.push_back({{"instance", i.value}, {"seat", op.seat.value}});
    else
        seats.push_back({{"instance", op.instance.value}, {"seat", op.seat.value}});
    nlohmann::json body = {{"seats", seats}};
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
