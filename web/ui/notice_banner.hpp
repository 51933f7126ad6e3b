// The notice (a seat was taken, the hold ran out, a locked seat...) as a banner over the top of the map, with a
// close button; it also goes by itself (logic/notices.hpp).
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

// Returns the banner's lower edge (the map's top when there is no notice), for what floats below it.
float draw_notice_banner(AppState& app, const Rect& map_area);

}  // namespace web
