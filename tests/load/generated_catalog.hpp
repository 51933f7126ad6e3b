// A generated catalog for load runs: one hall of rows x seats, one event per performance, every
// performance on sale on the web for single tickets, and a fixed series whose one group takes the
// first `series_instances` performances. No fees or offers, so prices are the lists' amounts.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace encore::load {

struct GeneratedCatalog {
    int rows = 40;
    int seats_per_row = 50;
    int instances = 48;
    int series_instances = 40;
};

// Ids: seats "R<row>-<n>", performances "perf-<nn>", series "season-series" with group "all".
nlohmann::json generated_catalog(const GeneratedCatalog& shape);
std::string generated_seat_id(int row, int seat);
std::string generated_instance_id(int index);

}  // namespace encore::load
