// The seat map in words for screen readers: a seat as spoken ("Stalls, row G, seat 9, Band B, £45, available"),
// and the live region's sentences: the focused seat, and every basket change ("…, added; hold ends 14:32").
#pragma once
#include <cstdint>
#include <string>

#include "encore/money.hpp"

namespace web {

struct AppState;

// "£45" for whole pounds, "£45.50" otherwise.
std::string spoken_money(const encore::Money& amount);
// "Stalls, row G, seat 9" on the map's plan.
std::string spoken_seat_name(const AppState& app, std::uint32_t seat);
// "available", "in your basket", "sold", "held in another basket", "reserved", "not for sale",
// "kept for members of the Friends", "not on sale yet"...
std::string spoken_seat_state(const AppState& app, std::uint32_t seat);
// The seat's band and price: "Band B, £45" (a series: "Band B, £25 a show"); "" when the map has no prices.
std::string spoken_seat_price(const AppState& app, std::uint32_t seat);
// Its marks: "wheelchair space, aisle seat"; "" without.
std::string spoken_seat_marks(const AppState& app, std::uint32_t seat);
// All of it: name, band, price, state, marks.
std::string spoken_seat(const AppState& app, std::uint32_t seat);
// "14:32": the hold's end in the venue's local time; "" without a hold.
std::string hold_end_clock(const AppState& app);

// Puts a sentence in the live region (announced even when it repeats the last one).
void announce(AppState& app, std::string text);
// Compares the basket with the last look and announces each seat added (once the server holds it, with the
// hold's end) or removed. Call once a frame; the first call only looks.
void announce_basket_changes(AppState& app);

}  // namespace web
