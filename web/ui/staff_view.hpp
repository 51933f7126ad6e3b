// Staff mode's screen, touch-first (every target at least 48 CSS px, one column in portrait, two in landscape):
// the counter (find or create the customer, sell, mark paid, print, hold a series, renew or move seats) and
// the renewal campaign's dashboard.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/services.hpp"

namespace web {

void draw_staff_view(AppState& app, Services& services, const CanvasSize& size);

}  // namespace web
