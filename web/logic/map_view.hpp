// The seat map's view transform (app.view): the map's area on the canvas, fitting the plan into it, zooming
// about a point, keeping the plan in view, and mapping between screen pixels and seats.
#pragma once
#include <cstdint>
#include <optional>

#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

struct ScreenPoint {
    double x = 0, y = 0;  // backing-store pixels
};

// The map is drawn in `area` this frame: fits the plan the first time; after a resize keeps the zoom and the
// plan point in the middle once the customer has moved the view, else fits again.
void place_view(AppState& app, const Rect& area, const encore::SeatingPlan& plan);
// The whole plan in view.
void fit_view(AppState& app);
// Zooms by `factor` keeping the plan point under (sx, sy) in place; clamped to sensible limits.
void zoom_view(AppState& app, double factor, double sx, double sy);
// Limits the zoom, and keeps a good part of the plan inside the map area.
void clamp_view(AppState& app, const encore::SeatingPlan& plan);
// The seat nearest (sx, sy) within a finger's tolerance, if the point is on the map.
std::optional<std::uint32_t> seat_at(const AppState& app, const encore::SeatingPlan& plan, double sx, double sy);
// Centre of a seat on the canvas, or nullopt if no plan is shown.
std::optional<ScreenPoint> seat_screen_position(const AppState& app, std::uint32_t seat);

}  // namespace web
