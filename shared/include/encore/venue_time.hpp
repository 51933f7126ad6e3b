// A venue's local time at any instant, as far as the catalog knows it. The catalog has no time-zone
// database: it knows only the UTC offsets its performances were written with (a 19:30 BST show keeps +01:00),
// so the offset in force at an instant is that of the venue's performance nearest to it.
#pragma once
#include <string>

#include "encore/catalog.hpp"

namespace encore {

// Minutes east of UTC at `venue` at instant `t`: the offset of the venue's performance starting nearest to
// `t` (the earlier one on a tie); 0 (UTC) when the venue has no performances.
int venue_utc_offset_at(const Catalog& catalog, const VenueId& venue, Instant t);
// "Tue 12 Jan 2027, 19:30" in the venue's local time at `t` (describe_local_time with that offset).
std::string describe_venue_time(const Catalog& catalog, const VenueId& venue, Instant t);

}  // namespace encore
