// The seat map: draws stage, section and row labels and every seat (band colour, availability, marks),
// and turns mouse, wheel and touch input into pan, zoom, hover tooltips and seat selection.
#pragma once
#include <cstdint>
#include <optional>

#include "app_state.hpp"
#include "imgui.h"
#include "layout.hpp"

namespace web {

// Draws the map into `area` (backing pixels) and handles its input. Call between NewFrame and Render.
void draw_seat_map(AppState& app, const Rect& area);
// Centre of a seat on the canvas in backing pixels, or nullopt if no plan is shown.
std::optional<ImVec2> seat_screen_position(const AppState& app, std::uint32_t seat);
// The whole plan in view.
void fit_view(AppState& app);
// Zooms by `factor` keeping the plan point under (sx, sy) in place; clamped to sensible limits.
void zoom_view(AppState& app, double factor, double sx, double sy);

}  // namespace web
