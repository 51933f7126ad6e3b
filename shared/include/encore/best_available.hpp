// Best available: the seats the box office proposes for N people together, for one performance or for a
// fixed series on its composite. One rule for both; the customer may accept or pick by hand.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "encore/catalog.hpp"

namespace encore {

struct SeatRequest {
    int seats = 1;              // how many seats, side by side in one row
    int wheelchair_spaces = 0;  // how many of them are wheelchair spaces, each with a companion seat beside it
};

struct SeatProposal {
    std::vector<std::uint32_t> seats;  // plan indices in plan order; empty when nothing fits
    bool leaves_single = false;        // every possible block left one seat stranded; this one does too
    std::string code;                  // when empty: invalid_request, no_wheelchair_space, too_many_seats, no_seats_together
    std::string reason;                // when empty: a sentence for the customer
};

// Proposes `request.seats` selectable seats (`selectable`: per seat in plan order, see seat_selection.hpp)
// side by side in one row of the plan, leaving no single selectable seat stranded beside the block, with
// the fewest restricted-view seats, on the lowest level, nearest the centre of the stage; ties go to the
// block starting earliest in plan order. Wheelchair spaces and companion seats are proposed only for a
// wheelchair request. Rules and reasons in docs/pricing.md ("Best available").
SeatProposal best_available(const SeatingPlan& plan, const std::vector<bool>& selectable, const SeatRequest& request);

}  // namespace encore
