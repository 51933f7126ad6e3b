// On-sale benchmark: N concurrent customers (one keep-alive client each) on loopback against a freshly
// started encore-server, holding and buying single seats (hold + order per seat), then a mix with
// 40-instance series bookings, then a burst of B customers each opening its own connection at the same
// moment to buy a seat; then a check that nothing was sold twice, and the raw SQLite rate of one-row
// insert-and-commit transactions on the same disk with the server's pragmas (synchronous=FULL).
// With --postgres ADMIN_URL the database is a fresh one on that PostgreSQL cluster and --servers N
// (1 or 2) encore-servers share it, the customers and the burst split between them.
// usage: bench_onsale [--server BIN] [--clients 64] [--seconds 8] [--threads N] [--series-every 8] [--burst 2000]
//                     [--postgres ADMIN_URL [--servers 2]]
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <latch>
#include <mutex>
#include <thread>

#include "audit.hpp"
#include "generated_catalog.hpp"
#include "purchase.hpp"
#include "run_support.hpp"
#include "server_child.hpp"

using namespace encore;
using namespace encore::load;
using Clock = std::chrono::steady_clock;

namespace {

const GeneratedCatalog shape{40, 50, 48, 40};  // 2,000 seats x 48 performances; the series takes 40
constexpr int series_rows = 8;                 // the last 8 rows (400 seats) are kept for series bookings

struct Phase {
    std::vector<double> single_hold, single_order, series_hold, series_order;
    long single_orders = 0, series_orders = 0, refused = 0;
    double seconds = 0;
    std::string first_refusal;  // what the first refused purchase was told
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

// Client k's n-th single seat: its own slots, spread over every performance.
Want single_want(int k, long n, int clients) {
    const long slot = k + n * clients;
    const long single_seats = static_cast<long>(shape.rows - series_rows) * shape.seats_per_row;
    Want want;
    want.instance = generated_instance_id(static_cast<int>(slot % shape.instances));
    const long seat = (slot / shape.instances) % single_seats;
    want.seats = {generated_seat_id(static_cast<int>(seat / shape.seats_per_row), static_cast<int>(seat % shape.seats_per_row))};
    return want;
}

// Client k's n-th series seat, from the rows kept for series; nullopt when they are used up.
std::optional<Want> series_want(int k, long n, int clients) {
    const long seat = k + n * clients;
    if (seat >= static_cast<long>(series_rows) * shape.seats_per_row) return std::nullopt;
    Want want;
    want.series = true;
    want.series_id = "season-series";
    want.group_id = "all";
    want.seats = {generated_seat_id(shape.rows - series_rows + static_cast<int>(seat / shape.seats_per_row),
                                    static_cast<int>(seat % shape.seats_per_row))};
    return want;
}

struct Customer {
    std::unique_ptr<ApiClient> api;
    std::string email, card;
    long singles = 0, series = 0;
};

Phase run_phase(std::vector<Customer>& customers, const Catalog& catalog, double seconds, int series_every,
                std::vector<Attempt>& all) {
    Phase phase;
    std::mutex mutex;
    std::atomic<bool> stop{false};
    std::latch start(static_cast<std::ptrdiff_t>(customers.size()) + 1);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < customers.size(); ++k)
        threads.emplace_back([&, k] {
            Customer& me = customers[k];
            Phase mine;
            std::vector<Attempt> attempts;
            start.arrive_and_wait();
            for (long n = 0; !stop; ++n) {
                std::optional<Want> want;
                if (series_every > 0 && n % series_every == series_every - 1)
                    want = series_want(static_cast<int>(k), me.series++, static_cast<int>(customers.size()));
                if (!want) want = single_want(static_cast<int>(k), me.singles++, static_cast<int>(customers.size()));
                Attempt attempt = purchase(*me.api, catalog, *want, me.card,
                                           "bench-" + std::to_string(k) + "-" + std::to_string(me.singles) + "-" + std::to_string(me.series));
                attempt.account_email = me.email;
                const bool series = want->series;
                (series ? mine.series_hold : mine.single_hold).push_back(attempt.hold.ms);
                if (attempt.acknowledged()) {
                    (series ? mine.series_order : mine.single_order).push_back(attempt.order.ms);
                    ++(series ? mine.series_orders : mine.single_orders);
                } else {
                    ++mine.refused;
                    if (mine.first_refusal.empty()) {
                        const Reply& why = attempt.hold.status == 201 ? attempt.order : attempt.hold;
                        mine.first_refusal = (attempt.hold.status == 201 ? "order " : "hold ") + std::to_string(why.status) +
                                             " " + why.code() + " " + why.transport_error +
                                             (why.body.is_object() ? " " + why.body.value("detail", "") : "");
                    }
                }
                attempts.push_back(std::move(attempt));
            }
            std::lock_guard lock(mutex);
            using Samples = std::vector<double> Phase::*;
            for (Samples part : {&Phase::single_hold, &Phase::single_order, &Phase::series_hold, &Phase::series_order})
                (phase.*part).insert((phase.*part).end(), (mine.*part).begin(), (mine.*part).end());
            phase.single_orders += mine.single_orders;
            phase.series_orders += mine.series_orders;
            phase.refused += mine.refused;
            if (phase.first_refusal.empty()) phase.first_refusal = mine.first_refusal;
            for (auto& a : attempts) all.push_back(std::move(a));
        });
    start.arrive_and_wait();
    const auto began = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& t : threads) t.join();
    phase.seconds = std::chrono::duration<double>(Clock::now() - began).count();
    return phase;
}

