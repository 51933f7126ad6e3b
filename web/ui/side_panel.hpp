// The basket and legend panel: the held seats priced by the core, the hold's countdown, Clear and Checkout,
// and the key to band colours (with prices) and seat marks.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

void draw_side_panel(AppState& app, const Rect& area, LayoutKind kind);

}  // namespace web
