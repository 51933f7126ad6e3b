// Demo sales for --demo-sales: a deterministic, realistic-looking set of sold and held seats.
#pragma once
#include <vector>

#include "encore/catalog.hpp"
#include "store/seat_mark.hpp"

namespace encore::server {

// For every instance whose sale has opened on some channel by `as_of`: 15-35% of its seats sold in
// clumps (favouring seats near the stage centre) and a few pairs held; a later season's performances,
// not yet on sale, stay empty. The same catalog and instance set always give the same marks.
std::vector<SeatMark> demo_seat_marks(const Catalog& catalog, Instant as_of);

}  // namespace encore::server
