// Compact seat-state encoding.
#include <catch2/catch.hpp>

#include "encore/availability.hpp"

using namespace encore;

TEST_CASE("seat states encode one character each and decode back", "[availability]") {
    const std::vector<SeatState> states{SeatState::open, SeatState::held, SeatState::reserved, SeatState::sold,
                                        SeatState::blocked, SeatState::open};
    const std::string text = encode_seat_states(states);
    CHECK(text == "ohrsxo");
    auto back = decode_seat_states(text, states.size());
    REQUIRE(back);
    CHECK(*back == states);
}

TEST_CASE("decode_seat_states rejects unknown codes and wrong lengths", "[availability]") {
    CHECK_FALSE(decode_seat_states("oo?o", 4));
    CHECK_FALSE(decode_seat_states("ooo", 4));
    CHECK_FALSE(decode_seat_states("ooooo", 4));
    CHECK(decode_seat_states("", 0));
}

TEST_CASE("only open seats are available", "[availability]") {
    CHECK(is_available(SeatState::open));
    for (SeatState s : {SeatState::held, SeatState::reserved, SeatState::sold, SeatState::blocked}) CHECK_FALSE(is_available(s));
}

TEST_CASE("seat states have one word each, read back by name", "[availability]") {
    const std::vector<std::pair<SeatState, std::string_view>> words{{SeatState::open, "open"},
        {SeatState::held, "held"}, {SeatState::reserved, "reserved"}, {SeatState::sold, "sold"}, {SeatState::blocked, "blocked"}};
    for (const auto& [state, word] : words) {
        CHECK(seat_state_name(state) == word);
        CHECK(seat_state_from_name(word) == state);
    }
    CHECK_FALSE(seat_state_from_name("Sold"));
    CHECK_FALSE(seat_state_from_name(""));
}
