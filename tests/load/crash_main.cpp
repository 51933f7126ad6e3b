// Crash check: customers buy seats while the server is killed with SIGKILL at random moments and
// restarted on the same database. After each restart every order acknowledged so far must be there
// (API and SQLite) with its seats, nothing double-sold, PRAGMA integrity_check ok, and a replay of an
// acknowledged request with its Idempotency-Key must return the same order; a full audit ends the run.
// Exit 0 clean, 1 violations, 2 the run failed. usage: crash_test --server BIN [--kills 5] [--clients 12]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

#include "audit.hpp"
#include "generated_catalog.hpp"
#include "purchase.hpp"
#include "run_support.hpp"
#include "server_child.hpp"

using namespace encore;
using namespace encore::load;

namespace {

constexpr int order_retries = 200;  // x 100 ms: an order is re-sent with its key until the server is back

struct Shared {
    std::mutex mutex;
    std::vector<Attempt> attempts;
    std::vector<std::string> unexpected;
};

// A ticket for 1-2 random seats at a random performance, or (1 in 5) the series; clients may collide.
Want random_want(const GeneratedCatalog& shape, std::mt19937& rng) {
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    Want want;
    if (pick(5) == 0) {
        want.series = true;
        want.series_id = "season-series";
        want.group_id = "all";
        want.seats = {generated_seat_id(pick(shape.rows), pick(shape.seats_per_row))};
        return want;
    }
    want.instance = generated_instance_id(pick(shape.instances));
    const int row = pick(shape.rows), seat = pick(shape.seats_per_row - 1);
    want.seats = {generated_seat_id(row, seat)};
    if (pick(2) == 0) want.seats.push_back(generated_seat_id(row, seat + 1));
    return want;
}

void customer(int c, int port, const Catalog& catalog, const GeneratedCatalog& shape, std::atomic<bool>& stop,
              Shared& shared) {
    std::mt19937 rng(static_cast<unsigned>(c) * 104729u + 17u);
    ApiClient api("127.0.0.1", port, 5);
    const std::string email = "crash-" + std::to_string(c) + "@load.example";
    std::string card;
    try {
        card = register_customer(api, email);
    } catch (const std::exception& error) {
        std::lock_guard lock(shared.mutex);
        shared.unexpected.push_back(email + ": " + error.what());
        return;
    }
    for (int n = 0; !stop; ++n) {
        Attempt attempt = purchase(api, catalog, random_want(shape, rng), card,
                                   "crash-" + std::to_string(c) + "-" + std::to_string(n), order_retries);
        attempt.client = c;
        attempt.account_email = email;
        std::lock_guard lock(shared.mutex);
        const bool hold_ok = attempt.hold.status == 201 || attempt.hold.status == 409 || attempt.hold.status == 0;
        const bool order_ok = attempt.hold_token.empty() || attempt.order.status == 201 ||
                              attempt.order.status == 200 || attempt.order.status == 409;
        if (!hold_ok || !order_ok)
            shared.unexpected.push_back(email + ": hold " + std::to_string(attempt.hold.status) + " " + attempt.hold.code() +
                                        ", order " + std::to_string(attempt.order.status) + " " + attempt.order.code());
        shared.attempts.push_back(std::move(attempt));
    }
}

// Replays acknowledged requests with their keys as their owners; each must give the same order.
void check_replays(int port, const std::vector<Attempt>& acknowledged, std::mt19937& rng, AuditResult& audit) {
    ApiClient api("127.0.0.1", port, 10);
    std::vector<const Attempt*> sample;
    for (const auto& a : acknowledged) sample.push_back(&a);
    std::shuffle(sample.begin(), sample.end(), rng);
    if (sample.size() > 25) sample.resize(25);
    for (const Attempt* a : sample) {
        api.set_token(a->token);
        Reply replay = api.post("/api/orders", a->order_body, a->idempotency_key);
        const std::string reference =
            replay.body.is_object() ? replay.body.value("order", nlohmann::json::object()).value("reference", "") : "";
        if ((replay.status != 200 && replay.status != 201) || reference != a->reference)
            audit.violations.push_back("replaying key " + a->idempotency_key + " answered " + std::to_string(replay.status) +
                                       " " + replay.code() + " with order \"" + reference + "\", not " + a->reference);
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        auto flags = parse_flags(argc, argv);
        const std::string server_bin = flag_text(flags, "server", "");
        if (server_bin.empty()) {
            std::cerr << "usage: crash_test --server BIN [--kills N] [--clients N] [--seed N]\n";
            return 2;
        }
        const int kills = flag_int(flags, "kills", 5), clients = flag_int(flags, "clients", 12);
        std::mt19937 rng(static_cast<unsigned>(flag_int(flags, "seed", static_cast<int>(std::random_device{}()))));
        TempFolder dir("encore-crash");
        const GeneratedCatalog shape{20, 25, 24, 10};  // 12,000 seat-performances: seats rarely run out
        std::ofstream(dir.file("catalog.json")) << generated_catalog(shape).dump();
        ServerChild server(server_bin, load_server_args(dir.file("encore.db"), dir.file("catalog.json"), 32),
                           dir.file("server.log"));
        ApiClient reader("127.0.0.1", server.port());
        const Catalog catalog = fetch_catalog(reader);

        Shared shared;
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c)
            threads.emplace_back(customer, c, server.port(), std::cref(catalog), std::cref(shape), std::ref(stop),
                                 std::ref(shared));
        AuditResult audit;
        std::size_t checked = 0;  // acknowledged orders already read back through the API
        for (int k = 1; k <= kills; ++k) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1200, 3500)(rng)));
            server.kill_hard();
            std::vector<Attempt> acknowledged;
            {
                std::lock_guard lock(shared.mutex);
                for (const auto& a : shared.attempts)
                    if (a.acknowledged()) acknowledged.push_back(a);
            }
            const auto killed_at = std::chrono::steady_clock::now();
            server.restart();
            const double restart_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - killed_at).count();
            AuditResult after;
            AuditOptions mid_run;
            mid_run.final_state = false;
            audit_database(dir.file("encore.db"), acknowledged, mid_run, after);
            // Through the API: every order acknowledged since the last kill, and 100 older ones.
            std::vector<Attempt> recent(acknowledged.begin() + static_cast<std::ptrdiff_t>(checked), acknowledged.end());
            std::vector<Attempt> older(acknowledged.begin(), acknowledged.begin() + static_cast<std::ptrdiff_t>(checked));
            std::shuffle(older.begin(), older.end(), rng);
            recent.insert(recent.end(), older.begin(), older.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(100, older.size())));
            checked = acknowledged.size();
            audit_api("127.0.0.1", server.port(), catalog, recent, mid_run, after);
            check_replays(server.port(), acknowledged, rng, after);
            const double check_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - killed_at).count() - restart_ms;
            std::printf("crash: kill -9 #%d (restart %.0f ms, checks %.0f ms) with %zu orders acknowledged so far: %s\n", k,
                        restart_ms, check_ms, acknowledged.size(),
                        after.clean() ? "all there, integrity ok, replays give the same orders" : after.summary().c_str());
            for (auto& v : after.violations) audit.violations.push_back("after kill " + std::to_string(k) + ": " + v);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        stop = true;
        for (auto& t : threads) t.join();

        for (const auto& error : shared.unexpected) audit.violations.push_back("unexpected answer: " + error);
        long unresolved = 0, resent = 0, resent_acknowledged = 0;
        for (const auto& a : shared.attempts) {
            if (!a.hold_token.empty() && a.order.status == 0) ++unresolved;
            if (a.order_sends > 1) ++resent, resent_acknowledged += a.acknowledged();
        }
        std::printf("crash: %ld orders got no answer at a kill and were re-sent with their key; %ld of them acknowledged\n",
                    resent, resent_acknowledged);
        if (unresolved) audit.violations.push_back(std::to_string(unresolved) + " orders never got an answer");
        AuditOptions final_state;
        final_state.expect_no_held_seats = false;  // a hold whose answer a kill swallowed stays until it expires
        AuditResult last;
        audit_api("127.0.0.1", server.port(), catalog, shared.attempts, final_state, last);
        audit_database(dir.file("encore.db"), shared.attempts, final_state, last);
        for (auto& v : last.violations) audit.violations.push_back("final: " + v);
        audit.orders = last.orders, audit.sold_seats = last.sold_seats, audit.seat_rows = last.seat_rows;
        audit.acknowledged_orders = last.acknowledged_orders, audit.acknowledged_seats = last.acknowledged_seats;
        std::printf("crash: %d kills, %zu purchases; %s\n", kills, shared.attempts.size(), audit.summary().c_str());
        if (audit.acknowledged_orders == 0) {
            std::printf("crash: no order was acknowledged, so the run proves nothing\n");
            return 2;
        }
        return audit.clean() ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "crash_test: %s\n", error.what());
        return 2;
    }
}
