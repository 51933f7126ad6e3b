// The look of the box office: the colour palette (dark, or light for venue sites: ?theme=light), ImGui style and
// fonts, all scaled to the devicePixelRatio.
#pragma once
#include <string>

#include "imgui.h"

namespace web::theme {

// Palette (ABGR as ImU32 via IM_COL32): the dark one; use_light_palette() replaces it before the first frame.
inline ImU32 background = IM_COL32(15, 17, 23, 255);
inline ImU32 panel = IM_COL32(23, 26, 34, 255);
inline ImU32 panel_raised = IM_COL32(31, 35, 45, 255);
inline ImU32 map_background = IM_COL32(18, 20, 27, 255);
inline ImU32 border = IM_COL32(44, 49, 61, 255);
inline ImU32 text = IM_COL32(230, 232, 238, 255);
inline ImU32 text_muted = IM_COL32(150, 157, 174, 255);
inline ImU32 text_faint = IM_COL32(105, 112, 128, 255);
inline ImU32 accent = IM_COL32(240, 182, 76, 255);
inline ImU32 on_sale = IM_COL32(72, 196, 132, 255);
inline ImU32 not_on_sale = IM_COL32(138, 143, 156, 255);
inline ImU32 error = IM_COL32(255, 118, 118, 255);
inline ImU32 seat_unavailable = IM_COL32(52, 57, 70, 255);
inline ImU32 seat_unavailable_mark = IM_COL32(88, 94, 110, 255);
inline ImU32 seat_selected = IM_COL32(255, 255, 255, 255);
inline ImU32 seat_mark = IM_COL32(18, 20, 27, 235);
inline ImU32 stage_top = IM_COL32(92, 64, 36, 255);
inline ImU32 stage_bottom = IM_COL32(58, 40, 24, 255);
inline ImU32 stage_text = IM_COL32(246, 222, 170, 255);
inline ImU32 field_background = IM_COL32(14, 16, 22, 255);   // a text field's box ...
inline ImU32 field_border = IM_COL32(96, 104, 124, 255);      // ... and its edge
inline ImU32 locked = IM_COL32(168, 122, 232, 255);           // seats under a seat lock (Friends' block)

// Switches every colour above (and the ImGui style apply() builds) to the light palette; call before apply().
void use_light_palette();

struct Fonts {
    ImFont* body = nullptr;    // 15 px
    ImFont* bold = nullptr;    // 15 px bold
    ImFont* title = nullptr;   // 22 px bold
    ImFont* small = nullptr;   // 12.5 px
    ImFont* label = nullptr;   // bold, rasterised large for map labels drawn at any size
};
const Fonts& fonts();

// Rebuilds fonts (at size × dpr) and the style (sizes × dpr). Call before ImGui::NewFrame; the caller
// re-uploads the font texture.
void apply(float dpr);
// CSS pixels -> backing pixels at the current dpr.
float px(float css_pixels);
// "#rrggbb" -> colour; fallback if malformed.
ImU32 color_from_hex(const std::string& hex, ImU32 fallback);
// Colour with alpha multiplied by a (0..1).
ImU32 with_alpha(ImU32 color, float a);
// Mixes two colours (t = 0 gives a).
ImU32 mix(ImU32 a, ImU32 b, float t);
// Relative luminance 0..1, to pick dark or light text on a colour.
float luminance(ImU32 color);

}  // namespace web::theme
