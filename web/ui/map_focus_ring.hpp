// The keyboard's marks on the seat map: an outline round the map while it has the keyboard, and a focus ring
// (white over a dark halo, so it shows on any band colour) round the keyboard's seat (also when the
// step-through list chose it).
#pragma once
#include "imgui.h"
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

// `seat_radius` is the radius the seats are drawn with (backing pixels).
void draw_map_focus(ImDrawList* dl, const AppState& app, const Rect& area, float seat_radius);

}  // namespace web
