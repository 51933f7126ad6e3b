// The panels around the seat map: top bar and map header (panels.cpp), events with their performances
// (events_panel.cpp), the customer's priced basket and the legend (side_panel.cpp), the account area
// (account_panel.cpp) and the checkout (checkout_panel.cpp).
#pragma once
#include "app_state.hpp"
#include "layout.hpp"

namespace web {

void draw_top_bar(AppState& app, const Rect& area);
void draw_events_panel(AppState& app, const Rect& area, LayoutKind kind);
void draw_map_header(AppState& app, const Rect& area, LayoutKind kind);
void draw_side_panel(AppState& app, const Rect& area, LayoutKind kind);
// The log-in / create-account form (account_panel.cpp), the top bar's account button, the window it opens.
void account_form(AppState& app);
// Returns the left edge of what it drew.
float draw_account_button(AppState& app, float right_x, float center_y);
void draw_account_window(AppState& app, const Rect& area);
// The checkout window over the map (checkout_panel.cpp).
void draw_checkout_window(AppState& app, const Rect& area);
// Shown over the map while the catalog loads or when it failed.
void draw_catalog_status(AppState& app, const Rect& area);

}  // namespace web
