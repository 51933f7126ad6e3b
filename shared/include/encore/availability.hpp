// Seat states of one instance and their compact wire form: one character per seat in plan order.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encore/ids.hpp"

namespace encore {

// The state of one seat at one instance.
enum class SeatState : std::uint8_t {
    open = 0,      // 'o' on sale to anyone eligible
    held = 1,      // 'h' in someone's basket, or held for a subscriber
    reserved = 2,  // 'r' ordered but not yet paid, or kept for a renewing subscriber
    sold = 3,      // 's' paid
    blocked = 4,   // 'x' killed by the house (sight lines, equipment)
};

// 'o','h','r','s','x'.
char seat_state_code(SeatState s);
// The state for a code character, or nullopt.
std::optional<SeatState> seat_state_from_code(char c);
// "open", "held", "reserved", "sold", "blocked": the word the database and the JSON use.
std::string_view seat_state_name(SeatState s);
// The state for a word, or nullopt.
std::optional<SeatState> seat_state_from_name(std::string_view name);
// Only open seats can be chosen by a customer.
inline bool is_available(SeatState s) { return s == SeatState::open; }

// States of every seat of one instance, with the version they were read at.
struct Availability {
    InstanceId instance;
    std::int64_t version = 0;
    std::vector<SeatState> seats;  // plan order; size == plan.seats.size()
};

// "oosshho..." one character per seat.
std::string encode_seat_states(const std::vector<SeatState>& seats);
// Decodes the compact form; nullopt if a character is unknown or the length is not expected_seats.
std::optional<std::vector<SeatState>> decode_seat_states(std::string_view text, std::size_t expected_seats);

}  // namespace encore
