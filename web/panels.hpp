// The panels around the seat map: top bar and map header (panels.cpp), events with their performances
// (events_panel.cpp), the customer's selection with its total and the legend (side_panel.cpp).
#pragma once
#include "app_state.hpp"
#include "layout.hpp"

namespace web {

void draw_top_bar(AppState& app, const Rect& area);
void draw_events_panel(AppState& app, const Rect& area, LayoutKind kind);
void draw_map_header(AppState& app, const Rect& area, LayoutKind kind);
void draw_side_panel(AppState& app, const Rect& area, LayoutKind kind);
// Shown over the map while the catalog loads or when it failed.
void draw_catalog_status(AppState& app, const Rect& area);

}  // namespace web
