// What a box office sells besides single tickets: fixed series (the same seat at every performance
// of a group), flexible passes (N tickets to spend across a season) and memberships.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "encore/eligibility.hpp"
#include "encore/ids.hpp"
#include "encore/time.hpp"

namespace encore {

struct Instance;

using SeriesGroupId = Id<struct SeriesGroupTag>;
using PricingSetId = Id<struct PricingSetTag>;

// A rule on a number of events: "4", "3-10", "1,3,5" or a mix "1-3,5".
struct EventCountRule {
    std::vector<std::pair<int, int>> ranges;  // inclusive [low, high] pairs
    std::string text;                          // as written
    bool matches(int events) const;
    int minimum() const;
    int maximum() const;
};
// Parses the written form; nullopt if it is not numbers, ranges and commas with low <= high.
std::optional<EventCountRule> parse_event_count_rule(std::string_view text);

// One column of a pricing set: for baskets booking a number of events that `events` matches, the
// series price list used for each event (or the column's default list). The default column
// ("events": "default") is used when no other column matches.
struct PricingColumn {
    EventCountRule events;
    bool is_default = false;
    PriceListId default_price_list;
    std::vector<std::pair<EventId, PriceListId>> event_price_lists;
    const PriceListId& price_list_for(const EventId& event) const;
};

struct PricingSet {
    PricingSetId id;
    std::string name;
    std::vector<PricingColumn> columns;
    // The first column matching a number of events, else the default column, or nullptr.
    const PricingColumn* column_for(int events) const;
};

// A combination of instances sold together, e.g. "Tuesday evenings".
struct SeriesGroup {
    SeriesGroupId id;
    std::string name;
    std::vector<InstanceId> instances;
    PricingSetId pricing_set;  // each group belongs to exactly one pricing set
};

// The key dates of a renewal campaign into a package (003), set on the package renewed into.
// In order: starts <= auto_renew_starts <= ends <= lapsed_ends <= locks (see docs/renewals.md).
struct RenewalDates {
    Instant starts;             // the renewal window opens for customers and staff
    Instant auto_renew_starts;  // stored cards of auto-renewing subscribers are charged from here
    Instant ends;               // Pending -> Lapsed; customers can no longer renew
    Instant lapsed_ends;        // staff can no longer renew
    Instant locks;              // Lapsed and Declined -> NonRenewed; their seats are released
};

struct FixedSeries {
    ProductId id;
    std::string name;
    std::string description;
    std::vector<EventId> events;               // the events that may be included
    std::vector<SeriesGroup> groups;
    std::vector<PricingSet> pricing_sets;
    EventCountRule events_required;            // how many events a customer must book
    std::vector<TicketTypeId> ticket_types;    // allowed ticket types
    TicketTypeId default_ticket_type;
    int max_seats_per_order = 10;
    bool choose_band_first = false;            // customers pick a price band before a seat
    std::array<bool, 2> active{true, true};    // visible per Channel
    std::array<std::optional<Instant>, 2> on_sale;  // on sale per Channel from; nullopt = not on sale there
    std::optional<Instant> hold_expires_at;    // the "renewal deadline": held subscriptions are released then
    std::string lineage;                       // the same lineage across seasons carries subscribers over
    SeasonId season;                           // the season it belongs to; empty: derived from its events
    bool shell = false;                        // a package without events, only to import subscribers
    std::optional<RenewalDates> renewal;       // the campaign renewing the previous package into this one

    const SeriesGroup* find_group(const SeriesGroupId& id) const;
    const PricingSet* find_pricing_set(const PricingSetId& id) const;
    bool allows_ticket_type(const TicketTypeId& type) const;
};

// How a flexible pass prices one redeemed ticket.
enum class PassDiscountKind : std::uint8_t {
    free = 0,         // the ticket costs nothing
    percent_off = 1,  // value = basis points off the standard price (5000 = 50%)
    fixed_price = 2,  // value = the price paid, in minor units (never more than the standard price)
};

struct PassDiscount {
    PassDiscountKind kind = PassDiscountKind::free;
    std::int64_t value = 0;
};

struct FlexPass {
    ProductId id;
    std::string name;
    std::string description;
    std::int64_t price = 0;                    // minor units
    int allowance = 1;                         // tickets the pass can be redeemed for
    std::vector<EventId> events;               // eligible events (all their instances) ...
    std::vector<InstanceId> instances;         // ... and individual eligible instances
    PassDiscount discount;                     // for eligible tickets ...
    std::vector<std::pair<EventId, PassDiscount>> event_discounts;  // ... unless an event has its own
    std::vector<TicketTypeId> ticket_types;    // ticket types it can be redeemed for; empty = any
    int max_per_instance = 1;                  // tickets per performance
    bool repeat_redemption = false;            // recurring events: more than one date of the same event
    int max_per_event = 0;                     // tickets per event across its dates when repeating; 0 = allowance
    Date window_starts;                        // redemption window: starts this day (UTC) ...
    int window_days = 365;                     // ... and lasts this many days
    std::optional<int> expires_after_days;     // a pass bought expires this long after purchase (membership style)
    ProductId renews_into;                     // auto-renews into this pass (itself or next season's); empty: never
    std::array<std::optional<Instant>, 2> on_sale;  // the pass itself on sale per Channel

    bool covers(const Instance& instance) const;
    PassDiscount discount_for(const EventId& event) const;
    Instant window_opens() const;
    Instant window_closes() const;  // exclusive
    // When a pass bought at `purchased` expires: the window's end, or earlier for membership-style passes.
    Instant expires_at(Instant purchased) const;
};

enum class MembershipValidity : std::uint8_t { fixed_dates = 0, days = 1, months = 2 };

struct Membership {
    ProductId id;
    std::string name;
    std::string description;
    std::int64_t price = 0;
    MembershipValidity validity = MembershipValidity::months;
    Date starts, ends;          // fixed_dates: valid from starts to ends (both included)
    int length = 12;            // days or months from purchase
    ProductId renews_into;      // itself, or next season's membership (the renewal comes later)
    std::array<std::optional<Instant>, 2> on_sale;

    // The period a membership bought at `purchased` is valid: [first, second).
    std::pair<Instant, Instant> valid_period(Instant purchased) const;
};

}  // namespace encore
