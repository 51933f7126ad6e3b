// The web client's logic wired to fakes: an HttpClient that records every request for the test to answer, an
// in-memory store, numbered Idempotency-Keys and a clock the test moves; plus a small season to sell.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "logic/app_state.hpp"
#include "logic/services.hpp"

namespace webtest {

// One hall of six seats (Stalls A-1..A-4 in band A, Circle A-1..A-2 in band B), Adult and Child tickets, a
// web booking fee of £1.50 per ticket; Macbeth (two performances) on sale on the web since 1 Nov 2026,
// Hamlet not until 1 Feb 2027. The core tests' small catalog, extended.
nlohmann::json small_catalog();
// Date.now() when every test starts: 2026-12-01T12:00:00Z.
inline constexpr double start_wall_ms = 1796126400.0 * 1000;

class FakeHttp : public web::HttpClient {
public:
    void send(web::HttpRequest request, web::HttpDone done) override;
    // "METHOD url" of every request not answered yet, oldest first.
    std::vector<std::string> waiting() const;
    // Whether a request whose "METHOD url" starts with `what` is waiting for its answer.
    bool is_waiting(std::string_view what) const;
    // The oldest unanswered request whose "METHOD url" starts with `what` (the test fails without one).
    const web::HttpRequest& peek(std::string_view what) const;
    // Answers that request with `status` and `body` (JSON text) and returns what it was.
    web::HttpRequest answer(std::string_view what, int status, const std::string& body);
    web::HttpRequest answer(std::string_view what, int status, const nlohmann::json& body) {
        return answer(what, status, body.dump());
    }
    // Every request sent so far, in order.
    std::vector<web::HttpRequest> sent() const;

private:
    struct Sent {
        web::HttpRequest request;
        web::HttpDone done;
        bool answered = false;
    };
    std::size_t find(std::string_view what) const;
    std::vector<Sent> sent_;
};

class FakeStore : public web::KeyValueStore {
public:
    std::optional<std::string> get(const std::string& key) override;
    void set(const std::string& key, const std::string& value) override;
    std::map<std::string, std::string> values;
};

struct WebClient {
    WebClient() = default;
    WebClient(const WebClient&) = delete;
    WebClient& operator=(const WebClient&) = delete;

    FakeHttp http;
    FakeStore store;
    int keys_made = 0;
    web::Services services{http, store, [this] { return "key-" + std::to_string(++keys_made); }};
    web::AppState app;
    double wall_ms = start_wall_ms;  // Date.now()
    double ms = 1000;                // performance.now()
    // The server clock (GET /api/health) and offers' counts (GET /api/offers/remaining) are answered at once
    // (the server's time is the browser's, no offer is limited) unless a test answers them itself.
    bool answer_background_reads = true;

    // The next frame, `step_ms` later: web::tick with both clocks moved on.
    void tick(double step_ms = 16);
    // The catalog answered, then the first performance's availability (`seats`, version 1).
    void load(const nlohmann::json& catalog, const std::string& seats = "oooooo");
    void load() { load(small_catalog()); }
    std::uint32_t seat(const std::string& seat_id) const;
    // toggle_seat on the chosen performance's seat.
    bool toggle(const std::string& seat_id);
    // Signed in as `email` with this customer record (what GET /api/me/customer would give).
    void sign_in(const std::string& email, const encore::Customer& customer = {});
};

// Encore's demo season (assets/demo/catalog.json): a 1,857-seat theatre, the 5 Play Package, the Flex 4 Pass and
// the Friends of the Encore.
nlohmann::json demo_catalog();

// {"hold":{"token","expires_at","max_expires_at","seats":[{"instance","seat"}...]}}, expiring `seconds` after
// app.now and at most an hour after it.
nlohmann::json hold_answer(const web::AppState& app, const std::string& token, const std::vector<std::string>& seats,
                           std::int64_t seconds = 600);
// {"type","status","code"} with "detail" and "title" when given, as the server writes problems.
nlohmann::json problem(int status, const std::string& code, const std::string& detail = "", const std::string& title = "");

}  // namespace webtest
