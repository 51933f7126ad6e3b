// The seat map: draws stage, section and row labels and every seat (band colour, availability, marks),
// and turns mouse, wheel and touch input into pan, zoom, hover tooltips and seat selection.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

// Draws the map into `area` (backing pixels) and handles its input. Call between NewFrame and Render.
void draw_seat_map(AppState& app, const Rect& area);

}  // namespace web