void print_phase(const char* name, const Phase& p) {
    const double total = static_cast<double>(p.single_orders + p.series_orders);
    std::printf("%s: %.1f s, %ld single-seat orders + %ld series orders committed (%ld refused): %.0f orders/s\n", name,
                p.seconds, p.single_orders, p.series_orders, p.refused, total / p.seconds);
    std::printf("  single seat: hold p50 %.2f ms p99 %.2f ms; order p50 %.2f ms p99 %.2f ms\n",
                percentile(p.single_hold, 0.5), percentile(p.single_hold, 0.99), percentile(p.single_order, 0.5),
                percentile(p.single_order, 0.99));
    if (p.refused) std::printf("  first refusal: %s\n", p.first_refusal.c_str());
    if (!p.series_order.empty())
        std::printf("  series (40 instances): hold p50 %.2f ms p99 %.2f ms; order p50 %.2f ms p99 %.2f ms\n",
                    percentile(p.series_hold, 0.5), percentile(p.series_hold, 0.99), percentile(p.series_order, 0.5),
                    percentile(p.series_order, 0.99));
}

// B customers, each on a connection of its own opened at the same moment, each buying one seat with a
// single order (no hold): how many were answered (sold or refused with a problem), how many got no
// answer (reset, timeout), and how long the answers took.
struct Burst {
    int connections = 0, sold = 0, refused = 0, unanswered = 0;
    std::vector<double> ms;
    double seconds = 0;
    std::string first_unanswered;
};

Burst run_burst(std::vector<Customer>& customers, const Catalog& catalog, const std::vector<int>& ports, int connections,
                std::vector<Attempt>& all) {
    Burst burst;
    burst.connections = connections;
    std::mutex mutex;
    std::latch start(static_cast<std::ptrdiff_t>(connections) + 1);
    std::vector<std::thread> threads;
    threads.reserve(static_cast<std::size_t>(connections));
    for (int k = 0; k < connections; ++k)
        threads.emplace_back([&, k] {
            Customer& me = customers[static_cast<std::size_t>(k) % customers.size()];
            ApiClient api("127.0.0.1", ports[static_cast<std::size_t>(k) % ports.size()], 60);
            api.set_token(me.api->token());
            Want want = single_want(k, 1000 + k / static_cast<int>(customers.size()), static_cast<int>(customers.size()));
            want.direct = true;
            start.arrive_and_wait();
            Attempt attempt = purchase(api, catalog, want, me.card, "burst-" + std::to_string(k));
            attempt.account_email = me.email;
            std::lock_guard lock(mutex);
            if (attempt.order.status == 0) {
                ++burst.unanswered;
                if (burst.first_unanswered.empty()) burst.first_unanswered = attempt.order.transport_error;
            } else {
                (attempt.acknowledged() ? burst.sold : burst.refused) += 1;
                burst.ms.push_back(attempt.order.ms);
            }
            all.push_back(std::move(attempt));
        });
    start.arrive_and_wait();
    const auto began = Clock::now();
    for (auto& t : threads) t.join();
    burst.seconds = std::chrono::duration<double>(Clock::now() - began).count();
    return burst;
}

