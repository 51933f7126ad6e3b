// The "What's on" panel: each event with its performances (day, time, web sale status); on narrow screens two
// pickers instead. Choosing a performance asks the AppState to load its seats.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

void draw_events_panel(AppState& app, const Rect& area, LayoutKind kind);

}  // namespace web
