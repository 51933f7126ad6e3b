// Catalog look-ups and the standard price of a seat.
#include "encore/catalog.hpp"

#include <algorithm>

namespace encore {

const char* channel_name(Channel c) { return c == Channel::web ? "web" : "box_office"; }

bool channel_from_name(std::string_view name, Channel& out) {
    for (Channel c : all_channels)
        if (name == channel_name(c)) {
            out = c;
            return true;
        }
    return false;
}

std::optional<std::uint32_t> SeatingPlan::seat_index(const SeatId& id) const {
    auto it = seat_by_id.find(id);
    if (it == seat_by_id.end()) return std::nullopt;
    return it->second;
}

std::string SeatingPlan::seat_name(std::uint32_t seat) const {
    const Seat& s = seats.at(seat);
    std::string name = s.section < sections.size() ? sections[s.section].name : std::string("?");
    if (!s.row.empty()) name += ", Row " + s.row;
    return name + ", Seat " + s.number;
}

void SeatingPlan::reindex() {
    seat_by_id.clear();
    seat_by_id.reserve(seats.size());
    for (std::uint32_t i = 0; i < seats.size(); ++i) seat_by_id.emplace(seats[i].id, i);
}

std::string Instance::local_start() const { return describe_local_time(starts_at, utc_offset_minutes); }

std::optional<std::int64_t> PriceList::price(const PriceBandId& band, const TicketTypeId& type) const {
    for (const Price& p : prices)
        if (p.band == band && p.ticket_type == type) return p.amount;
    return std::nullopt;
}

namespace {
template <class T, class IdT>
const T* find_in(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& index,
                 const IdT& id) {
    auto it = index.find(id.value);
    return it == index.end() ? nullptr : &items[it->second];
}

template <class T>
void index_ids(const std::vector<T>& items, std::unordered_map<std::string, std::size_t>& index) {
    index.clear();
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id.value, i);
}
}  // namespace

const PriceBand* Catalog::find_band(const PriceBandId& id) const { return find_in(price_bands, band_index, id); }
const TicketType* Catalog::find_ticket_type(const TicketTypeId& id) const {
    return find_in(ticket_types, ticket_type_index, id);
}
const Venue* Catalog::find_venue(const VenueId& id) const { return find_in(venues, venue_index, id); }
const Season* Catalog::find_season(const SeasonId& id) const { return find_in(seasons, season_index, id); }
const PriceList* Catalog::find_price_list(const PriceListId& id) const {
    return find_in(price_lists, price_list_index, id);
}
const Event* Catalog::find_event(const EventId& id) const { return find_in(events, event_index, id); }
const Instance* Catalog::find_instance(const InstanceId& id) const {
    return find_in(instances, instance_index, id);
}

const FixedSeries* Catalog::find_series(const ProductId& id) const { return find_in(fixed_series, series_index, id); }
const FlexPass* Catalog::find_pass(const ProductId& id) const { return find_in(flex_passes, pass_index, id); }
const Membership* Catalog::find_membership(const ProductId& id) const {
    return find_in(memberships, membership_index, id);
}
const LockType* Catalog::find_lock_type(const LockTypeId& id) const { return find_in(lock_types, lock_type_index, id); }

std::optional<Money> Catalog::seat_price(const Instance& instance, std::uint32_t seat, const TicketTypeId& type) const {
    const Venue* venue = find_venue(instance.venue);
    const PriceList* list = find_price_list(instance.price_list);
    if (!venue || !list || seat >= venue->plan.seats.size()) return std::nullopt;
    auto amount = list->price(venue->plan.seats[seat].band, type);
    if (!amount) return std::nullopt;
    return Money{*amount, currency};
}

std::optional<TicketTypeId> Catalog::default_ticket_type(const Instance& instance, std::uint32_t seat) const {
    for (const TicketType& type : ticket_types)
        if (seat_price(instance, seat, type.id)) return type.id;
    return std::nullopt;
}

std::vector<const Instance*> Catalog::instances_of(const EventId& event) const {
    std::vector<const Instance*> out;
    for (const Instance& i : instances)
        if (i.event == event) out.push_back(&i);
    return out;
}

void Catalog::reindex() {
    index_ids(price_bands, band_index);
    index_ids(ticket_types, ticket_type_index);
    index_ids(venues, venue_index);
    index_ids(seasons, season_index);
    index_ids(price_lists, price_list_index);
    index_ids(events, event_index);
    index_ids(instances, instance_index);
    index_ids(fixed_series, series_index);
    index_ids(flex_passes, pass_index);
    index_ids(memberships, membership_index);
    index_ids(lock_types, lock_type_index);
    for (Venue& v : venues) v.plan.reindex();
}

}  // namespace encore
