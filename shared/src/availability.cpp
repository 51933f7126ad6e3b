// Compact wire form of seat states.
#include "encore/availability.hpp"

namespace encore {

char seat_state_code(SeatState s) {
    switch (s) {
        case SeatState::open: return 'o';
        case SeatState::held: return 'h';
        case SeatState::reserved: return 'r';
        case SeatState::sold: return 's';
        case SeatState::blocked: return 'x';
    }
    return '?';
}

std::optional<SeatState> seat_state_from_code(char c) {
    switch (c) {
        case 'o': return SeatState::open;
        case 'h': return SeatState::held;
        case 'r': return SeatState::reserved;
        case 's': return SeatState::sold;
        case 'x': return SeatState::blocked;
        default: return std::nullopt;
    }
}

std::string_view seat_state_name(SeatState s) {
    switch (s) {
        case SeatState::open: return "open";
        case SeatState::held: return "held";
        case SeatState::reserved: return "reserved";
        case SeatState::sold: return "sold";
        case SeatState::blocked: return "blocked";
    }
    return "open";
}

std::optional<SeatState> seat_state_from_name(std::string_view name) {
    for (SeatState s : {SeatState::open, SeatState::held, SeatState::reserved, SeatState::sold, SeatState::blocked})
        if (seat_state_name(s) == name) return s;
    return std::nullopt;
}

std::string encode_seat_states(const std::vector<SeatState>& seats) {
    std::string text(seats.size(), 'o');
    for (std::size_t i = 0; i < seats.size(); ++i) text[i] = seat_state_code(seats[i]);
    return text;
}

std::optional<std::vector<SeatState>> decode_seat_states(std::string_view text, std::size_t expected_seats) {
    if (text.size() != expected_seats) return std::nullopt;
    std::vector<SeatState> seats(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto state = seat_state_from_code(text[i]);
        if (!state) return std::nullopt;
        seats[i] = *state;
    }
    return seats;
}

}  // namespace encore
