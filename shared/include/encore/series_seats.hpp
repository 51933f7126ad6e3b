// Which seats a fixed-series group can take: a seat id must exist in the plan of every venue its
// performances use (usually one venue).
#pragma once
#include <vector>

#include "encore/catalog.hpp"

namespace encore {

// The distinct venues of a group's performances, in performance order.
std::vector<const Venue*> group_venues(const Catalog& catalog, const SeriesGroup& group);
// The seat's index in the first venue's plan if the seat exists in every venue; nullopt otherwise.
std::optional<std::uint32_t> seat_in_venues(const std::vector<const Venue*>& venues, const SeatId& seat);

}  // namespace encore
