// Demo sales for --demo-sales: a deterministic, realistic-looking set of sold and held seats.
#pragma once
#include <vector>

#include "encore/catalog.hpp"
#include "store/seat_mark.hpp"

namespace encore::server {

// For every instance on sale on some channel: 15-35% of its seats sold in clumps (favouring
// seats near the stage centre) and a few pairs held. The same catalog always gives the same marks.
std::vector<SeatMark> demo_seat_marks(const Catalog& catalog);

}  // namespace encore::server
