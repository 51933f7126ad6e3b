// The catalog: venues and their seating plans, events, performances (instances), price bands,
// ticket types, price lists and seasons. Plain data plus look-ups; loading lives in catalog_json.hpp.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "encore/eligibility.hpp"
#include "encore/ids.hpp"
#include "encore/money.hpp"
#include "encore/offers.hpp"
#include "encore/products.hpp"
#include "encore/time.hpp"

namespace encore {

// Where a sale happens. Each instance has an on-sale time per channel.
enum class Channel : std::uint8_t { web = 0, box_office = 1 };
inline constexpr std::array<Channel, 2> all_channels{Channel::web, Channel::box_office};
// "web" / "box_office".
const char* channel_name(Channel c);
// Channel by name; false if unknown.
bool channel_from_name(std::string_view name, Channel& out);

// Seat attributes, combined as bit flags in Seat::attributes.
enum SeatAttribute : std::uint8_t {
    seat_wheelchair = 1 << 0,       // a wheelchair space
    seat_companion = 1 << 1,        // a companion seat beside a wheelchair space
    seat_restricted_view = 1 << 2,  // part of the stage is hidden
    seat_aisle = 1 << 3,            // on an aisle
};
// JSON names of the attributes, in bit order: "wheelchair", "companion", "restricted_view", "aisle".
inline constexpr std::array<const char*, 4> seat_attribute_names{"wheelchair", "companion", "restricted_view", "aisle"};

struct PriceBand {
    PriceBandId id;
    std::string name;   // "Band A"
    std::string color;  // "#c0392b", used by the seat map and legend
};

struct TicketType {
    TicketTypeId id;
    std::string name;  // "Adult", "Child", "Concession"
};

// A point or size in plan units (1 unit is roughly one seat's width).
struct PlanPoint {
    double x = 0;
    double y = 0;
};

struct PlanRect {
    double x = 0, y = 0, width = 0, height = 0;
};

struct Section {
    SectionId id;
    std::string name;  // "Stalls", "Dress Circle", "Box A"
    int level = 0;     // 0 = ground floor, 1 = first circle ...
    PlanPoint label_at;  // where the map writes the section's name
};

// One seat of a plan. Seats are stored flat; their order is the plan order used by availability.
struct Seat {
    SeatId id;                 // unique within the plan, e.g. "ST-C-12"
    std::uint32_t section = 0; // index into SeatingPlan::sections
    std::string row;           // "C"
    std::string number;        // "12"
    PlanPoint at;              // centre of the seat in plan units
    PriceBandId band;
    std::uint8_t attributes = 0;  // SeatAttribute flags
    bool has(SeatAttribute a) const { return (attributes & a) != 0; }
};

struct SeatingPlan {
    double width = 0, height = 0;  // extent of the drawing in plan units
    PlanRect stage;                // where the stage is drawn
    std::vector<Section> sections;
    std::vector<Seat> seats;       // plan order
    // Index of a seat by id, or nullopt.
    std::optional<std::uint32_t> seat_index(const SeatId& id) const;
    // "Stalls, Row C, Seat 12".
    std::string seat_name(std::uint32_t seat) const;

    std::unordered_map<SeatId, std::uint32_t> seat_by_id;  // filled by reindex()
    void reindex();
};

struct Venue {
    VenueId id;
    std::string name;
    SeatingPlan plan;
};

// A season: a date range the events of a year belong to (both days included), in the venue's local
// time: it opens at local midnight starting `starts` and closes at local midnight ending `ends`.
struct Season {
    SeasonId id;
    std::string name;
    Date starts;
    Date ends;
    int utc_offset_minutes = 0;  // the local offset its days are counted in ("utc_offset", default +00:00)
};

enum class PriceListKind : std::uint8_t { standard = 0, series = 1 };

struct Price {
    PriceBandId band;
    TicketTypeId ticket_type;
    std::int64_t amount = 0;  // minor units of the catalog currency
};

// Prices per band x ticket type. A missing pair means that ticket type is not sold in that band.
struct PriceList {
    PriceListId id;
    std::string name;
    PriceListKind kind = PriceListKind::standard;
    std::vector<Price> prices;
    // The price of a band and ticket type, or nullopt if not sold.
    std::optional<std::int64_t> price(const PriceBandId& band, const TicketTypeId& type) const;
};

struct Event {
    EventId id;
    std::string name;
    std::string description;
    SeasonId season;
    VenueId venue;
    PriceListId price_list;  // the standard price list of its instances
};

// One performance of an event.
struct Instance {
    InstanceId id;
    EventId event;
    Instant starts_at;
    int utc_offset_minutes = 0;  // the venue's local offset at that time, as the catalog wrote it
    VenueId venue;            // whose seating plan is sold; defaults to the event's venue
    PriceListId price_list;   // defaults to the event's price list
    std::array<std::optional<Instant>, 2> on_sale;  // per Channel; nullopt = not sold on that channel
    // "Tue 12 Jan 2027, 19:30" in the venue's local time.
    std::string local_start() const;
    // When it goes on sale on a channel, or nullopt if never.
    std::optional<Instant> on_sale_at(Channel c) const { return on_sale[static_cast<int>(c)]; }
};

struct Catalog {
    Currency currency;
    std::vector<PriceBand> price_bands;
    std::vector<TicketType> ticket_types;
    std::vector<Venue> venues;
    std::vector<Season> seasons;
    std::vector<PriceList> price_lists;
    std::vector<Event> events;
    std::vector<Instance> instances;  // sorted by start time, then id
    std::vector<FixedSeries> fixed_series;
    std::vector<FlexPass> flex_passes;
    std::vector<Membership> memberships;
    std::vector<LockType> lock_types;
    std::vector<SeatLock> seat_locks;
    std::vector<PriorityWindow> priority_windows;
    std::vector<Offer> offers;
    std::vector<Fee> fees;

    // Look-ups by id; nullptr if absent.
    const PriceBand* find_band(const PriceBandId& id) const;
    const TicketType* find_ticket_type(const TicketTypeId& id) const;
    const Venue* find_venue(const VenueId& id) const;
    const Season* find_season(const SeasonId& id) const;
    const PriceList* find_price_list(const PriceListId& id) const;
    const Event* find_event(const EventId& id) const;
    const Instance* find_instance(const InstanceId& id) const;
    const FixedSeries* find_series(const ProductId& id) const;
    const FlexPass* find_pass(const ProductId& id) const;
    const Membership* find_membership(const ProductId& id) const;
    const LockType* find_lock_type(const LockTypeId& id) const;

    // The standard price of one seat of an instance for a ticket type, or nullopt if not sold.
    std::optional<Money> seat_price(const Instance& instance, std::uint32_t seat, const TicketTypeId& type) const;
    // The ticket type a seat is sold as when the buyer names none: the first of the catalog's ticket
    // types that the instance's price list sells in the seat's band; nullopt if none is sold there.
    std::optional<TicketTypeId> default_ticket_type(const Instance& instance, std::uint32_t seat) const;
    // Instances of an event in start order.
    std::vector<const Instance*> instances_of(const EventId& event) const;

    // Rebuilds the id indexes; call after changing the vectors by hand.
    void reindex();

    std::unordered_map<std::string, std::size_t> band_index, ticket_type_index, venue_index, season_index,
        price_list_index, event_index, instance_index, series_index, pass_index, membership_index, lock_type_index;
};

}  // namespace encore
