// What floats over the seat map: the hovered seat's tooltip (and the facts it shows), zoom buttons, the how-to hint, and the
// loading / failed-to-load cards for a performance's seats.
#pragma once
#include <cstdint>

#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/seat_preview.hpp"

namespace web {

// Seat name, band, price, attributes, its seat lock and who may book it, how many of a series' performances have it
// free, and whether it can be chosen (logic/seat_preview's facts, on a performance's map or a series').
void draw_seat_tooltip(const AppState& app, const encore::SeatingPlan& plan, std::uint32_t seat);
// The same facts drawn into the current window (the tooltip, the touch preview card).
void draw_seat_facts(const AppState& app, const SeatFacts& facts, std::uint32_t seat);
// Zoom buttons, hint, and loading/error cards; call after the map window has ended.
void draw_map_overlays(AppState& app, const Rect& area);

}  // namespace web
