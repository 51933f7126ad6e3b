// The box-office theme: dark or light ImGui colours and metrics, Liberation Sans fonts rasterised at device resolution.
#include "ui/theme.hpp"

#include <cstddef>

#ifndef ENCORE_NO_EMBEDDED_FONT
extern const unsigned char encore_font_regular[];
extern const std::size_t encore_font_regular_size;
extern const unsigned char encore_font_bold[];
extern const std::size_t encore_font_bold_size;
#endif

namespace web::theme {

namespace {
Fonts g_fonts;
float g_dpr = 1;
bool g_light = false;

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

#ifndef ENCORE_NO_EMBEDDED_FONT
// Latin-1 plus the typographic marks the UI uses (– — ‘ ’ “ ” • … € −).
const ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D, 0x2022, 0x2022,
                                0x2026, 0x2026, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};
#endif

ImFont* add_font(bool bold, float size) {
    ImGuiIO& io = ImGui::GetIO();
#ifdef ENCORE_NO_EMBEDDED_FONT
    (void)bold;
    ImFontConfig cfg;
    cfg.SizePixels = size;
    return io.Fonts->AddFontDefault(&cfg);
#else
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // static data
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    const unsigned char* data = bold ? encore_font_bold : encore_font_regular;
    std::size_t n = bold ? encore_font_bold_size : encore_font_regular_size;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(n), size, &cfg,
                                          glyph_ranges);
#endif
}

// The ImGui colours that are not in the palette: popups, controls' hover and press shades, headers.
struct ControlColors {
    ImU32 popup, frame_hovered, frame_active, scroll_grab, scroll_hovered, scroll_active, button, button_hovered,
        button_active, header, header_hovered, header_active;
};
constexpr ControlColors dark_controls{
    IM_COL32(28, 31, 40, 250),   IM_COL32(42, 47, 60, 255),    IM_COL32(50, 56, 72, 255),    IM_COL32(60, 66, 82, 255),
    IM_COL32(78, 86, 104, 255),  IM_COL32(96, 104, 124, 255),  IM_COL32(44, 49, 62, 255),    IM_COL32(58, 64, 80, 255),
    IM_COL32(70, 77, 96, 255),   IM_COL32(240, 182, 76, 46),   IM_COL32(255, 255, 255, 18),  IM_COL32(240, 182, 76, 70)};
// On white: text 15:1, muted text 7:1, faint text 4.6:1 (WCAG AA); controls a shade darker than panels.
constexpr ControlColors light_controls{
    IM_COL32(255, 255, 255, 252), IM_COL32(226, 230, 237, 255), IM_COL32(214, 219, 228, 255), IM_COL32(190, 196, 207, 255),
    IM_COL32(165, 172, 186, 255), IM_COL32(140, 148, 166, 255), IM_COL32(226, 230, 237, 255), IM_COL32(212, 217, 227, 255),
    IM_COL32(198, 204, 216, 255), IM_COL32(168, 98, 0, 40),     IM_COL32(0, 0, 0, 14),        IM_COL32(168, 98, 0, 64)};

