// A seat of one instance that is not open: what a seat_states row holds.
#pragma once
#include "encore/availability.hpp"
#include "encore/ids.hpp"

namespace encore::server {

struct SeatMark {
    InstanceId instance;
    SeatId seat;
    SeatState state = SeatState::sold;
    bool operator==(const SeatMark&) const = default;
};

}  // namespace encore::server
