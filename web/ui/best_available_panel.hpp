// "Best available" over the seat map (a performance or a series composite): how many seats, a wheelchair
// space, the core's proposal ringed on the map, Accept or pick by hand. On narrow screens it also holds the
// series' performances and band.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

void draw_best_available(AppState& app, const Rect& map_area, LayoutKind kind);

}  // namespace web
