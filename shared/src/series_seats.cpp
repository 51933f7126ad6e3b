// The venues of a series group and the seats present in all of them.
#include "encore/series_seats.hpp"

#include <algorithm>

namespace encore {

std::vector<const Venue*> group_venues(const Catalog& catalog, const SeriesGroup& group) {
    std::vector<const Venue*> out;
    for (const InstanceId& id : group.instances)
        if (const Instance* i = catalog.find_instance(id))
            if (const Venue* v = catalog.find_venue(i->venue); v && std::find(out.begin(), out.end(), v) == out.end())
                out.push_back(v);
    return out;
}

std::optional<std::uint32_t> seat_in_venues(const std::vector<const Venue*>& venues, const SeatId& seat) {
    if (venues.empty()) return std::nullopt;
    const auto first = venues.front()->plan.seat_index(seat);
    if (!first) return std::nullopt;
    for (std::size_t k = 1; k < venues.size(); ++k)
        if (!venues[k]->plan.seat_index(seat)) return std::nullopt;
    return first;
}

}  // namespace encore
