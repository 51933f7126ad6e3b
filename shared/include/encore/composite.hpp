// The composite seat map of a fixed series: a seat is open only when it is open at every chosen
// performance, and otherwise shows the state that blocks it; one composite per seating plan involved.
#pragma once
#include <string>
#include <vector>

#include "encore/availability.hpp"
#include "encore/catalog.hpp"
#include "encore/problems.hpp"

namespace encore {

// The state a seat shows when it differs between performances: sold > reserved > held > blocked > open.
SeatState combine_seat_states(SeatState a, SeatState b);

struct CompositeSeat {
    SeatState state = SeatState::open;  // open only when open at every performance
    int free_at = 0;                    // how many of the performances have it open
};

// One plan's composite: its seats in plan order, each judged at every performance. A seat id missing
// from another performance's plan counts as blocked (not free) at that performance.
struct CompositePlan {
    VenueId venue;
    std::vector<CompositeSeat> seats;
};

struct CompositeAvailability {
    std::vector<InstanceId> instances;  // the performances, as given
    std::vector<CompositePlan> plans;   // one per venue among them, in order of first appearance
    Problems problems;                  // an unknown or repeated instance, states of the wrong length: then no plans
    int performances() const { return static_cast<int>(instances.size()); }
};

// The composite of the given performances' seat states (each names its instance; typically a series
// group's instances, or the customer's chosen subset of them).
CompositeAvailability composite_availability(const Catalog& catalog, const std::vector<Availability>& states);
// For the seat map's hover: "free at 4 of 5 performances", "free at every performance" or "free at none of the 5 performances".
std::string describe_free_at(const CompositeSeat& seat, int performances);

}  // namespace encore