void apply_style(float dpr) {
    ImGuiStyle style;
    if (g_light) ImGui::StyleColorsLight(&style);
    else ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(8, 7);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 10;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 6;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.SelectableTextAlign = ImVec2(0, 0.5f);
    const ControlColors& k = g_light ? light_controls : dark_controls;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = v4(text);
    c[ImGuiCol_TextDisabled] = v4(text_faint);
    c[ImGuiCol_WindowBg] = v4(panel);
    c[ImGuiCol_ChildBg] = v4(IM_COL32(0, 0, 0, 0));
    c[ImGuiCol_PopupBg] = v4(k.popup);
    c[ImGuiCol_Border] = v4(border);
    c[ImGuiCol_FrameBg] = v4(panel_raised);
    c[ImGuiCol_FrameBgHovered] = v4(k.frame_hovered);
    c[ImGuiCol_FrameBgActive] = v4(k.frame_active);
    c[ImGuiCol_TitleBg] = v4(panel);
    c[ImGuiCol_TitleBgActive] = v4(panel);
    c[ImGuiCol_ScrollbarBg] = v4(IM_COL32(0, 0, 0, 0));
    c[ImGuiCol_ScrollbarGrab] = v4(k.scroll_grab);
    c[ImGuiCol_ScrollbarGrabHovered] = v4(k.scroll_hovered);
    c[ImGuiCol_ScrollbarGrabActive] = v4(k.scroll_active);
    c[ImGuiCol_Button] = v4(k.button);
    c[ImGuiCol_ButtonHovered] = v4(k.button_hovered);
    c[ImGuiCol_ButtonActive] = v4(k.button_active);
    c[ImGuiCol_Header] = v4(k.header);
    c[ImGuiCol_HeaderHovered] = v4(k.header_hovered);
    c[ImGuiCol_HeaderActive] = v4(k.header_active);
    c[ImGuiCol_Separator] = v4(border);
    c[ImGuiCol_CheckMark] = v4(accent);
    c[ImGuiCol_SliderGrab] = v4(accent);
    c[ImGuiCol_TableBorderLight] = v4(border);
    c[ImGuiCol_TableBorderStrong] = v4(border);
    style.ScaleAllSizes(dpr);
    ImGui::GetStyle() = style;
}

}  // namespace

const Fonts& fonts() { return g_fonts; }

void use_light_palette() {
    g_light = true;
    background = IM_COL32(246, 247, 249, 255);
    panel = IM_COL32(255, 255, 255, 255);
    panel_raised = IM_COL32(238, 240, 244, 255);
    map_background = IM_COL32(236, 239, 244, 255);
    border = IM_COL32(208, 213, 222, 255);
    text = IM_COL32(24, 27, 34, 255);
    text_muted = IM_COL32(78, 85, 100, 255);
    text_faint = IM_COL32(104, 110, 124, 255);
    accent = IM_COL32(168, 98, 0, 255);
    on_sale = IM_COL32(20, 122, 68, 255);
    not_on_sale = IM_COL32(104, 110, 124, 255);
    error = IM_COL32(190, 30, 30, 255);
    seat_unavailable = IM_COL32(203, 208, 217, 255);
    seat_unavailable_mark = IM_COL32(150, 156, 170, 255);
    field_background = IM_COL32(255, 255, 255, 255);
    field_border = IM_COL32(140, 148, 166, 255);
    locked = IM_COL32(118, 66, 196, 255);
    focus_ring = IM_COL32(24, 27, 34, 255);  // white would vanish on the light map
}

float px(float css_pixels) { return css_pixels * g_dpr; }

void apply(float dpr) {
    g_dpr = dpr;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    g_fonts.body = add_font(false, 15.0f * dpr);
    g_fonts.bold = add_font(true, 15.0f * dpr);
    g_fonts.title = add_font(true, 22.0f * dpr);
    g_fonts.small = add_font(false, 12.5f * dpr);
    g_fonts.label = add_font(true, 28.0f * dpr);
    io.Fonts->Build();
    io.FontDefault = g_fonts.body;
    apply_style(dpr);
}

ImU32 color_from_hex(const std::string& hex, ImU32 fallback) {
    if (hex.size() != 7 || hex[0] != '#') return fallback;
    unsigned v = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        char ch = hex[i];
        int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (d < 0) return fallback;
        v = v * 16 + static_cast<unsigned>(d);
    }
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255);
}

ImU32 with_alpha(ImU32 color, float a) {
    unsigned alpha = (color >> IM_COL32_A_SHIFT) & 0xFF;
    alpha = static_cast<unsigned>(static_cast<float>(alpha) * a + 0.5f);
    return (color & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 x = v4(a), y = v4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                                 x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

float luminance(ImU32 color) {
    ImVec4 c = v4(color);
    return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
}

}  // namespace web::theme
