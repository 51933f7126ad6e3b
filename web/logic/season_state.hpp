// What the web client knows of the season flows: which view is shown (What's on, Season, Your account),
// the fixed series being chosen and its group's seats, the series seats, passes and memberships in the
// basket, passes used on tickets, best available, the account's records, offers' remaining counts and
// the server's clock. Plain data; season_basket, series_map and their clients change it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/availability.hpp"
#include "encore/basket.hpp"
#include "encore/composite.hpp"
#include "encore/entitlements.hpp"
#include "encore/pricing.hpp"
#include "encore/season_view.hpp"
#include "encore/seat_selection.hpp"
#include "logic/account_records.hpp"

namespace web {

enum class MainView : std::uint8_t { events, season, account };

// A fixed-series seat in the basket: one basket line, the same seat at the chosen performances of a group.
struct SeriesPick {
    encore::ProductId series;
    encore::SeriesGroupId group;
    std::vector<encore::InstanceId> instances;  // the performances chosen, in the group's order
    encore::PriceBandId band;                   // chosen first, for a series that asks for it
    encore::VenueId venue;                      // the plan the seat is on
    std::uint32_t seat = 0;                     // plan index there
    encore::SeatId seat_id;
    encore::TicketTypeId ticket_type;           // empty: the series' default
    bool held = false;                          // the server holds it at every one of those performances
};

// A pass or membership bought in this basket; it needs no seat, so no hold.
struct ProductPick {
    encore::LineKind kind = encore::LineKind::pass;
    encore::ProductId product;
    int key = 0;  // stable while the basket changes: what a ticket paid with this pass points at
};

// A ticket of the basket paid for with a pass: one the customer owns (its code) or one bought in the basket.
struct PassUse {
    encore::InstanceId instance;
    encore::SeatId seat;
    std::string code;     // an owned pass ...
    int product_key = 0;  // ... or the ProductPick with this key
};

// The series the season view is choosing seats for.
struct SeriesChoice {
    encore::ProductId series;
    encore::SeriesGroupId group;
    encore::PriceBandId band;                 // for a series that is booked by band first
    std::vector<encore::InstanceId> chosen;   // the group's performances the customer takes, in the group's order
};

enum class Load : std::uint8_t { none, wanted, loading, ready, error };

// The seats of every performance of the chosen group, as last read (GET /api/series/{s}/groups/{g}/availability).
struct GroupSeats {
    encore::ProductId series;
    encore::SeriesGroupId group;
    Load state = Load::none;
    std::string error;
    int serial = 0;                 // answers for another group are dropped
    int revision = 0;               // grows whenever a performance's seats change
    double loaded_at = 0;           // browser ms, for the ~2 s poll of changes
    bool refresh_in_flight = false;
    bool refresh_full = false;      // the changes could not be applied: read every map again
    bool poll_now = false;
    std::vector<encore::Availability> performances;  // the group's, in its order
};

// Best available: how many seats, whether one is a wheelchair space, and what the core proposed.
struct BestAvailableState {
    bool open = false;                     // the panel over the map is shown
    int seats = 2;
    bool wheelchair = false;
    std::vector<std::uint32_t> proposal;   // plan indices offered, not yet accepted
    std::string proposal_for;              // the map it was made on ("instance:ID" or "series:ID/GROUP")
    std::string message;                   // the core's reason when nothing fits, or a note on the proposal
};

// GET /api/offers/remaining: what is left of offers limited in total, priced in as the server will.
struct OfferCounts {
    encore::OfferUsage usage;  // usage_from_remaining of the last answer
    bool known = false;
    bool in_flight = false;
    double fetched_at = -1e12;
    bool refresh_now = false;
};

// The server's clock (GET /api/health "now"): the page's rules run at the server's time.
struct ServerClock {
    std::int64_t offset_seconds = 0;  // server time minus the browser's
    bool known = false;
    bool in_flight = false;
    double fetched_at = -1e12;
};

// A pass the last order issued: its code for the confirmation.
struct IssuedPass {
    std::string code;
    encore::ProductId pass;
    encore::Instant expires_at;
};

struct SeasonState {
    MainView view = MainView::events;
    encore::ProductId shown;                   // the season view's chosen product
    SeriesChoice choice;
    GroupSeats group;
    std::vector<SeriesPick> series_picks;
    std::vector<ProductPick> products;
    int next_product_key = 1;
    std::vector<PassUse> pass_uses;
    std::string pass_message;                  // why a pass or code could not be used, in the core's words
    std::string pass_code;                     // the "Use a pass" code field
    BestAvailableState best;
    AccountRecords records;
    OfferCounts offers;
    ServerClock clock;
    std::vector<IssuedPass> issued;            // by the last order

    // Derived data kept between frames (season_basket.cpp, series_map.cpp).
    struct WhoCache {
        std::optional<encore::Entitlements> who;
        int picks_revision = -1, customer_revision = -1;
        std::int64_t now = -1;
        const encore::Catalog* catalog = nullptr;
    };
    mutable WhoCache who_cache;
    struct SelectableCache {
        std::vector<bool> seats;
        std::string key;
    };
    mutable SelectableCache performance_selectable;
    struct CompositeCache {
        encore::CompositeAvailability composite;
        std::vector<encore::SeatState> states;  // of the composite's first plan, for drawing
        std::vector<bool> selectable;
        encore::SeatLocks locks;                // of the composite's first plan, for this customer
        std::string key;
        std::vector<std::optional<std::int64_t>> band_prices;  // per catalog band, per show
        std::string band_key;
    };
    mutable CompositeCache composite;
    struct ViewCache {
        encore::SeasonView view;
        std::string key;
    };
    mutable ViewCache season_view;
};

}  // namespace web
