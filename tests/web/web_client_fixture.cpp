// The fakes behind the web logic's interfaces, and the small season the tests sell.
#include "web_client_fixture.hpp"

#include <catch2/catch.hpp>

#include "encore/time.hpp"
#include "logic/tick.hpp"

namespace webtest {

nlohmann::json small_catalog() {
    return nlohmann::json::parse(R"({
  "format": 1,
  "currency": "GBP",
  "price_bands": [ {"id": "A", "name": "Band A", "color": "#b03a48"},
                   {"id": "B", "name": "Band B", "color": "#3a7bb0"} ],
  "ticket_types": [ {"id": "adult", "name": "Adult"}, {"id": "child", "name": "Child"} ],
  "venues": [ { "id": "hall", "name": "Little Hall",
    "plan": { "width": 10, "height": 8, "stage": {"x": 2, "y": 0, "width": 6, "height": 1},
      "sections": [
        { "id": "ST", "name": "Stalls", "level": 0, "label_at": {"x": 5, "y": 2},
          "rows": [ { "name": "A", "seats": [
              {"id": "ST-A-1", "number": "1", "x": 3, "y": 3, "band": "A", "attributes": ["aisle"]},
              {"id": "ST-A-2", "number": "2", "x": 4, "y": 3, "band": "A"},
              {"id": "ST-A-3", "number": "3", "x": 5, "y": 3, "band": "A", "attributes": ["wheelchair"]},
              {"id": "ST-A-4", "number": "4", "x": 6, "y": 3, "band": "A", "attributes": ["companion"]} ] } ] },
        { "id": "CI", "name": "Circle", "level": 1,
          "rows": [ { "name": "A", "seats": [
              {"id": "CI-A-1", "number": "1", "x": 4, "y": 6, "band": "B", "attributes": ["restricted_view", "aisle"]},
              {"id": "CI-A-2", "number": "2", "x": 5, "y": 6, "band": "B"} ] } ] } ] } } ],
  "seasons": [ {"id": "s27", "name": "Season 2027", "starts": "2027-01-11", "ends": "2027-04-11"} ],
  "price_lists": [ {"id": "std", "name": "Standard", "kind": "standard", "prices": [
      {"band": "A", "ticket_type": "adult", "amount": 4500}, {"band": "A", "ticket_type": "child", "amount": 2250},
      {"band": "B", "ticket_type": "adult", "amount": 3000}, {"band": "B", "ticket_type": "child", "amount": 1500} ] } ],
  "events": [ {"id": "macbeth", "name": "Macbeth", "description": "The Scottish play.", "season": "s27",
               "venue": "hall", "price_list": "std"},
              {"id": "hamlet", "name": "Hamlet", "season": "s27", "venue": "hall", "price_list": "std"} ],
  "instances": [
    {"id": "macbeth-1", "event": "macbeth", "starts_at": "2027-01-12T19:30:00Z", "on_sale": {"web": "2026-11-01T10:00:00Z"}},
    {"id": "macbeth-2", "event": "macbeth", "starts_at": "2027-01-16T14:30:00Z", "on_sale": {"web": "2026-11-01T10:00:00Z"}},
    {"id": "hamlet-1", "event": "hamlet", "starts_at": "2027-03-02T19:30:00Z", "on_sale": {"web": "2027-02-01T10:00:00Z"}} ],
  "fees": [ {"id": "booking-fee", "name": "booking fee", "per": "ticket", "kind": "fixed", "amount": 150, "channels": ["web"]} ]
})");
}

void FakeHttp::send(web::HttpRequest request, web::HttpDone done) {
    sent_.push_back({std::move(request), std::move(done), false});
}

std::vector<std::string> FakeHttp::waiting() const {
    std::vector<std::string> out;
    for (const Sent& s : sent_)
        if (!s.answered) out.push_back(s.request.method + " " + s.request.url);
    return out;
}

bool FakeHttp::is_waiting(std::string_view what) const {
    for (const std::string& w : waiting())
        if (std::string_view(w).starts_with(what)) return true;
    return false;
}

std::size_t FakeHttp::find(std::string_view what) const {
    for (std::size_t i = 0; i < sent_.size(); ++i)
        if (!sent_[i].answered && std::string_view(sent_[i].request.method + " " + sent_[i].request.url).starts_with(what))
            return i;
    FAIL("no unanswered request starts with \"" << std::string(what) << "\"; waiting: " << nlohmann::json(waiting()).dump());
    return 0;
}

const web::HttpRequest& FakeHttp::peek(std::string_view what) const { return sent_[find(what)].request; }

web::HttpRequest FakeHttp::answer(std::string_view what, int status, const std::string& body) {
    std::size_t i = find(what);
    sent_[i].answered = true;
    web::HttpRequest request = sent_[i].request;
    web::HttpDone done = std::move(sent_[i].done);  // the callback may send more requests (sent_ grows)
    done(web::HttpAnswer(status, body));
    return request;
}

std::vector<web::HttpRequest> FakeHttp::sent() const {
    std::vector<web::HttpRequest> out;
    for (const Sent& s : sent_) out.push_back(s.request);
    return out;
}

std::optional<std::string> FakeStore::get(const std::string& key) {
    auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

void FakeStore::set(const std::string& key, const std::string& value) {
    if (value.empty())
        values.erase(key);
    else
        values[key] = value;
}

void WebClient::tick(double step_ms) {
    wall_ms += step_ms;
    ms += step_ms;
    web::tick(app, services, {.wall_ms = wall_ms, .monotonic_ms = ms});
}

void WebClient::load(const nlohmann::json& catalog, const std::string& seats) {
    tick();
    http.answer("GET /api/catalog", 200, catalog);
    REQUIRE(app.phase == web::Phase::ready);
    tick();
    std::string instance = app.instance.value;
    http.answer("GET /api/instances/" + instance + "/availability", 200,
                nlohmann::json{{"instance", instance}, {"version", 1}, {"seats", seats}});
    REQUIRE(app.availability == web::Fetch::ready);
}

std::uint32_t WebClient::seat(const std::string& seat_id) const {
    const encore::Venue* venue = web::current_venue(app);
    REQUIRE(venue);
    std::optional<std::uint32_t> index = venue->plan.seat_index(encore::SeatId{seat_id});
    REQUIRE(index);
    return *index;
}

bool WebClient::toggle(const std::string& seat_id) { return web::toggle_seat(app, seat(seat_id)); }

nlohmann::json hold_answer(const web::AppState& app, const std::string& token, const std::vector<std::string>& seats,
                           std::int64_t seconds) {
    nlohmann::json list = nlohmann::json::array();
    for (const std::string& s : seats) list.push_back({{"instance", app.instance.value}, {"seat", s}});
    encore::Instant expires{app.now.unix_seconds + seconds}, max{app.now.unix_seconds + 3600};
    return {{"hold", {{"token", token}, {"expires_at", encore::format_instant(expires)},
                      {"max_expires_at", encore::format_instant(max)}, {"seats", list}}}};
}

nlohmann::json problem(int status, const std::string& code, const std::string& detail, const std::string& title) {
    nlohmann::json p = {{"type", "/problems/" + code}, {"status", status}, {"code", code}};
    if (!detail.empty()) p["detail"] = detail;
    if (!title.empty()) p["title"] = title;
    return p;
}

}  // namespace webtest
