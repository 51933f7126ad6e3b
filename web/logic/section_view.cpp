// Level of detail, section hit-testing, free counts and zoom-to-section over the app's view transform.
#include "logic/section_view.hpp"

#include <algorithm>
#include <functional>
#include <string>

#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/series_map.hpp"

namespace web {

double section_detail_threshold(double fit_scale, double dpr) {
    double seats = seat_detail_min_css_px * dpr;
    return fit_scale >= 3 * dpr ? std::min(seats, 0.8 * fit_scale) : seats;
}

bool map_shows_sections(const AppState& app) {
    return !app.section_shapes.empty() && app.view.fitted &&
           app.view.scale < section_detail_threshold(app.view.fit_scale, app.dpr);
}

std::optional<std::uint32_t> section_under(const AppState& app, double sx, double sy) {
    if (!app.view.contains(sx, sy)) return std::nullopt;
    return section_at(app.section_shapes, app.view.to_plan_x(sx), app.view.to_plan_y(sy));
}

namespace {

// Counts again only when the selectable seats (or the plan) differ from the last count's.
const std::vector<std::uint32_t>& counted(const AppState& app, const encore::Venue& venue, const std::vector<bool>& selectable) {
    std::size_t key = std::hash<std::vector<bool>>{}(selectable) ^ (std::hash<std::string>{}(venue.id.value) * 31) ^
                      (venue.plan.seats.size() * 1000003u);
    SectionCountsCache& cache = app.section_counts;
    if (cache.key != key || cache.counts.size() != venue.plan.sections.size()) {
        cache.counts = section_free_counts(venue.plan, selectable);
        cache.key = key;
    }
    return cache.counts;
}

}  // namespace

std::vector<std::uint32_t> map_section_free_counts(const AppState& app) {
    const encore::Venue* venue = map_venue(app);
    if (!venue) return {};
    if (series_map_shown(app)) return counted(app, *venue, series_composite(app).selectable);
    // map_can_select seat by seat, with the sale check and each band's price asked once rather than per seat.
    const encore::Instance* instance = current_instance(app);
    if (!instance || !on_sale_web(app, *instance)) return std::vector<std::uint32_t>(venue->plan.sections.size(), 0);
    std::vector<bool> priced(app.catalog->price_bands.size());
    for (std::size_t b = 0; b < priced.size(); ++b) priced[b] = band_price(app, static_cast<int>(b)).has_value();
    std::vector<bool> selectable = selectable_seats_here(app);
    for (std::size_t i = 0; i < selectable.size(); ++i) {
        int band = i < app.seat_band.size() ? app.seat_band[i] : -1;
        if (selectable[i]) selectable[i] = band >= 0 && priced[static_cast<std::size_t>(band)];
    }
    return counted(app, *venue, selectable);
}

void zoom_to_section(AppState& app, std::uint32_t section) {
    const encore::Venue* venue = map_venue(app);
    if (!venue || section >= app.section_shapes.size() || app.section_shapes[section].outline.empty()) return;
    const SectionShape& s = app.section_shapes[section];
    ViewTransform& v = app.view;
    double pad = 24 * app.dpr;
    double w = std::max(s.max_x - s.min_x, 1.0), h = std::max(s.max_y - s.min_y, 1.0);
    double fill = std::min((v.rect_w - 2 * pad) / w, (v.rect_h - 2 * pad) / h);
    v.scale = std::max(fill, section_detail_threshold(v.fit_scale, app.dpr) * 1.5);
    double cx = (s.min_x + s.max_x) / 2, cy = (s.min_y + s.max_y) / 2;
    v.offset_x = v.rect_w / 2 - cx * v.scale;
    v.offset_y = v.rect_h / 2 - cy * v.scale;
    clamp_view(app, venue->plan);
    v.user_moved = true;
}

}  // namespace web
