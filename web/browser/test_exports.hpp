// The functions browser tests call through Module (encore_frame_count, encore_state_json, encore_season_json, encore_seat_screen_pos,
// encore_select_instance, encore_widget_rect, encore_log_in, encore_place_order), and what the UI tells them:
// how many frames it drew and where it drew named widgets, so tests click the real buttons and fields.
#pragma once

namespace web {

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;  // backing-store pixels
};

// Once per drawn frame, before the panels.
void begin_widget_frame();
// Where the widget called `name` (e.g. "checkout", "card_number", "pay") was drawn in this frame.
void note_widget(const char* name, const WidgetRect& rect);
// After each drawn frame.
void note_frame_drawn();

}  // namespace web
