// The customer's basket as the client keeps it: the picked seats (each with its ticket type and whether the
// server holds it yet), the server hold that keeps them with the hold requests still to be sent, and the
// basket as the core last priced it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/ids.hpp"
#include "encore/pricing.hpp"
#include "encore/time.hpp"

namespace web {

// One seat in the basket: a ticket line of the web basket.
struct Pick {
    encore::InstanceId instance;
    std::uint32_t seat = 0;            // plan index in the instance's venue
    encore::SeatId seat_id;
    encore::TicketTypeId ticket_type;  // the core prices the seat for this type
    bool held = false;                 // the server confirmed it is in our hold
};

// A fixed-series seat: the same seat at these performances of a group, held or released as one.
struct SeriesSeatOp {
    encore::ProductId series;
    encore::SeriesGroupId group;
    std::vector<encore::InstanceId> instances;
    encore::PriceBandId band;
    encore::TicketTypeId ticket_type;
};

// A change to send to the server, in the order the customer made it.
struct HoldOp {
    enum class Kind { add, release } kind = Kind::add;
    encore::InstanceId instance;
    encore::SeatId seat;
    std::optional<SeriesSeatOp> series;  // set: a series seat (instance is empty)
};

// The server hold behind the basket. An empty token means none yet (the next add creates one).
struct HoldState {
    std::string token;
    encore::Instant expires_at, max_expires_at;
    std::int64_t span_seconds = 0;     // how long a fresh hold lasts (expires_at - when it was made)
    std::vector<HoldOp> queue;         // waiting to be sent, oldest first
    bool in_flight = false;            // one hold request at a time, so every add joins the same token
    bool extending = false;
    double last_extend_ms = -1e12;     // browser ms of the last extend request
    double last_activity_ms = 0;       // browser ms of the customer's last input
};

// The last price_basket result and what it was computed from (basket_pricing.cpp).
struct PricedBasketCache {
    encore::PricedBasket basket;
    int picks_revision = -1, customer_revision = -1;
    std::int64_t minute = -1;
    const encore::Catalog* catalog = nullptr;
};

}  // namespace web
