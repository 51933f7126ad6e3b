// Which seat the keyboard moves to on a seating plan: left and right along a row (by position on the drawing),
// up and down to the nearest row above or below (the seat nearest across), and the next or previous section.
#pragma once
#include <cstdint>
#include <optional>

#include "encore/catalog.hpp"

namespace web {

enum class SeatStep { left, right, up, down, next_section, previous_section };

// The seat one `step` from `from` on `plan`, or nullopt at the edge (no seat that way). Left/right stay in the
// seat's row; up/down prefer a row of the same section and cross into another section only at its edge;
// sections go in the plan's order, landing on the section's first seat (plan order).
std::optional<std::uint32_t> next_seat(const encore::SeatingPlan& plan, std::uint32_t from, SeatStep step);
// Where the keyboard starts on a plan: `preferred` if it is a seat of it, else the plan's first seat.
std::optional<std::uint32_t> starting_seat(const encore::SeatingPlan& plan, std::optional<std::uint32_t> preferred);

}  // namespace web
