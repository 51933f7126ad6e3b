// Benchmark of the renewal core at scale: reading and checking a 100,000-row subscriber CSV, building
// the imported histories, and the date transitions for all of them at renewal end and at the lock.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "encore/catalog_json.hpp"
#include "encore/subscriber_import.hpp"
#include "large_import.hpp"

namespace {
using clock_type = std::chrono::steady_clock;
double ms_since(clock_type::time_point t) { return std::chrono::duration<double, std::milli>(clock_type::now() - t).count(); }

// Runs the date transitions due at `now` for every subscriber; returns how many rows they wrote.
std::size_t transitions(const encore::Catalog& c, std::vector<encore::SubscriberState>& states, const char* now) {
    std::size_t rows = 0;
    for (encore::SubscriberState& st : states)
        for (const encore::HistoryRow& row : encore::due_transitions(c, st, {}, *encore::parse_instant(now))) {
            encore::fold(st, row);
            ++rows;
        }
    return rows;
}
}  // namespace

int main() {
    std::ifstream in(ENCORE_TESTS_DIR "/core/fixtures/renewals_catalog.json", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    encore::CatalogLoad load = encore::load_catalog(buffer.str());
    if (!load.catalog) return 1;
    encore::Catalog& c = *load.catalog;
    test_support::grow_plan(c.venues[1].plan, 500, 100);
    const int subscribers = 100'000;
    const std::string csv = test_support::subscriber_csv(subscribers, 500, 100);
    const encore::Instant now = *encore::parse_instant("2027-01-15T00:00:00Z");

    const int runs = 3;
    double read_ms = 0;
    encore::SubscriberImport imported;
    for (int i = 0; i < runs; ++i) {
        const auto t = clock_type::now();
        imported = encore::read_subscriber_csv(csv, c, now);
        read_ms += ms_since(t) / runs;
    }
    if (!imported.problems.empty() || imported.subscribers.size() != static_cast<std::size_t>(subscribers)) return 1;

    auto t = clock_type::now();
    std::vector<encore::SubscriberState> states(imported.subscribers.size());
    for (std::size_t k = 0; k < states.size(); ++k)
        for (const encore::HistoryRow& row : encore::import_history(imported.subscribers[k], {encore::ActorKind::staff, "admin"}, now))
            encore::fold(states[k], row);
    const double history_ms = ms_since(t);
    t = clock_type::now();
    const std::size_t lapsed = transitions(c, states, "2027-04-01T00:00:00Z");
    const double lapse_ms = ms_since(t);
    t = clock_type::now();
    const std::size_t locked = transitions(c, states, "2027-05-01T00:00:00Z");
    const double lock_ms = ms_since(t);

    std::printf("subscriber import: %d rows, %zu bytes of CSV\n", subscribers, csv.size());
    std::printf("read and check CSV: %.1f ms\nimport histories (2 rows each): %.1f ms\n", read_ms, history_ms);
    std::printf("renewal end (%zu Lapse rows): %.1f ms\nlock date (%zu RenewalLocked + Deactivate rows): %.1f ms\n", lapsed,
                lapse_ms, locked, lock_ms);
    return 0;
}
