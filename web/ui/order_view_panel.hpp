// The order view window: the confirmation right after paying and any order opened again (its link, the
// account): the order in words (logic/order_summary), Print, and Close; a log-in first when needed.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/services.hpp"

namespace web {

void draw_order_view(AppState& app, Services& services, const Rect& area);

}  // namespace web