// One-row INSERT + COMMIT transactions for `seconds` with the server's pragmas (sqlite.cpp: WAL,
// synchronous=FULL, foreign_keys=ON, BEGIN IMMEDIATE); commits per second.
double raw_sqlite_commits_per_second(const std::string& path, double seconds) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                     "CREATE TABLE t (id INTEGER PRIMARY KEY, instance_id TEXT NOT NULL, seat_id TEXT NOT NULL);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t (instance_id, seat_id) VALUES ('perf-001', ?)", -1, &insert, nullptr);
    long commits = 0;
    const auto began = Clock::now();
    const auto until = began + std::chrono::duration<double>(seconds);
    while (Clock::now() < until) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_int64(insert, 1, commits);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK) ++commits;
    }
    const double rate = static_cast<double>(commits) / std::chrono::duration<double>(Clock::now() - began).count();
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return rate;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        auto flags = parse_flags(argc, argv);
        const std::string server_bin = flag_text(flags, "server", ENCORE_SERVER_BIN);
        const int clients = flag_int(flags, "clients", 64);
        const int threads = flag_int(flags, "threads", 8);
        const int burst_size = flag_int(flags, "burst", 2000);
        const double seconds = flag_int(flags, "seconds", 8);
        const int series_every = flag_int(flags, "series-every", 8);
        TempFolder dir("encore-onsale");
        const LoadDatabase database(dir, flag_text(flags, "postgres", ""));
        const int server_count = database.on_postgres() ? std::clamp(flag_int(flags, "servers", 1), 1, 2) : 1;
        const std::string backend = database.on_postgres()
                                        ? "PostgreSQL, " + std::to_string(server_count) + (server_count == 1 ? " server" : " servers")
                                        : "SQLite";
        std::ofstream(dir.file("catalog.json")) << generated_catalog(shape).dump();
        std::printf("on-sale benchmark (%s): %d clients, server --threads %d, %s; database in %s; load average before: %s\n",
                    backend.c_str(), clients, threads, server_bin.c_str(),
                    database.on_postgres() ? "PostgreSQL" : dir.path().c_str(), load_average().c_str());
        // A benchmark of throughput, not of policy: the per-customer limits are lifted (64 customers buy
        // thousands of seats), and the burst comes from one loopback address.
        std::vector<std::string> args = load_server_args(database.location(), dir.file("catalog.json"), threads);
        args.insert(args.end(), {"--max-seats-per-customer", "100000", "--max-holds-per-client", "100000",
                                 "--max-connections-per-address", "100000"});
        std::vector<std::unique_ptr<ServerChild>> servers;
        std::vector<int> ports;
        for (int n = 0; n < server_count; ++n) {  // one after the other: the first imports the catalog
            servers.push_back(std::make_unique<ServerChild>(server_bin, args, dir.file("server-" + std::to_string(n) + ".log")));
            ports.push_back(servers.back()->port());
        }
        ApiClient reader("127.0.0.1", ports.front());
        const Catalog catalog = fetch_catalog(reader);

        std::vector<Customer> customers(static_cast<std::size_t>(clients));
        {
            std::vector<std::thread> registering;
            for (int k = 0; k < clients; ++k)
                registering.emplace_back([&, k] {
                    Customer& c = customers[static_cast<std::size_t>(k)];
                    c.api = std::make_unique<ApiClient>("127.0.0.1", ports[static_cast<std::size_t>(k) % ports.size()]);
                    c.email = "bench-" + std::to_string(k) + "@load.example";
                    c.card = register_customer(*c.api, c.email);
                });
            for (auto& t : registering) t.join();
        }
        std::vector<Attempt> attempts;
        const Phase singles = run_phase(customers, catalog, seconds, 0, attempts);
        print_phase("single seats", singles);
        const Phase mix = run_phase(customers, catalog, seconds, series_every, attempts);
        print_phase("mix (1 in 8 a series)", mix);
        const Burst burst = run_burst(customers, catalog, ports, burst_size, attempts);
        std::printf("burst: %d connections at once, each one order: %d sold, %d refused with a problem, %d unanswered "
                    "in %.1f s; answer p50 %.1f ms p99 %.1f ms max %.1f ms%s%s\n",
                    burst.connections, burst.sold, burst.refused, burst.unanswered, burst.seconds, percentile(burst.ms, 0.5),
                    percentile(burst.ms, 0.99), percentile(burst.ms, 1.0), burst.unanswered ? "; first: " : "",
                    burst.first_unanswered.c_str());
        std::printf("load average after the load: %s\n", load_average().c_str());

        AuditResult audit;
        AuditOptions options;
        for (auto& server : servers) server->stop();
        audit_database(database.location(), attempts, options, audit);
        std::printf("check: %s\n", audit.summary(5).c_str());
        const double single_rate = static_cast<double>(singles.single_orders) / singles.seconds;
        const double hold_p99 = percentile(singles.single_hold, 0.99), order_p99 = percentile(singles.single_order, 0.99);
        const double series_p99 = percentile(mix.series_order, 0.99);
        std::printf("result: %s: single-seat orders/s %.0f; hold p99 %.2f ms; order p99 %.2f ms; series order p99 %.2f ms; "
                    "burst answered %d/%d; double sales %s\n",
                    backend.c_str(), single_rate, hold_p99, order_p99, series_p99, burst.sold + burst.refused,
                    burst.connections, audit.clean() ? "none" : "FOUND");
        if (database.on_postgres()) return audit.clean() ? 0 : 1;  // the targets below are SQLite's

        const double raw = raw_sqlite_commits_per_second(dir.file("raw.db"), 3.0);
        const double ratio = single_rate / raw;
        std::printf("raw SQLite (same disk, WAL, synchronous=FULL): %.0f one-row insert+commit transactions/s\n", raw);
        std::printf("ratio single-seat orders/s / raw commits/s: %.3f\n", ratio);
        auto verdict = [](bool met) { return met ? "met" : "MISSED"; };
        std::printf("targets: ratio >= 0.08: %.3f %s; hold p99 < 50 ms: %.2f %s; order p99 < 50 ms: %.2f %s; "
                    "series order p99 < 20 ms: %.2f %s; burst answered in full: %d/%d %s; double sales: %s\n",
                    ratio, verdict(ratio >= 0.08), hold_p99, verdict(hold_p99 < 50), order_p99, verdict(order_p99 < 50),
                    series_p99, mix.series_order.empty() ? "NOT MEASURED" : verdict(series_p99 < 20),
                    burst.sold + burst.refused, burst.connections, verdict(burst.unanswered == 0),
                    audit.clean() ? "none" : "FOUND");
        return audit.clean() ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_onsale: %s\n", error.what());
        return 2;
    }
}
