// What the web client knows: the catalog, the chosen performance and its seat states, the customer's
// basket (held seats), account and checkout, and the seat map's view transform. Plain data and rules-free
// helpers; no drawing, no requests (catalog_client, hold_client, account_client and checkout_client send them).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "encore/availability.hpp"
#include "encore/catalog.hpp"
#include "encore/entitlements.hpp"
#include "encore/money.hpp"
#include "logic/account_state.hpp"
#include "logic/basket_state.hpp"
#include "logic/checkout_state.hpp"
#include "logic/my_renewals.hpp"
#include "logic/page_state.hpp"
#include "logic/season_state.hpp"
#include "logic/seat_grid.hpp"
#include "logic/section_shapes.hpp"
#include "logic/staff_state.hpp"

namespace web {

enum class Phase { loading, ready, error };              // of the catalog
enum class Fetch { none, wanted, loading, ready, error }; // of one instance's availability

// Plan units <-> backing-store pixels: screen = rect origin + offset + plan * scale.
struct ViewTransform {
    double rect_x = 0, rect_y = 0, rect_w = 0, rect_h = 0;  // the map's area on the canvas
    double scale = 1;          // pixels per plan unit
    double offset_x = 0, offset_y = 0;
    double fit_scale = 1;      // scale at which the whole plan fits; zoom = scale / fit_scale
    bool fitted = false;       // false: fit at the next frame
    bool user_moved = false;   // true once panned or zoomed; then a resize keeps the view
    double to_screen_x(double px) const { return rect_x + offset_x + px * scale; }
    double to_screen_y(double py) const { return rect_y + offset_y + py * scale; }
    double to_plan_x(double sx) const { return (sx - rect_x - offset_x) / scale; }
    double to_plan_y(double sy) const { return (sy - rect_y - offset_y) / scale; }
    double zoom() const { return fit_scale > 0 ? scale / fit_scale : 1; }
    bool contains(double sx, double sy) const {
        return sx >= rect_x && sy >= rect_y && sx < rect_x + rect_w && sy < rect_y + rect_h;
    }
};

// One row of seats: a run of consecutive seats (plan order) sharing section and row name.
struct RowRun {
    std::uint32_t first = 0, last = 0;
};

struct AppState {
    Phase phase = Phase::loading;
    std::string error;                      // why the catalog could not be used
    bool catalog_requested = false;
    std::optional<encore::Catalog> catalog;
    encore::TicketTypeId ticket_type;       // prices shown are for this type: the catalog's first
    encore::Instant now;                    // browser clock, refreshed every frame (the core never reads a clock)
    double clock_ms = 0;                    // the browser's monotonic ms at the latest frame (tick.hpp)
    double dpr = 1;                         // device pixels per CSS pixel

    // The chosen performance and what is known about its seats.
    encore::InstanceId instance;
    encore::VenueId venue;                  // venue whose derived data below is current
    Fetch availability = Fetch::none;
    std::string availability_error;
    int availability_serial = 0;            // answers to older requests are dropped
    double availability_loaded_at = 0;      // browser ms, for the ~2 s poll of changes
    bool availability_poll_now = false;     // poll at the next frame (after a seat was found taken)
    bool availability_refresh_in_flight = false;
    bool availability_refresh_full = false; // the last changes could not be applied: fetch the whole map
    std::int64_t availability_version = 0;
    std::vector<encore::SeatState> seats;   // plan order; empty until loaded
    std::string notice;                     // one-line message, e.g. a selected seat was taken

    // Derived from the venue's plan when the venue changes.
    std::vector<RowRun> rows;
    std::vector<int> seat_band;             // index into catalog->price_bands per seat, -1 if unknown
    std::vector<int> bands_in_plan;         // band indices used by the plan, catalog order
    SeatGrid seat_grid;                     // the plan's seats in buckets, for hit-testing and drawing what is in view
    std::vector<SectionShape> section_shapes;  // the plan's sections as outlines, for the zoomed-out map
    mutable SectionCountsCache section_counts; // their free seats, counted again only when the seats change

