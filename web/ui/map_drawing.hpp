// Drawing primitives of the seat map, also used by the legend and selection list: seat glyphs (band
// colour, availability, wheelchair/companion/restricted marks), centred and letter-spaced text.
#pragma once
#include <cstdint>

#include "encore/availability.hpp"
#include "imgui.h"
#include "logic/app_state.hpp"

namespace web {

// unavailable: not for sale (a bar); sold: sold or reserved (a cross); held: in another basket (a hollow ring and
// a dot) — taken seats differ by shape, not only colour.
enum class SeatLook { available, unavailable, selected, sold, held };

// How a seat in `state` looks when it is not in the customer's basket.
SeatLook seat_look(encore::SeatState state);

// One seat: a circle, or a rounded square with a wheelchair pictogram for a wheelchair space; a ring
// marks a companion seat and a triangle restricted view; selected seats are white with a tick; taken seats are grey
// with their state's mark (cross, ring and dot, bar).
void draw_seat_glyph(ImDrawList* dl, ImVec2 center, float radius, ImU32 band_color, std::uint8_t attributes,
                     SeatLook look, const char* number = nullptr);
// A seat under a seat lock (e.g. the Friends' block): a diamond with a padlock, in the lock colour when the
// lock keeps it from this customer, in its band colour edged with the lock colour when they may book it.
void draw_locked_seat_glyph(ImDrawList* dl, ImVec2 center, float radius, ImU32 band_color, SeatLook look, bool kept_from_customer);
// Text centred on c; with letter_spacing > 0 the characters are spread apart.
void add_text_centered(ImDrawList* dl, ImFont* font, float size, ImVec2 c, ImU32 col, const char* text,
                       float letter_spacing = 0);
// The catalog colour of a seat's price band in the current venue.
ImU32 seat_band_color(const AppState& app, std::uint32_t seat);

}  // namespace web
