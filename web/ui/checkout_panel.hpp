// The checkout window over the map: what is being bought and for how much (the core's total), log in or create
// an account if needed, pay by card or by invoice, or the problem in words; once paid the order view takes over.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/services.hpp"

namespace web {

void draw_checkout_window(AppState& app, Services& services, const Rect& area);

}  // namespace web
