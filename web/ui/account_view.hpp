// "Your account" in the page's main area: what the signed-in customer has bought, from GET /api/me/...
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/services.hpp"

namespace web {

void draw_account_view(AppState& app, Services& services, const Rect& area);

}  // namespace web
