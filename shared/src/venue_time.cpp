// The offset of the venue's nearest performance stands for the venue's local time.
#include "encore/venue_time.hpp"

#include <cstdint>

namespace encore {

int venue_utc_offset_at(const Catalog& catalog, const VenueId& venue, Instant t) {
    const Instance* nearest = nullptr;
    std::int64_t best = 0;
    for (const Instance& instance : catalog.instances) {
        if (instance.venue != venue) continue;
        const std::int64_t d = instance.starts_at.unix_seconds - t.unix_seconds;
        const std::int64_t distance = d < 0 ? -d : d;
        if (!nearest || distance < best || (distance == best && instance.starts_at < nearest->starts_at))
            nearest = &instance, best = distance;
    }
    return nearest ? nearest->utc_offset_minutes : 0;
}

std::string describe_venue_time(const Catalog& catalog, const VenueId& venue, Instant t) {
    return describe_local_time(t, venue_utc_offset_at(catalog, venue, t));
}

}  // namespace encore
