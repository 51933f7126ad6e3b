// The fakes behind the web logic's interfaces, and the small season the tests sell.
#include "web_client_fixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "catalog_fixture.hpp"
#include "encore/time.hpp"
#include "logic/tick.hpp"

namespace webtest {

// The core tests' small catalog with Macbeth's two performances on its standard price list, a child price in
// band B, a web booking fee, and Hamlet.
nlohmann::json small_catalog() {
    nlohmann::json c = small_catalog_json();
    c["price_lists"][0]["prices"].push_back({{"band", "B"}, {"ticket_type", "child"}, {"amount", 1500}});
    c["events"].push_back({{"id", "hamlet"}, {"name", "Hamlet"}, {"season", "s27"}, {"venue", "hall"}, {"price_list", "std"}});
    c["instances"] = nlohmann::json::parse(R"([
    {"id": "macbeth-1", "event": "macbeth", "starts_at": "2027-01-12T19:30:00Z", "on_sale": {"web": "2026-11-01T10:00:00Z"}},
    {"id": "macbeth-2", "event": "macbeth", "starts_at": "2027-01-16T14:30:00Z", "on_sale": {"web": "2026-11-01T10:00:00Z"}},
    {"id": "hamlet-1", "event": "hamlet", "starts_at": "2027-03-02T19:30:00Z", "on_sale": {"web": "2027-02-01T10:00:00Z"}}])");
    c["fees"] = nlohmann::json::parse(
        R"([{"id": "booking-fee", "name": "booking fee", "per": "ticket", "kind": "fixed", "amount": 150, "channels": ["web"]}])");
    return c;
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
    if (!answer_background_reads) return;
    while (http.is_waiting("GET /api/health"))
        http.answer("GET /api/health", 200,
                    nlohmann::json{{"status", "ok"}, {"now", encore::format_instant(encore::Instant{static_cast<std::int64_t>(wall_ms / 1000)})}});
    while (http.is_waiting("GET /api/offers/remaining")) http.answer("GET /api/offers/remaining", 200, nlohmann::json{{"offers", nlohmann::json::object()}});
}

void WebClient::sign_in(const std::string& email, const encore::Customer& customer) {
    app.account.token = "session-" + email;
    app.account.email = email;
    app.account.customer = customer;
    ++app.account.customer_revision;
}

nlohmann::json demo_catalog() {
    std::ifstream in(ENCORE_ASSETS_DIR "/demo/catalog.json");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
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
