// Crash check: customers buy seats while the server is killed with SIGKILL at random moments and
// restarted on the same database. After each restart every order acknowledged so far must be there
// (API and SQLite) with its seats, nothing double-sold, PRAGMA integrity_check ok, and a replay of an
// acknowledged request with its Idempotency-Key must return the same order; a full audit ends the run.
// With --postgres ADMIN_URL: a fresh PostgreSQL database and two servers on it; the kills alternate
// between kill -9 of one server (the other must keep selling meanwhile) and kill -9 of the PostgreSQL
// backend of a busy connection (PostgreSQL then restarts every backend; the servers must reconnect).
// Exit 0 clean, 1 violations, 2 the run failed.
// usage: crash_test --server BIN [--kills 5] [--clients 12] [--seed N] [--postgres ADMIN_URL]
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "audit.hpp"
#include "generated_catalog.hpp"
#include "purchase.hpp"
#include "run_support.hpp"
#include "server_child.hpp"
#include "store/database.hpp"

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
        const bool release_ok = attempt.release.status < 500;
        if (!hold_ok || !order_ok || !release_ok)
            shared.unexpected.push_back(email + ": hold " + std::to_string(attempt.hold.status) + " " + attempt.hold.code() +
                                        ", order " + std::to_string(attempt.order.status) + " " + attempt.order.code() +
                                        (release_ok ? "" : ", release " + std::to_string(attempt.release.status) + " " +
                                                               attempt.release.code()));
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

// The database name of a postgresql://host:port/name?options URL.
std::string database_name(const std::string& url) {
    const auto slash = url.rfind('/');
    return url.substr(slash + 1, url.find('?', slash) == std::string::npos ? std::string::npos : url.find('?', slash) - slash - 1);
}

// Waits until PostgreSQL accepts connections to `location` again (after a crash it recovers first).
void wait_for_database(const std::string& location) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
        try {
            server::db::open(location)->execute("SELECT 1");
            return;
        } catch (const server::db::Error& error) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error(std::string("PostgreSQL did not come back: ") + error.what());
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

