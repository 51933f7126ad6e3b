// Placing the order: for a card, POST /api/me/cards first (the number goes only there, the order carries
// the token); then POST /api/orders with the core's basket and expected totals, the hold token, and an
// Idempotency-Key that a retry of the same attempt reuses.
#pragma once
#include <string>

#include "logic/app_state.hpp"
#include "logic/services.hpp"

namespace web {

// Why the basket cannot be paid for right now ("" when it can): empty, seats still being held, not signed in...
std::string checkout_blocker(const AppState& app);
// Starts the payment with app.checkout's method and card fields.
void place_order(AppState& app, Services& services);
// Clears the last result (a new checkout begins).
void reset_checkout_result(AppState& app);

}  // namespace web
