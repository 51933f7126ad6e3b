// Composite availability across performances, per seating plan, seats matched by id.
#include "encore/composite.hpp"

#include <algorithm>
#include <set>

namespace encore {

namespace {
int blocking_rank(SeatState s) {
    switch (s) {
        case SeatState::open: return 0;
        case SeatState::blocked: return 1;
        case SeatState::held: return 2;
        case SeatState::reserved: return 3;
        case SeatState::sold: return 4;
    }
    return 0;
}
}  // namespace

SeatState combine_seat_states(SeatState a, SeatState b) { return blocking_rank(a) >= blocking_rank(b) ? a : b; }

CompositeAvailability composite_availability(const Catalog& catalog, const std::vector<Availability>& states) {
    CompositeAvailability out;
    std::vector<const Venue*> venues;  // per performance
    std::set<std::string> seen;
    for (std::size_t i = 0; i < states.size(); ++i) {
        const std::string path = "/" + std::to_string(i);
        const Instance* instance = catalog.find_instance(states[i].instance);
        const Venue* venue = instance ? catalog.find_venue(instance->venue) : nullptr;
        if (!venue) {
            out.problems.push_back({path + "/instance", "unknown_reference", "there is no performance " + states[i].instance.value});
        } else if (!seen.insert(instance->id.value).second) {
            out.problems.push_back({path + "/instance", "duplicate_id", "performance " + instance->id.value + " is given twice"});
        } else if (states[i].seats.size() != venue->plan.seats.size()) {
            out.problems.push_back({path + "/seats", "invalid_value",
                                    "performance " + instance->id.value + " has " + std::to_string(venue->plan.seats.size()) +
                                        " seats, not " + std::to_string(states[i].seats.size())});
        }
        out.instances.push_back(states[i].instance);
        venues.push_back(venue);
    }
    if (!out.problems.empty()) return out;

    for (const Venue* venue : venues) {
        if (std::any_of(out.plans.begin(), out.plans.end(), [&](const CompositePlan& p) { return p.venue == venue->id; }))
            continue;
        const std::vector<Seat>& seats = venue->plan.seats;
        CompositePlan plan{venue->id, std::vector<CompositeSeat>(seats.size())};
        for (std::size_t i = 0; i < states.size(); ++i) {
            const Venue* other = venues[i];
            for (std::uint32_t s = 0; s < seats.size(); ++s) {
                auto at = other == venue ? std::optional<std::uint32_t>(s) : other->plan.seat_index(seats[s].id);
                const SeatState state = at ? states[i].seats[*at] : SeatState::blocked;
                CompositeSeat& seat = plan.seats[s];
                seat.state = combine_seat_states(seat.state, state);
                if (state == SeatState::open) ++seat.free_at;
            }
        }
        out.plans.push_back(std::move(plan));
    }
    return out;
}

std::string describe_free_at(const CompositeSeat& seat, int performances) {
    if (performances > 0 && seat.free_at >= performances)
        return performances == 1 ? "free at the performance" : "free at every performance";
    if (seat.free_at <= 0)
        return performances == 1 ? "not free at the performance"
                                 : "free at none of the " + std::to_string(performances) + " performances";
    return "free at " + std::to_string(seat.free_at) + " of " + std::to_string(performances) + " performances";
}

}  // namespace encore
