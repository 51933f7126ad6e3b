// Contention check: 200+ concurrent customers (one keep-alive client each) fight over the 50 seats of a
// small hall, with single tickets at one performance and series bookings of one seat across all 10
// performances of the group; then audits the database and the API. With --postgres ADMIN_URL the run
// uses a fresh PostgreSQL database and TWO servers on it at once, the clients split between them.
// Exit 0 clean, 1 violations found, 2 the run itself failed.
// usage: contention_check --server BIN --catalog contention_catalog.json
//   [--clients 200] [--attempts 2] [--threads 256] [--seed N] [--postgres ADMIN_URL]
#include <chrono>
#include <cstdio>
#include <iostream>
#include <latch>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "audit.hpp"
#include "purchase.hpp"
#include "run_support.hpp"
#include "server_child.hpp"

using namespace encore;
using namespace encore::load;

namespace {

struct Arena {
    const FixedSeries* series = nullptr;
    const SeriesGroup* group = nullptr;
    std::vector<std::string> seats;  // the hall's seat ids
};

Arena arena_of(const Catalog& catalog) {
    Arena arena;
    for (const auto& series : catalog.fixed_series)
        for (const auto& group : series.groups)
            if (group.instances.size() >= 10 && !arena.group) arena.series = &series, arena.group = &group;
    if (!arena.group) throw std::runtime_error("the catalog has no series group of 10 instances");
    const Instance* first = catalog.find_instance(arena.group->instances.front());
    for (const auto& seat : catalog.find_venue(first->venue)->plan.seats) arena.seats.push_back(seat.id.value);
    return arena;
}

// 30% series, else 1-2 tickets; tickets mostly at the group's first performance, which series also take.
// One purchase in four orders directly, without a hold, so orders also fight each other for seats.
Want random_want(const Arena& arena, std::mt19937& rng) {
    Want want;
    want.direct = std::uniform_int_distribution<int>(0, 3)(rng) == 0;
    std::uniform_int_distribution<std::size_t> seat(0, arena.seats.size() - 1);
    if (std::uniform_int_distribution<int>(0, 9)(rng) < 3) {
        want.series = true;
        want.series_id = arena.series->id.value;
        want.group_id = arena.group->id.value;
        want.seats = {arena.seats[seat(rng)]};
        return want;
    }
    const auto& instances = arena.group->instances;
    want.instance = std::uniform_int_distribution<int>(0, 3)(rng) == 0
                        ? instances[std::uniform_int_distribution<std::size_t>(1, instances.size() - 1)(rng)].value
                        : instances.front().value;
    want.seats = {arena.seats[seat(rng)]};
    if (std::uniform_int_distribution<int>(0, 2)(rng) == 0) {
        std::string second = arena.seats[seat(rng)];
        if (second != want.seats.front()) want.seats.push_back(second);
    }
    return want;
}

// Answers a client may legitimately get in a fight for seats.
bool expected_answer(const Reply& reply, bool is_order) {
    if (reply.status == 201 || (is_order && reply.status == 200)) return true;
    return reply.status == 409;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        auto flags = parse_flags(argc, argv);
        const std::string server_bin = flag_text(flags, "server", "");
        const std::string catalog_file = flag_text(flags, "catalog", "");
        if (server_bin.empty() || catalog_file.empty()) {
            std::cerr << "usage: contention_check --server BIN --catalog FILE [--clients N] [--attempts N] "
                         "[--postgres ADMIN_URL]\n";
            return 2;
        }
        const int clients = flag_int(flags, "clients", 200), attempts_each = flag_int(flags, "attempts", 2);
        const unsigned seed = static_cast<unsigned>(flag_int(flags, "seed", static_cast<int>(std::random_device{}())));
        TempFolder dir("encore-contention");
        const LoadDatabase database(dir, flag_text(flags, "postgres", ""));
        const int server_count = database.on_postgres() ? 2 : 1;
        std::vector<std::unique_ptr<ServerChild>> servers;
        for (int n = 0; n < server_count; ++n)
            servers.push_back(std::make_unique<ServerChild>(
                server_bin, load_server_args(database.location(), catalog_file, flag_int(flags, "threads", 256)),
                dir.file("server-" + std::to_string(n) + ".log")));
        ApiClient reader("127.0.0.1", servers.front()->port());
        const Catalog catalog = fetch_catalog(reader);
        const Arena arena = arena_of(catalog);
        std::printf("contention: %d clients x %d purchases over %zu seats (series across %zu instances), seed %u, "
                    "%d x server %s on %s\n",
                    clients, attempts_each, arena.seats.size(), arena.group->instances.size(), seed, server_count,
                    server_bin.c_str(), database.on_postgres() ? "PostgreSQL" : "SQLite");

        std::mutex mutex;
        std::vector<Attempt> attempts;
        std::vector<std::string> harness_errors;
        std::latch ready(clients);
        const auto started = std::chrono::steady_clock::now();
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&, c] {
                std::mt19937 rng(seed + static_cast<unsigned>(c) * 7919u);
                ApiClient api("127.0.0.1", servers[static_cast<std::size_t>(c % server_count)]->port());
                const std::string email = "fan-" + std::to_string(c) + "@load.example";
                std::string card;
                try {
                    card = register_customer(api, email);
                } catch (const std::exception& error) {
                    std::lock_guard lock(mutex);
                    harness_errors.push_back(email + ": " + error.what());
                }
                ready.arrive_and_wait();  // everyone fights at once
                if (card.empty()) return;
                for (int a = 0; a < attempts_each; ++a) {
                    Attempt attempt = purchase(api, catalog, random_want(arena, rng), card,
                                               "fan-" + std::to_string(c) + "-" + std::to_string(a) + "-" + std::to_string(seed));
                    attempt.client = c;
                    attempt.account_email = email;
                    std::lock_guard lock(mutex);
                    if (!attempt.want.direct && !expected_answer(attempt.hold, false))
                        harness_errors.push_back(email + ": hold answered " + std::to_string(attempt.hold.status) + " " +
                                                 attempt.hold.code() + attempt.hold.transport_error);
                    else if ((attempt.want.direct || !attempt.hold_token.empty()) && !expected_answer(attempt.order, true))
                        harness_errors.push_back(email + ": order answered " + std::to_string(attempt.order.status) + " " +
                                                 attempt.order.code() + attempt.order.transport_error);
                    else if (attempt.release.status >= 500)
                        harness_errors.push_back(email + ": release of its hold answered " +
                                                 std::to_string(attempt.release.status) + " " + attempt.release.code());
                    attempts.push_back(std::move(attempt));
                }
            });
        }
        for (auto& t : threads) t.join();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

        long holds_ok = 0, holds_refused = 0, orders_ok = 0, orders_refused = 0, series_ok = 0, direct_ok = 0;
        for (const auto& a : attempts) {
            if (!a.want.direct) (a.hold.status == 201 ? holds_ok : holds_refused)++;
            if (!a.want.direct && a.hold_token.empty()) continue;
            if (a.acknowledged()) ++orders_ok, series_ok += a.want.series, direct_ok += a.want.direct;
            else ++orders_refused;
        }
        std::printf("contention: %zu purchases in %.1f s: holds %ld ok / %ld refused, orders %ld acknowledged "
                    "(%ld series, %ld without a hold) / %ld refused\n",
                    attempts.size(), seconds, holds_ok, holds_refused, orders_ok, series_ok, direct_ok, orders_refused);

        AuditResult audit;
        for (const auto& error : harness_errors) audit.violations.push_back("unexpected answer: " + error);
        for (const auto& server : servers) audit_api("127.0.0.1", server->port(), catalog, attempts, AuditOptions{}, audit);
        for (std::size_t n = 0; n < servers.size(); ++n)  // every write is done: the servers stop before the database audit
            if (const int code = servers[n]->stop(); code != 0)
                audit.violations.push_back("server stop: server " + std::to_string(n) + " exited " + std::to_string(code));
        audit_database(database.location(), attempts, AuditOptions{}, audit);
        std::printf("contention audit: %s\n", audit.summary().c_str());
        if (orders_ok == 0) {
            std::printf("contention: no order was acknowledged, so the run proves nothing\n");
            return 2;
        }
        return audit.clean() ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "contention_check: %s\n", error.what());
        return 2;
    }
}
