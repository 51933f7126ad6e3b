// Who may have a benefit: criteria composable with all / any / not over what a customer owns and
// what is in their basket, and the benefits they gate (priority booking, seat locks).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "encore/ids.hpp"
#include "encore/time.hpp"

namespace encore {

// A condition on a customer. "holds" and "series_subscriber" are met by what the customer owns or
// by what is in the basket being priced (in-basket eligibility).
struct Criterion {
    enum class Kind : std::uint8_t {
        always = 0,             // everyone
        all = 1,                // every child is met
        any = 2,                // at least one child is met
        not_ = 3,               // the single child is not met
        holds = 4,              // holds product `ref` (a pass, membership or fixed series), owned or in the basket
        membership_active = 5,  // a membership (`ref`, or any when empty) is active on the performance's date
        series_subscriber = 6,  // subscribes to fixed series `ref`, owned or in the basket
        tag = 7,                // the customer carries tag `ref` (e.g. "staff", "donor")
    };
    Kind kind = Kind::always;
    std::string ref;
    std::vector<Criterion> children;
};

// Instances (or products) on sale earlier on a channel for eligible customers.
struct PriorityWindow {
    PriorityWindowId id;
    std::string name;
    Criterion who;
    std::vector<EventId> events;                     // empty = every event, unless it names products only
    std::vector<ProductId> products;                 // series, passes or memberships it opens early
    std::array<std::optional<Instant>, 2> opens_at;  // per Channel; nullopt = no early access there
    // Whether it opens performances of this event early.
    bool covers_event(const EventId& event) const;
};

// A kind of lock on seats ("Members' block", "House seats"), bookable only by eligible customers.
struct LockType {
    LockTypeId id;
    std::string name;
    Criterion who;
};

// Seats of a venue under a lock type, for some events (or all), until an optional release time.
struct SeatLock {
    LockTypeId lock_type;
    VenueId venue;
    std::vector<SeatId> seats;
    std::vector<EventId> events;           // empty = every event in that venue
    std::optional<Instant> released_at;    // from then on the seats are open to everyone
};

}  // namespace encore
