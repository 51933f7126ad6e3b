// Test and benchmark exports of the seat map: its level of detail and sections (name, free seats, where their
// shapes are on the page), and timed hit-testing at random points of the map.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "browser/page.hpp"
#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/seat_grid.hpp"
#include "logic/section_view.hpp"

namespace {

std::string g_out;

}  // namespace

extern "C" {

// {"sections_shown", "zoom", "scale" (CSS px per plan unit), "seats", "sections": [{"id", "name", "seats", "free",
// "x", "y" (its centre in CSS px), "in_view"}]}
EMSCRIPTEN_KEEPALIVE const char* encore_map_json() {
    const web::AppState& app = web::the_app();
    const encore::Venue* venue = web::map_venue(app);
    nlohmann::json out = {{"sections_shown", web::map_shows_sections(app)}, {"zoom", app.view.zoom()},
                          {"scale", app.view.scale / app.dpr}, {"seats", venue ? venue->plan.seats.size() : 0},
                          {"sections", nlohmann::json::array()}};
    if (venue && app.section_shapes.size() == venue->plan.sections.size()) {
        std::vector<std::uint32_t> free = web::map_section_free_counts(app);
        for (std::size_t i = 0; i < app.section_shapes.size(); ++i) {
            const web::SectionShape& s = app.section_shapes[i];
            double sx = app.view.to_screen_x(s.centre.x), sy = app.view.to_screen_y(s.centre.y);
            out["sections"].push_back({{"id", venue->plan.sections[i].id.value}, {"name", venue->plan.sections[i].name},
                                       {"seats", s.seats}, {"free", i < free.size() ? free[i] : 0},
                                       {"x", sx / app.dpr}, {"y", sy / app.dpr}, {"in_view", app.view.contains(sx, sy)}});
        }
    }
    g_out = out.dump();
    return g_out.c_str();
}

// Runs `count` seat hit-tests (and as many section hit-tests) at pseudo-random points of the map's area, as a
// click or hover would; {"seat_ms", "section_ms", "scan_ms" (a scan of every seat), mean per test; "seat_hits",
// "section_hits"}.
EMSCRIPTEN_KEEPALIVE const char* encore_bench_hit_test(int count) {
    const web::AppState& app = web::the_app();
    const encore::Venue* venue = web::map_venue(app);
    nlohmann::json out = {{"seat_ms", 0}, {"section_ms", 0}, {"seat_hits", 0}, {"section_hits", 0}};
    if (!venue || count <= 0) {
        g_out = out.dump();
        return g_out.c_str();
    }
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto unit = [&state] {  // SplitMix64 -> [0, 1)
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
    };
    const web::ViewTransform& v = app.view;
    int seat_hits = 0, section_hits = 0, scan_hits = 0;
    double t0 = emscripten_get_now();
    for (int i = 0; i < count; ++i)
        seat_hits += web::seat_at(app, venue->plan, v.rect_x + unit() * v.rect_w, v.rect_y + unit() * v.rect_h).has_value();
    double t1 = emscripten_get_now();
    for (int i = 0; i < count; ++i)
        section_hits += web::section_under(app, v.rect_x + unit() * v.rect_w, v.rect_y + unit() * v.rect_h).has_value();
    double t2 = emscripten_get_now();
    int scans = std::max(1, count / 20);  // the scan of every seat that the grid replaced, for comparison
    for (int i = 0; i < scans; ++i)
        scan_hits += web::nearest_seat_by_scan(venue->plan, v.to_plan_x(v.rect_x + unit() * v.rect_w),
                                               v.to_plan_y(v.rect_y + unit() * v.rect_h), 0.55).has_value();
    double t3 = emscripten_get_now();
    out = {{"seat_ms", (t1 - t0) / count}, {"section_ms", (t2 - t1) / count}, {"scan_ms", (t3 - t2) / scans},
           {"seat_hits", seat_hits}, {"section_hits", section_hits}, {"scan_hits", scan_hits}};
    g_out = out.dump();
    return g_out.c_str();
}

}  // extern "C"
