// Which seats a customer may pick now: the one rule the seat map, best available and the server's hold
// check share. For a single performance and for a fixed series (on its composite availability), with the
// composite's seat locks.
#pragma once
#include <cstddef>
#include <vector>

#include "encore/availability.hpp"
#include "encore/composite.hpp"
#include "encore/entitlements.hpp"

namespace encore {

// Per seat of the instance's plan (plan order): open, and not kept from this customer by a seat lock.
// Whether the performance itself is on sale to them is check_on_sale's question.
std::vector<bool> selectable_seats(const Catalog& catalog, const Instance& instance, const std::vector<SeatState>& states,
                                   const Entitlements& who);
// The seat locks of a series' composite, per seat of composite plan `plan` (plan order), for the map to mark and
// name: `types`, a lock in force at any of the performances whoever asks (the first found), and `kept`, a lock
// keeping the seat from this customer at any of them (locked_seats' rule at each). Empty for a composite with
// problems.
struct SeatLocks {
    std::vector<const LockType*> types;
    std::vector<bool> kept;
};
SeatLocks series_seat_locks(const Catalog& catalog, const CompositeAvailability& composite, std::size_t plan,
                            const Entitlements& who);
// Per seat of composite plan `plan` (plan order): open at every performance, not kept from this customer
// by a seat lock at any of them, and, when `band` is given (series booked by price band), in that band
// at every performance. A composite with problems has nothing selectable.
std::vector<bool> selectable_series_seats(const Catalog& catalog, const CompositeAvailability& composite, std::size_t plan,
                                          const Entitlements& who, const PriceBandId& band = {});

}  // namespace encore
