// The look of the box office: the colour palette (dark, or light for venue sites: ?theme=light), ImGui style and
// fonts, all scaled to the devicePixelRatio.
#pragma once
#include <string>

#include "imgui.h"
#include "logic/palette.hpp"

namespace web::theme {

// Palette: logic/palette.hpp (plain RGB, contrast-checked by tests/web) as ImU32 via IM_COL32: the dark one;
// use_light_palette() replaces it before the first frame.
constexpr ImU32 rgb(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }
inline ImU32 background = rgb(palette::background);
inline ImU32 panel = rgb(palette::panel);
inline ImU32 panel_raised = rgb(palette::panel_raised);
inline ImU32 map_background = rgb(palette::map_background);
inline ImU32 border = rgb(palette::border);
inline ImU32 text = rgb(palette::text);
inline ImU32 text_muted = rgb(palette::text_muted);
inline ImU32 text_faint = rgb(palette::text_faint);
inline ImU32 accent = rgb(palette::accent);
inline ImU32 on_sale = rgb(palette::on_sale);
inline ImU32 not_on_sale = rgb(palette::not_on_sale);
inline ImU32 error = rgb(palette::error);
inline ImU32 seat_unavailable = rgb(palette::seat_unavailable);
inline ImU32 seat_unavailable_mark = rgb(palette::seat_unavailable_mark);
inline ImU32 seat_selected = rgb(palette::seat_selected);
inline ImU32 seat_mark = rgb(palette::seat_mark, 235);
inline ImU32 stage_top = rgb(palette::stage_top);
inline ImU32 stage_bottom = rgb(palette::stage_bottom);
inline ImU32 stage_text = rgb(palette::stage_text);
inline ImU32 field_background = rgb(palette::field_background);
inline ImU32 field_border = rgb(palette::field_border);
inline ImU32 locked = rgb(palette::locked);
inline ImU32 focus_ring = rgb(palette::focus_ring);

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
