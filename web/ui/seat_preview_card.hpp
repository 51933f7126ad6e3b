// On touch screens, where nothing hovers: the card a first tap on a seat shows at the foot of the map, or at its
// top for a seat in the lower half (the seat's facts and price explanation), with Add / Remove (a second tap on
// the seat does the same) and Close. On a phone it covers the basket below the map instead.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

// `top`: where the card may start at the top of the map (below the notice banner).
void draw_seat_preview_card(AppState& app, const Layout& layout, float top);

}  // namespace web
