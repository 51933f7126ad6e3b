// Strong identifiers: a venue id cannot be passed where a seat id is wanted.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace encore {

inline constexpr std::size_t max_id_length = 100;
// An id is 1 to 100 letters, digits, '-', '_' or '.', so it can stand in a URL path as it is.
bool is_valid_id(std::string_view id);

// An identifier of a kind given by Tag; the text is what appears in JSON and URLs.
template <class Tag>
struct Id {
    std::string value;
    bool operator==(const Id&) const = default;
    bool operator<(const Id& other) const { return value < other.value; }
    bool empty() const { return value.empty(); }
};

using VenueId = Id<struct VenueTag>;
using SectionId = Id<struct SectionTag>;
using SeatId = Id<struct SeatTag>;
using PriceBandId = Id<struct PriceBandTag>;
using TicketTypeId = Id<struct TicketTypeTag>;
using PriceListId = Id<struct PriceListTag>;
using SeasonId = Id<struct SeasonTag>;
using EventId = Id<struct EventTag>;
using InstanceId = Id<struct InstanceTag>;
using ProductId = Id<struct ProductTag>;  // fixed series, flex passes and memberships share one id space
using OfferId = Id<struct OfferTag>;
using FeeId = Id<struct FeeTag>;
using LockTypeId = Id<struct LockTypeTag>;
using PriorityWindowId = Id<struct PriorityWindowTag>;

}  // namespace encore

template <class Tag>
struct std::hash<encore::Id<Tag>> {
    std::size_t operator()(const encore::Id<Tag>& id) const noexcept { return std::hash<std::string>{}(id.value); }
};
