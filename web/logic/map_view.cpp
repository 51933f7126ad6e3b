// Fit, zoom, clamp and hit testing of the seat map; plan units <-> backing-store pixels.
#include "logic/map_view.hpp"

#include <algorithm>

#include "logic/map_source.hpp"

namespace web {

void clamp_view(AppState& app, const encore::SeatingPlan& plan) {
    ViewTransform& v = app.view;
    double min_scale = v.fit_scale * 0.6;
    double max_scale = std::max(v.fit_scale * 4, 64.0 * app.dpr);
    v.scale = std::clamp(v.scale, min_scale, max_scale);
    // Keep a good part of the plan in view: its extent must overlap the map by 30% of the smaller of the two.
    auto keep = [](double& offset, double extent, double view) {
        double margin = std::min(view, extent) * 0.3;
        offset = std::clamp(offset, margin - extent, view - margin);
    };
    keep(v.offset_x, plan.width * v.scale, v.rect_w);
    keep(v.offset_y, plan.height * v.scale, v.rect_h);
}

std::optional<std::uint32_t> seat_at(const AppState& app, const encore::SeatingPlan& plan, double sx, double sy) {
    const ViewTransform& v = app.view;
    if (!v.contains(sx, sy)) return std::nullopt;
    double px = v.to_plan_x(sx), py = v.to_plan_y(sy);
    double tolerance = std::max(0.55, 6.0 * app.dpr / v.scale);  // plan units
    if (app.seat_grid.at.size() == plan.seats.size()) return nearest_seat(app.seat_grid, px, py, tolerance);
    return nearest_seat_by_scan(plan, px, py, tolerance);
}

void place_view(AppState& app, const Rect& area, const encore::SeatingPlan& plan) {
    ViewTransform& v = app.view;
    bool moved = v.rect_x != area.x || v.rect_y != area.y || v.rect_w != area.w || v.rect_h != area.h;
    double keep_px = 0, keep_py = 0, keep_zoom = v.zoom();
    if (moved && v.fitted) keep_px = v.to_plan_x(v.rect_x + v.rect_w / 2), keep_py = v.to_plan_y(v.rect_y + v.rect_h / 2);
    v.rect_x = area.x, v.rect_y = area.y, v.rect_w = area.w, v.rect_h = area.h;
    double pad = 16 * app.dpr;
    double fit = std::min((area.w - 2 * pad) / plan.width, (area.h - 2 * pad) / plan.height);
    v.fit_scale = std::max(fit, 0.01);
    if (!v.fitted || (moved && !v.user_moved)) {
        fit_view(app);
    } else if (moved) {  // window resized or DPR changed: same zoom, same plan point in the middle
        v.scale = keep_zoom * v.fit_scale;
        v.offset_x = v.rect_w / 2 - keep_px * v.scale;
        v.offset_y = v.rect_h / 2 - keep_py * v.scale;
        clamp_view(app, plan);
    }
}

void fit_view(AppState& app) {
    const encore::Venue* venue = map_venue(app);
    if (!venue) return;
    ViewTransform& v = app.view;
    v.scale = v.fit_scale;
    v.offset_x = (v.rect_w - venue->plan.width * v.scale) / 2;
    v.offset_y = (v.rect_h - venue->plan.height * v.scale) / 2;
    v.fitted = true;
    v.user_moved = false;
}

void zoom_view(AppState& app, double factor, double sx, double sy) {
    const encore::Venue* venue = map_venue(app);
    if (!venue || !(factor > 0)) return;
    ViewTransform& v = app.view;
    double px = v.to_plan_x(sx), py = v.to_plan_y(sy);
    v.scale *= factor;
    clamp_view(app, venue->plan);
    v.offset_x = sx - v.rect_x - px * v.scale;
    v.offset_y = sy - v.rect_y - py * v.scale;
    clamp_view(app, venue->plan);
}

std::optional<ScreenPoint> seat_screen_position(const AppState& app, std::uint32_t seat) {
    const encore::Venue* venue = map_venue(app);
    if (!venue || seat >= venue->plan.seats.size() || !app.view.fitted) return std::nullopt;
    const encore::PlanPoint& at = venue->plan.seats[seat].at;
    return ScreenPoint{app.view.to_screen_x(at.x), app.view.to_screen_y(at.y)};
}

}  // namespace web
