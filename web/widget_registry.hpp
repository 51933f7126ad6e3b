// Where named widgets were drawn in the last frame, so browser tests can click the real buttons and fields
// (e.g. "checkout", "card_number", "pay") instead of bypassing the UI.
#pragma once
#include <optional>

#include "imgui.h"

namespace web {

// Records the last ImGui item's rectangle under `name` for this frame.
void remember_widget(const char* name);
struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;  // backing-store pixels
    bool current = false;              // drawn in the latest frame
};
std::optional<WidgetRect> widget_rect(const char* name);
// Call once per drawn frame, before the panels.
void begin_widget_frame();

}  // namespace web
