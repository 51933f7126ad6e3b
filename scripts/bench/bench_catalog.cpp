// Benchmark: how long loading and validating the demo catalog takes, encoding one availability map, and
// a series' composite map with best available for two (what the seat picker does on every change).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "encore/availability.hpp"
#include "encore/best_available.hpp"
#include "encore/catalog_json.hpp"
#include "encore/seat_selection.hpp"

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : ENCORE_ASSETS_DIR "/demo/catalog.json";
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    using clock = std::chrono::steady_clock;

    const int loads = 20;
    std::size_t seats = 0;
    const auto t0 = clock::now();
    for (int i = 0; i < loads; ++i) {
        encore::CatalogLoad load = encore::load_catalog(std::string_view(text));
        if (!load.catalog) {
            std::fprintf(stderr, "catalog %s does not load: %s\n", path, load.problems.at(0).message.c_str());
            return 1;
        }
        seats = load.catalog->venues.at(0).plan.seats.size();
    }
    const double load_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count() / loads;

    std::vector<encore::SeatState> states(seats, encore::SeatState::open);
    const int encodes = 20000;
    std::size_t total = 0;
    const auto t1 = clock::now();
    for (int i = 0; i < encodes; ++i) {
        states[i % seats] = encore::SeatState::sold;
        total += encore::encode_seat_states(states).size();
    }
    const double encode_us = std::chrono::duration<double, std::micro>(clock::now() - t1).count() / encodes;

    const encore::Catalog catalog = *encore::load_catalog(std::string_view(text)).catalog;
    std::vector<encore::Availability> group;  // the first series group, every tenth seat sold somewhere
    if (!catalog.fixed_series.empty())
        for (const encore::InstanceId& id : catalog.fixed_series[0].groups.at(0).instances) {
            const encore::Instance* instance = catalog.find_instance(id);
            encore::Availability a{id, 0, std::vector<encore::SeatState>(catalog.find_venue(instance->venue)->plan.seats.size())};
            for (std::size_t s = group.size(); s < a.seats.size(); s += 10) a.seats[s] = encore::SeatState::sold;
            group.push_back(std::move(a));
        }
    const encore::Entitlements anyone(catalog, {}, {}, encore::Instant{});
    const int picks = 200;
    std::size_t proposed = 0;
    const auto t2 = clock::now();
    for (int i = 0; i < picks && !group.empty(); ++i) {
        const encore::CompositeAvailability composite = encore::composite_availability(catalog, group);
        const std::vector<bool> selectable = encore::selectable_series_seats(catalog, composite, 0, anyone);
        proposed += encore::best_available(catalog.find_venue(composite.plans[0].venue)->plan, selectable, {2, 0}).seats.size();
    }
    const double pick_us = std::chrono::duration<double, std::micro>(clock::now() - t2).count() / picks;
    std::printf("catalog: %zu bytes, %zu seats\nload+validate: %.2f ms per load\nencode availability: %.2f us per map (%zu)\n"
                "series composite + selectable + best available for 2: %.1f us (%zu performances, %zu)\n",
                text.size(), seats, load_ms, encode_us, total % 7, pick_us, group.size(), proposed % 7);
    return 0;
}
