// The three views of the box office in the top bar: What's on (performances), Season (series, passes,
// memberships) and Your account.
#pragma once
#include "logic/app_state.hpp"

namespace web {

// Draws the tabs from x at the vertical centre cy (inside the top bar's window); returns their right edge.
float draw_view_tabs(AppState& app, float x, float center_y, bool compact);

}  // namespace web
