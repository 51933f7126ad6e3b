// What a customer is told about a seat of the map before choosing it (name, band, price, marks, a seat lock and
// who may book it, availability, how many of a series' performances have it free, the core's explanation of
// its price in this basket), and choosing by tap: on a touch screen, where there is no hover, a first tap shows
// the seat and a second adds (or removes) it. The map is a performance's or a series' composite (map_source).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/catalog.hpp"
#include "encore/seat_selection.hpp"

namespace web {

struct AppState;

struct SeatPreviewState {
    std::optional<std::uint32_t> seat;  // shown after a first tap (touch)
    std::string map;                    // ... on this map (map_key)
    // Seat locks of the chosen performance, kept until it, the basket, the customer or the minute change.
    mutable std::string locks_key;
    mutable encore::SeatLocks locks;
    // The explanation of the last seat asked about, kept the same way.
    mutable std::string explanation_key, explanation;
};

struct SeatFacts {
    std::string name;                 // "Dress Circle, Row A, Seat 18"
    std::string band;                 // "Band A"
    std::string price;                // "£45.00 Adult", "£25.00 a show", or "Not sold at this performance"
    std::vector<std::string> marks;   // "Wheelchair space", "Restricted view", ...
    std::string lock;                 // "Friends' Block: for members of the Friends"; "" when no lock
    bool kept_from_customer = false;  // the lock keeps it from this customer
    std::string free_at;              // a series' composite: "Free at 4 of 5 performances"
    std::string state;                // "Available", "Sold", "In your basket", ...
    std::string explanation;          // the core's explanation of its price in this basket (with fees)
    std::string action;               // "Tap again to add it to your basket", "Click to select", or why not
    bool can_add = false, selected = false;
};

// The seat locks of the chosen performance (core seat_lock_types and locked_seats, judged with
// customer_entitlements); empty without one. The map asks map_seat_locks, which also covers a series.
const encore::SeatLocks& performance_seat_locks(const AppState& app);
// "Friends' Block: for members of the Friends" (the lock type's name and describe_criterion of who may book).
std::string lock_words(const AppState& app, const encore::LockType& type);

SeatFacts seat_facts(const AppState& app, std::uint32_t seat, bool touch);

enum class SeatTap { previewed, added, removed, refused };
// A tap or click on a seat of the map. Touch: a first tap previews, a tap on the previewed seat chooses it.
// Mouse: chooses at once. A seat kept by a lock is refused with a notice naming who may book it.
SeatTap tap_seat(AppState& app, std::uint32_t seat, bool touch);
// The preview goes (a tap beside the seats, another map).
void clear_seat_preview(AppState& app);
// The previewed seat, if it belongs to the map shown.
std::optional<std::uint32_t> previewed_seat(const AppState& app);

}  // namespace web
