// Selectable seats: availability plus seat locks (and the chosen band for a series); a composite's seat locks.
#include "encore/seat_selection.hpp"

namespace encore {

std::vector<bool> selectable_seats(const Catalog& catalog, const Instance& instance, const std::vector<SeatState>& states,
                                   const Entitlements& who) {
    std::vector<bool> selectable = locked_seats(catalog, instance, who);
    if (selectable.size() != states.size()) return std::vector<bool>(states.size(), false);
    for (std::size_t s = 0; s < selectable.size(); ++s) selectable[s] = !selectable[s] && is_available(states[s]);
    return selectable;
}

SeatLocks series_seat_locks(const Catalog& catalog, const CompositeAvailability& composite, std::size_t plan,
                            const Entitlements& who) {
    SeatLocks locks;
    if (!composite.problems.empty() || plan >= composite.plans.size()) return locks;
    const Venue* venue = catalog.find_venue(composite.plans[plan].venue);
    if (!venue) return locks;
    const std::size_t seats = composite.plans[plan].seats.size();
    locks.types.assign(seats, nullptr);
    locks.kept.assign(seats, false);
    for (const InstanceId& id : composite.instances) {
        const Instance* instance = catalog.find_instance(id);
        const Venue* at = instance ? catalog.find_venue(instance->venue) : nullptr;
        if (!at) continue;
        const std::vector<bool> kept = locked_seats(catalog, *instance, who);
        const std::vector<const LockType*> types = seat_lock_types(catalog, *instance, who.now());
        for (std::uint32_t s = 0; s < seats; ++s) {
            auto index = at == venue ? std::optional<std::uint32_t>(s) : at->plan.seat_index(venue->plan.seats[s].id);
            if (!index) continue;
            if (!locks.types[s]) locks.types[s] = types[*index];
            locks.kept[s] = locks.kept[s] || kept[*index];
        }
    }
    return locks;
}

std::vector<bool> selectable_series_seats(const Catalog& catalog, const CompositeAvailability& composite, std::size_t plan,
                                          const Entitlements& who, const PriceBandId& band) {
    if (!composite.problems.empty() || plan >= composite.plans.size()) return {};
    const CompositePlan& shown = composite.plans[plan];
    const Venue* venue = catalog.find_venue(shown.venue);
    std::vector<bool> selectable(shown.seats.size(), false);
    if (!venue) return selectable;
    for (std::size_t s = 0; s < selectable.size(); ++s) selectable[s] = is_available(shown.seats[s].state);
    const std::vector<bool> kept = series_seat_locks(catalog, composite, plan, who).kept;
    for (const InstanceId& id : composite.instances) {
        const Instance* instance = catalog.find_instance(id);
        const Venue* at = instance ? catalog.find_venue(instance->venue) : nullptr;
        if (!at) return std::vector<bool>(selectable.size(), false);
        for (std::uint32_t s = 0; s < selectable.size(); ++s) {
            if (!selectable[s]) continue;
            auto index = at == venue ? std::optional<std::uint32_t>(s) : at->plan.seat_index(venue->plan.seats[s].id);
            selectable[s] = index && !kept[s] && (band.empty() || at->plan.seats[*index].band == band);
        }
    }
    return selectable;
}

}  // namespace encore
