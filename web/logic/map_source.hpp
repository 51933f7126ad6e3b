// What the seat map shows: the chosen performance's seats, or in the season view a fixed series' composite.
// The seat map, its tooltip and marks, taps, best available and the test exports ask here, so they work on either.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/seat_selection.hpp"
#include "logic/app_state.hpp"

namespace web {

// The venue whose plan the map draws.
const encore::Venue* map_venue(const AppState& app);
// The seats' states are known.
bool map_loaded(const AppState& app);
// Every seat's state on the map, plan order (empty until loaded).
const std::vector<encore::SeatState>& map_states(const AppState& app);
// A seat's state on the map (on the composite: open only when open at every chosen performance).
std::optional<encore::SeatState> map_seat_state(const AppState& app, std::uint32_t seat);
// The customer may pick it now (core selectable_seats / selectable_series_seats, plus on sale and priced).
bool map_can_select(const AppState& app, std::uint32_t seat);
// Per seat of the plan: what map_can_select says (for best available).
std::vector<bool> map_selectable(const AppState& app);
bool map_is_selected(const AppState& app, std::uint32_t seat);
// The basket's seats on this map (plan indices).
std::vector<std::uint32_t> map_selection(const AppState& app);
// Adds or removes the seat (holding or releasing it on the server).
bool map_toggle(AppState& app, std::uint32_t seat);
// The seat locks on the map (core seat_lock_types / locked_seats, or series_seat_locks on a composite), judged
// with customer_entitlements like map_can_select: per seat the lock in force whoever asks, and whether it keeps
// the seat from this customer. Empty until the map is known.
const encore::SeatLocks& map_seat_locks(const AppState& app);
const encore::LockType* map_seat_lock(const AppState& app, std::uint32_t seat);
bool map_seat_kept(const AppState& app, std::uint32_t seat);
// The lock types on the map, each once, in catalog order (for the key).
std::vector<const encore::LockType*> map_lock_types(const AppState& app);
// Which map this is: "instance:<id>" or "series:<series>/<group>/<performances>/<band>".
std::string map_key(const AppState& app);

}  // namespace web