// SIGKILLs the PostgreSQL backend of a busy connection of the servers to `database` (an active one if
// one shows up within 2 s, else any); its pid, or 0 if the servers had no connection.
int kill_busy_backend(const std::string& admin_url, const std::string& database) {
    auto admin = server::db::open(admin_url);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    for (;;) {
        const bool last_try = std::chrono::steady_clock::now() > deadline;
        auto find = admin->prepare(std::string("SELECT pid FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()") +
                                   (last_try ? "" : " AND state = 'active'") + " ORDER BY pid LIMIT 1");
        find.bind(1, database);
        if (find.step()) {
            const int pid = static_cast<int>(find.integer(0));
            if (::kill(pid, SIGKILL) != 0) throw std::runtime_error("kill -9 of PostgreSQL backend " + std::to_string(pid) + " failed");
            // Once the postmaster has reaped it, it is in crash recovery (and refuses connections until done).
            while (::kill(pid, 0) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return pid;
        }
        if (last_try) return 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

long acknowledged_by_clients_of(Shared& shared, int server, int server_count) {
    std::lock_guard lock(shared.mutex);
    long count = 0;
    for (const auto& a : shared.attempts) count += a.acknowledged() && a.client % server_count == server;
    return count;
}

std::string server_log(const TempFolder& dir, int server) {
    return dir.file("server-" + std::to_string(server) + ".log");
}

// After a failed run, what the servers said when they gave a request up: the log of a run is gone
// with its folder, and a 503 alone does not say which error the server kept meeting.
void print_given_up_requests(const TempFolder& dir, int server_count) {
    for (int n = 0; n < server_count; ++n) {
        std::ifstream log(server_log(dir, n));
        int shown = 0;
        for (std::string line; std::getline(log, line) && shown < 10;)
            if (line.find(": gave up after ") != std::string::npos) {
                std::printf("crash: server %c logged: %s\n", static_cast<char>('A' + n), line.c_str());
                ++shown;
            }
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        auto flags = parse_flags(argc, argv);
        const std::string server_bin = flag_text(flags, "server", "");
        if (server_bin.empty()) {
            std::cerr << "usage: crash_test --server BIN [--kills N] [--clients N] [--seed N] [--postgres ADMIN_URL]\n";
            return 2;
        }
        const int kills = flag_int(flags, "kills", 5), clients = flag_int(flags, "clients", 12);
        std::mt19937 rng(static_cast<unsigned>(flag_int(flags, "seed", static_cast<int>(std::random_device{}()))));
        const std::string admin_url = flag_text(flags, "postgres", "");
        TempFolder dir("encore-crash");
        const LoadDatabase database(dir, admin_url);
        if (database.on_postgres())  // an acknowledged commit must survive a backend crash, whatever the cluster's default
            server::db::open(admin_url)->execute("ALTER DATABASE " + database_name(database.location()) +
                                                 " SET synchronous_commit = on");
        const int server_count = database.on_postgres() ? 2 : 1;
        // 12,000 seat-performances (48,000 for two servers, which sell faster): seats rarely run out.
        const GeneratedCatalog shape = server_count > 1 ? GeneratedCatalog{40, 25, 48, 10} : GeneratedCatalog{20, 25, 24, 10};
        std::ofstream(dir.file("catalog.json")) << generated_catalog(shape).dump();
        // Two servers sell fast enough for a dozen customers to reach the per-customer cap: lift it there.
        std::vector<std::string> server_args = load_server_args(database.location(), dir.file("catalog.json"), 32);
        if (server_count > 1) server_args.insert(server_args.end(), {"--max-seats-per-customer", "100000"});
        std::vector<std::unique_ptr<ServerChild>> servers;
        for (int n = 0; n < server_count; ++n)
            servers.push_back(std::make_unique<ServerChild>(server_bin, server_args, server_log(dir, n)));
        ApiClient reader("127.0.0.1", servers.front()->port());
        const Catalog catalog = fetch_catalog(reader);

        Shared shared;
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        struct JoinAtExit {  // an error below must not leave running customers behind (std::terminate)
            std::atomic<bool>& stop;
            std::vector<std::thread>& threads;
            ~JoinAtExit() {
                stop = true;
                for (auto& t : threads)
                    if (t.joinable()) t.join();
            }
        } join_at_exit{stop, threads};
        for (int c = 0; c < clients; ++c)
            threads.emplace_back(customer, c, servers[static_cast<std::size_t>(c % server_count)]->port(), std::cref(catalog),
                                 std::cref(shape), std::ref(stop), std::ref(shared));
        AuditResult audit;
        std::size_t checked = 0;  // acknowledged orders already read back through the API
        for (int k = 1; k <= kills; ++k) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1200, 3500)(rng)));
            // SQLite: the server. PostgreSQL: odd kills a server (alternately A and B), even ones a backend.
            const bool kill_backend = database.on_postgres() && k % 2 == 0;
            const int victim = kill_backend ? -1 : (k / 2) % server_count;
            std::string what;
            std::vector<Attempt> acknowledged;
            AuditResult after;
            const auto killed_at = std::chrono::steady_clock::now();
            if (kill_backend) {
                const int pid = kill_busy_backend(admin_url, database_name(database.location()));
                what = pid ? "kill -9 of PostgreSQL backend " + std::to_string(pid) : "no PostgreSQL backend to kill";
                if (!pid) after.violations.push_back("the servers had no connection to the database");
                wait_for_database(database.location());
            } else {
                servers[static_cast<std::size_t>(victim)]->kill_hard();
                what = server_count > 1 ? "kill -9 of server " + std::string(1, static_cast<char>('A' + victim)) : "kill -9";
                if (server_count > 1) {  // the other server keeps selling while this one is down
                    const int other = 1 - victim;
                    const long before = acknowledged_by_clients_of(shared, other, server_count);
                    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
                    while (acknowledged_by_clients_of(shared, other, server_count) < before + 3 &&
                           std::chrono::steady_clock::now() < deadline)
                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    const long sold = acknowledged_by_clients_of(shared, other, server_count) - before;
                    what += " (server " + std::string(1, static_cast<char>('A' + other)) + " acknowledged " +
                            std::to_string(sold) + " orders meanwhile)";
                    if (sold < 3)
                        after.violations.push_back("server " + std::string(1, static_cast<char>('A' + other)) +
                                                   " acknowledged only " + std::to_string(sold) +
                                                   " orders in 5 s while the other was down");
                }
            }
            {
                std::lock_guard lock(shared.mutex);
                for (const auto& a : shared.attempts)
                    if (a.acknowledged()) acknowledged.push_back(a);
            }
            const auto restart_from = std::chrono::steady_clock::now();
            if (!kill_backend) servers[static_cast<std::size_t>(victim)]->restart();
            const double restart_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - killed_at).count();
            AuditOptions mid_run;
            mid_run.final_state = false;
            audit_database(database.location(), acknowledged, mid_run, after);
            // Through the API, on every server: the last 300 orders acknowledged since the last kill (those
            // nearest the kill), 300 others of them, and 100 older ones. The database audit above saw them all.
            std::vector<Attempt> recent(acknowledged.begin() + static_cast<std::ptrdiff_t>(checked), acknowledged.end());
            if (recent.size() > 600) {
                std::shuffle(recent.begin(), recent.end() - 300, rng);
                recent.erase(recent.begin() + 300, recent.end() - 300);
            }
            std::vector<Attempt> older(acknowledged.begin(), acknowledged.begin() + static_cast<std::ptrdiff_t>(checked));
            std::shuffle(older.begin(), older.end(), rng);
            recent.insert(recent.end(), older.begin(), older.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(100, older.size())));
            checked = acknowledged.size();
            for (const auto& server : servers) {
                audit_api("127.0.0.1", server->port(), catalog, recent, mid_run, after);
                check_replays(server->port(), acknowledged, rng, after);
            }
            const double check_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - restart_from).count();
            std::printf("crash: %s #%d (back after %.0f ms, checks %.0f ms) with %zu orders acknowledged so far: %s\n",
                        what.c_str(), k, restart_ms, check_ms, acknowledged.size(),
                        after.clean() ? "all there, no double sale, replays give the same orders" : after.summary().c_str());
            for (auto& v : after.violations) audit.violations.push_back("after kill " + std::to_string(k) + ": " + v);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        stop = true;
        for (auto& t : threads) t.join();
        threads.clear();

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
        for (const auto& server : servers) audit_api("127.0.0.1", server->port(), catalog, shared.attempts, final_state, last);
        audit_database(database.location(), shared.attempts, final_state, last);
        std::printf("crash: final audit: %s\n", last.summary().c_str());
        for (auto& v : last.violations) audit.violations.push_back("final: " + v);
        audit.orders = last.orders, audit.sold_seats = last.sold_seats, audit.seat_rows = last.seat_rows;
        audit.acknowledged_orders = last.acknowledged_orders, audit.acknowledged_seats = last.acknowledged_seats;
        std::printf("crash: %d kills, %zu purchases; %s\n", kills, shared.attempts.size(), audit.summary().c_str());
        if (audit.acknowledged_orders == 0) {
            std::printf("crash: no order was acknowledged, so the run proves nothing\n");
            return 2;
        }
        if (audit.clean()) return 0;
        print_given_up_requests(dir, server_count);
        return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "crash_test: %s\n", error.what());
        return 2;
    }
}
