// What a customer is told about a seat before choosing it (name, band, price, marks, a seat lock and who may
// book it, availability, the core's explanation of its price in this basket), and choosing by tap: on a touch
// screen, where there is no hover, a first tap shows the seat and a second adds (or removes) it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/catalog.hpp"

namespace web {

struct AppState;

struct SeatPreviewState {
    std::optional<std::uint32_t> seat;  // shown after a first tap (touch)
    encore::InstanceId instance;        // ... at this performance
    // Seat locks of the chosen performance, kept until it, the basket, the customer or the minute change.
    mutable std::string locks_key;
    mutable std::vector<const encore::LockType*> lock_types;  // per seat: the lock in force, whoever the customer is
    mutable std::vector<bool> kept_from_customer;             // per seat: that lock keeps it from this customer
    // The explanation of the last seat asked about, kept the same way.
    mutable std::string explanation_key, explanation;
};

struct SeatFacts {
    std::string name;                 // "Dress Circle, Row A, Seat 18"
    std::string band;                 // "Band A"
    std::string price;                // "£45.00 Adult", or "Not sold at this performance"
    std::vector<std::string> marks;   // "Wheelchair space", "Restricted view", ...
    std::string lock;                 // "Friends' Block: for members of the Friends"; "" when no lock
    bool kept_from_customer = false;  // the lock keeps it from this customer
    std::string state;                // "Available", "Sold", "In your basket", ...
    std::string explanation;          // the core's explanation of its price in this basket (with fees)
    std::string action;               // "Tap again to add it to your basket", "Click to select", or why not
    bool can_add = false, selected = false;
};

// The lock type in force at a seat of the chosen performance (whoever the customer is), or nullptr.
const encore::LockType* seat_lock(const AppState& app, std::uint32_t seat);
// That lock keeps the seat from this customer (their holdings and basket do not meet its criterion).
bool seat_kept_from_customer(const AppState& app, std::uint32_t seat);
// "Friends' Block: for members of the Friends" (the lock type's name and describe_criterion of who may book).
std::string lock_words(const AppState& app, const encore::LockType& type);
// Both of the above for every seat of the chosen performance (plan order; empty without one), for drawing.
const std::vector<const encore::LockType*>& seat_locks_here(const AppState& app);
const std::vector<bool>& seats_kept_here(const AppState& app);
// The lock types used at the chosen performance, each once, in catalog order (for the map's key).
std::vector<const encore::LockType*> lock_types_here(const AppState& app);

SeatFacts seat_facts(const AppState& app, std::uint32_t seat, bool touch);

enum class SeatTap { previewed, added, removed, refused };
// A tap or click on a seat of the chosen performance. Touch: a first tap previews, a tap on the previewed seat
// chooses it. Mouse: chooses at once. A seat kept by a lock is refused with a notice naming who may book it.
SeatTap tap_seat(AppState& app, std::uint32_t seat, bool touch);
// The preview goes (a tap beside the seats, another performance).
void clear_seat_preview(AppState& app);
// The previewed seat, if it belongs to the chosen performance.
std::optional<std::uint32_t> previewed_seat(const AppState& app);

}  // namespace web
