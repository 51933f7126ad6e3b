// The renewal campaign's dashboard for staff: subscribers by status, the funnel from Pending to Renewed, and
// the campaign day by day with its key dates marked, drawn as charts with ImGui draw lists.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/services.hpp"

namespace web {

void draw_campaign_dashboard(AppState& app, Services& services, const Rect& area);

}  // namespace web
