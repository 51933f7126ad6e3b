// The season view: the list of series, passes and memberships (or two pickers on narrow screens), the
// header over a series' composite map, and the details of a pass or membership with "Add to basket".
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

void draw_season_panel(AppState& app, const Rect& area, LayoutKind kind);
// The chosen series' day (with_groups), price band and performances, as widgets in the current window.
void series_controls(AppState& app, bool with_groups);
void draw_series_header(AppState& app, const Rect& area, LayoutKind kind);
// A pass's or membership's details; an introduction when nothing is chosen.
void draw_product_details(AppState& app, const Rect& area);

}  // namespace web
