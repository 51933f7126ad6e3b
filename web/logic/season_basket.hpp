// The season lines of the basket (series seats, passes and memberships being bought) and the passes used on
// its tickets; and the customer's entitlements, holdings plus the whole basket, that every decision of the
// page is judged with (what is on sale to them, which seats they may pick). The rules are the core's.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "encore/entitlements.hpp"
#include "encore/pass_redemption.hpp"
#include "logic/app_state.hpp"

namespace web {

// Entitlements(catalog, signed-in customer, current basket, now), kept until one of them changes.
const encore::Entitlements& customer_entitlements(const AppState& app);

// The basket's lines after its ticket picks: series seats, then passes and memberships, in the order added.
void append_season_lines(const AppState& app, encore::Basket& basket);
// The pass a ticket pick is paid with, as its basket line's "redeem".
std::optional<encore::PassRedemption> pass_redemption_for(const AppState& app, const Pick& pick);
// Nothing in the basket at all.
bool basket_empty(const AppState& app);
// Tickets in the basket: one per ticket pick, one per performance of each series seat.
int basket_ticket_count(const AppState& app);
// The basket's contents in words for its total and the checkout: "2 tickets", "Flex 4 Pass", "1 ticket and Friends".
std::string basket_contents_words(const AppState& app);
// Seats (ticket picks or series seats) that need a hold.
bool basket_has_seats(const AppState& app);
// Every seat is held by the server and no hold request is waiting.
bool basket_seats_held(const AppState& app);

// Adds a pass or membership to the basket (false for a product the catalog does not have).
bool add_product(AppState& app, encore::LineKind kind, const encore::ProductId& product);
// Removes it, and the redemptions of a pass bought with it.
void remove_product(AppState& app, std::size_t index);
// The index in app.season.products of a product being bought, if it is.
std::optional<std::size_t> product_in_basket(const AppState& app, const encore::ProductId& product);

// Removes a series seat from the basket and queues its release at every performance.
void remove_series_pick(AppState& app, std::size_t index);
// A series seat's ticket type changed.
void set_series_ticket_type(AppState& app, std::size_t index, const encore::TicketTypeId& type);

// "Use a pass": the customer's passes and the basket's that can pay for at least one of its tickets now.
std::vector<encore::UsablePass> usable_passes_now(const AppState& app);
// The passes the basket's tickets are paid with, what each pays for and has left after this basket.
std::vector<encore::UsablePass> passes_in_use_now(const AppState& app);
// Pays with the pass for the tickets it can pay for, one at a time while the core prices the basket;
// returns how many. When none, app.season.pass_message says why in the core's words.
int use_pass(AppState& app, const encore::PassRedemption& pass);
// The same for a code typed in.
int use_pass_code(AppState& app, const std::string& code);
// The pick is paid normally again.
void stop_using_pass(AppState& app, std::size_t pick_index);
// Forgets a pick's pass (it left the basket).
void drop_pass_use(AppState& app, const Pick& pick);

// Empties the whole basket: releases every seat and drops passes and memberships being bought.
void clear_basket(AppState& app);
// The hold is gone: series seats and pass uses leave the basket (passes and memberships stay).
void forget_season_seats(AppState& app);
// After an order was placed: remembers the pass codes it issued, empties the season lines, and marks the
// account's records and offers' counts for reading again.
void season_order_placed(AppState& app, const nlohmann::json& order);

}  // namespace web
