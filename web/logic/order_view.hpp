// The order view: one order shown in full (the confirmation after paying, or an order opened again from the
// account or its link #/order/<reference>), read with GET /api/orders/{reference} by its short or long
// reference; and the printable copy of it.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "logic/services.hpp"

namespace web {

struct AppState;

struct OrderViewState {
    enum class Phase { closed, needs_sign_in, loading, shown, failed } phase = Phase::closed;
    std::string reference;       // as asked for (short or long)
    nlohmann::json order;        // the server's order document once shown
    bool just_placed = false;    // the confirmation right after paying
    std::string error;           // why it could not be shown, in words
    int serial = 0;              // answers for an order no longer asked for are dropped
    bool print_wanted = false;   // the customer asked to print it (the browser bridge takes it)
};

// Opens the order with this reference; a signed-out customer is asked to log in first, then it loads.
void open_order(AppState& app, Services& services, const std::string& reference);
// The order just placed, from the server's answer to POST /api/orders.
void show_placed_order(AppState& app, const nlohmann::json& order);
void close_order(AppState& app);
// Once per frame: loads an order that was waiting for the customer to sign in.
void pump_order_view(AppState& app, Services& services);
// The reference to show: the short one, or the long one for orders made before short references.
std::string order_display_reference(const nlohmann::json& order);

}  // namespace web
