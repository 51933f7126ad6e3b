// Builds the load runs' catalog JSON (validated by the core when the server imports it).
#include "generated_catalog.hpp"

#include <cstdio>

namespace encore::load {

std::string generated_seat_id(int row, int seat) { return "R" + std::to_string(row) + "-" + std::to_string(seat); }

std::string generated_instance_id(int index) {
    char id[32];
    std::snprintf(id, sizeof id, "perf-%03d", index);
    return id;
}

nlohmann::json generated_catalog(const GeneratedCatalog& shape) {
    using nlohmann::json;
    json rows = json::array();
    for (int r = 0; r < shape.rows; ++r) {
        json seats = json::array();
        for (int s = 0; s < shape.seats_per_row; ++s)
            seats.push_back({{"id", generated_seat_id(r, s)}, {"number", std::to_string(s + 1)},
                             {"x", 1 + s}, {"y", 4 + r}, {"band", "A"}});
        rows.push_back({{"name", "R" + std::to_string(r)}, {"seats", seats}});
    }
    json events = json::array(), instances = json::array(), group = json::array(), series_events = json::array();
    for (int i = 0; i < shape.instances; ++i) {
        const std::string event = "play-" + std::to_string(i);
        char starts[32];
        std::snprintf(starts, sizeof starts, "2027-%02d-%02dT19:30:00Z", 1 + i / 28, 1 + i % 28);
        events.push_back({{"id", event}, {"name", "Play " + std::to_string(i)}, {"season", "2027"},
                          {"venue", "arena"}, {"price_list", "standard"}});
        instances.push_back({{"id", generated_instance_id(i)}, {"event", event}, {"starts_at", starts},
                             {"on_sale", {{"web", "2026-11-01T10:00:00Z"}, {"box_office", "2026-11-01T09:00:00Z"}}}});
        if (i < shape.series_instances) {
            group.push_back(generated_instance_id(i));
            series_events.push_back(event);
        }
    }
    const std::string count = std::to_string(shape.series_instances);
    json series = {{"id", "season-series"}, {"name", "Season series"}, {"events", series_events},
                   {"events_required", count}, {"ticket_types", {"adult"}}, {"default_ticket_type", "adult"},
                   {"max_seats_per_order", 8}, {"choose_band_first", false}, {"active", {"web", "box_office"}},
                   {"on_sale", {{"web", "2026-11-01T10:00:00Z"}}}, {"lineage", "season-series"},
                   {"pricing_sets", {{{"id", "all"}, {"name", "Every play"},
                                      {"columns", {{{"events", count}, {"price_list", "series"}}}}}}},
                   {"groups", {{{"id", "all"}, {"name", "Every play"}, {"pricing_set", "all"}, {"instances", group}}}}};
    return {{"format", 1}, {"currency", "GBP"},
            {"price_bands", {{{"id", "A"}, {"name", "Band A"}, {"color", "#b03a48"}}}},
            {"ticket_types", {{{"id", "adult"}, {"name", "Adult"}}}},
            {"venues", {{{"id", "arena"}, {"name", "The Load Arena"},
                         {"plan", {{"width", shape.seats_per_row + 2}, {"height", shape.rows + 6},
                                   {"stage", {{"x", 1}, {"y", 0}, {"width", shape.seats_per_row}, {"height", 2}}},
                                   {"sections", {{{"id", "FL"}, {"name", "Floor"}, {"level", 0}, {"rows", rows}}}}}}}}},
            {"seasons", {{{"id", "2027"}, {"name", "Season 2027"}, {"starts", "2027-01-01"}, {"ends", "2027-12-31"}}}},
            {"price_lists", {{{"id", "standard"}, {"name", "Standard"}, {"kind", "standard"},
                              {"prices", {{{"band", "A"}, {"ticket_type", "adult"}, {"amount", 3000}}}}},
                             {{"id", "series"}, {"name", "Series"}, {"kind", "series"},
                              {"prices", {{{"band", "A"}, {"ticket_type", "adult"}, {"amount", 2000}}}}}}},
            {"events", events}, {"instances", instances}, {"fixed_series", {series}}};
}

}  // namespace encore::load
