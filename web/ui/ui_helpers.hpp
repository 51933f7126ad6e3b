// Small ImGui helpers shared by the panels: fixed panel windows, headings, right-aligned text, a performance's
// web sale status with its colour, and naming widgets for the browser tests.
#pragma once
#include <string>

#include "imgui.h"
#include "logic/app_state.hpp"
#include "logic/layout.hpp"

namespace web {

inline constexpr ImGuiWindowFlags panel_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                ImGuiWindowFlags_NoSavedSettings |
                                                ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;

inline ImVec4 col(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// A borderless window filling `area` with background `bg`; end it with ImGui::End().
void begin_panel(const char* id, const Rect& area, ImU32 bg, ImGuiWindowFlags extra = 0);
// A small upper-case muted heading ("YOUR SEATS").
void heading(const char* text);
// Wrapped text in a colour (muted by default), in `font` when given.
void wrapped_text(const std::string& text, ImU32 color, ImFont* font = nullptr);
// Text whose right edge is at right_x, drawn at y without moving the layout cursor.
void right_aligned_text(ImFont* font, const char* text, ImU32 color, float right_x, float y);

// "On sale" / "Not on sale yet" / "Past", with its colour.
struct SaleStatus {
    const char* text;
    ImU32 color;
};
SaleStatus sale_status(const AppState& app, const encore::Instance& inst);
// The page's main action button (accent colour), remembered under `name` for the browser tests.
bool accent_button(const char* label, const char* name, ImVec2 size);
// Tells the browser tests where the last ImGui item was drawn, under `name` (browser/test_exports.hpp).
void remember_widget(const char* name);
// Call right after beginning a scrolling window: on a touch screen a finger dragged over it scrolls it (ImGui
// itself scrolls only with a wheel or the scrollbar).
void touch_drag_scroll();

}  // namespace web
