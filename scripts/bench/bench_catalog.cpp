// Benchmark: how long loading and validating the demo catalog takes, and encoding one availability map.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "encore/availability.hpp"
#include "encore/catalog_json.hpp"

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
    std::printf("catalog: %zu bytes, %zu seats\nload+validate: %.2f ms per load\nencode availability: %.2f us per map (%zu)\n",
                text.size(), seats, load_ms, encode_us, total % 7);
    return 0;
}