    // The basket: seats picked at any performance, in the order they were picked, and their hold.
    std::vector<Pick> picks;
    int picks_revision = 0;                 // grows with every change to `picks`
    HoldState hold;
    mutable PricedBasketCache priced;       // basket_pricing.hpp
    AccountState account;
    CheckoutState checkout;

    ViewTransform view;
    std::optional<std::uint32_t> hovered_seat;

    SeasonState season;                     // the season flows: series, passes, memberships, account (season_state.hpp)
    PageState page;                         // fields, links, the remembered basket, the order view... (page_state.hpp)
    StaffState staff;                       // staff mode at the counter (staff_state.hpp)
    MyRenewalsState my_renewals;            // the customer's own renewals in Your account (my_renewals.hpp)
};

// Makes `venue` the plan whose rows and bands are derived (the seat map shows it); nothing if it already is.
void use_plan_of(AppState& app, const encore::Venue& venue);
// Loads catalog JSON text with the core's validator; on problems the phase becomes error with a summary.
void accept_catalog(AppState& app, std::string_view json_text);
// Catalog fetch failed (network or HTTP status).
void catalog_failed(AppState& app, const std::string& why);
// Chooses a performance; its availability will be fetched. False if the id is unknown.
bool choose_instance(AppState& app, const std::string& instance_id);
// The performance to show first: the earliest one on sale on the web that has not started, else the first.
const encore::Instance* default_instance(const AppState& app);
// Applies an availability answer for the chosen instance: the full form {"instance","version","seat_count",
// "seats"} or the changes since our version {"instance","version","since","changes":[{"seat","state"}]}.
// False when a changes answer cannot be applied to our copy (the caller then fetches the full map).
bool accept_availability(AppState& app, std::string_view json_text);
void availability_failed(AppState& app, const std::string& why);

const encore::Instance* current_instance(const AppState& app);
const encore::Event* current_event(const AppState& app);
const encore::Venue* current_venue(const AppState& app);
// The core's on-sale rule for this customer (holdings plus basket) on the web at the app's `now` (message says
// when sale opens for them).
encore::RuleCheck web_sale_check(const AppState& app, const encore::Instance& instance);
// On sale on the web channel at the app's `now`.
bool on_sale_web(const AppState& app, const encore::Instance& instance);
// Seat state of the chosen instance, if loaded.
std::optional<encore::SeatState> seat_state(const AppState& app, std::uint32_t seat);
// The seat's price for app.ticket_type at the chosen instance (core: Catalog::seat_price).
std::optional<encore::Money> seat_price(const AppState& app, std::uint32_t seat);
// A band's price for app.ticket_type in the chosen instance's price list.
std::optional<encore::Money> band_price(const AppState& app, int band_index);
// Selectable now: on sale to this customer, seat selectable for them (core selectable_seats: open, not locked
// from them), priced.
bool can_select(const AppState& app, std::uint32_t seat);
// The core's selectable_seats for the chosen performance and this customer (empty until its seats are loaded).
const std::vector<bool>& selectable_seats_here(const AppState& app);
int available_count(const AppState& app);

// The picked seats (plan indices) of the chosen performance.
std::vector<std::uint32_t> selection(const AppState& app);
bool is_selected(const AppState& app, std::uint32_t seat);
// Selects an available seat (queueing its hold) or deselects a picked one (queueing its release); false if
// nothing changed.
bool toggle_seat(AppState& app, std::uint32_t seat);
// Removes one pick (any performance) and queues its release.
void remove_pick(AppState& app, std::size_t index);
// Empties the basket and queues the release of every seat.
void clear_selection(AppState& app);
// Forgets the basket's seats without telling the server (after an order used the hold, or the hold expired);
// passes and memberships being bought stay.
void forget_basket(AppState& app);
// The standard prices of the chosen performance's picks, before fees and offers (core: Catalog::seat_price).
encore::Money selection_total(const AppState& app);
// A pick's seat name ("Stalls, Row F, Seat 12"), from its venue's plan.
std::string pick_name(const AppState& app, const Pick& pick);

}  // namespace web
