// Shared panel helpers: fixed windows, headings, right-aligned text, sale status colours, widget names.
#include "ui/ui_helpers.hpp"

#include <cctype>
#include <string>

#include "browser/test_exports.hpp"
#include "browser/touch_input.hpp"
#include "logic/display_format.hpp"
#include "ui/theme.hpp"

namespace web {

void begin_panel(const char* id, const Rect& area, ImU32 bg, ImGuiWindowFlags extra) {
    ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
    ImGui::SetNextWindowSize(ImVec2(area.w, area.h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    ImGui::Begin(id, nullptr, panel_flags | extra);
    ImGui::PopStyleColor();
}

void heading(const char* text) {
    ImGui::PushFont(theme::fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
    std::string upper = text;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    ImGui::TextUnformatted(upper.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void wrapped_text(const std::string& text, ImU32 color, ImFont* font) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, col(color));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

void right_aligned_text(ImFont* font, const char* text, ImU32 color, float right_x, float y) {
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(right_x - size.x, y), color, text);
}

SaleStatus sale_status(const AppState& app, const encore::Instance& inst) {
    WebSale sale = web_sale(app, inst);
    ImU32 color = sale == WebSale::past ? theme::text_faint : sale == WebSale::on_sale ? theme::on_sale : theme::not_on_sale;
    return {web_sale_words(sale), color};
}

bool accent_button(const char* label, const char* name, ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_Button, col(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(theme::mix(theme::accent, IM_COL32_WHITE, 0.15f)));
    ImGui::PushStyleColor(ImGuiCol_Text, col(theme::background));
    bool pressed = ImGui::Button(label, size);
    remember_widget(name);
    ImGui::PopStyleColor(3);
    return pressed;
}

void remember_widget(const char* name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    note_widget(name, {a.x, a.y, b.x - a.x, b.y - a.y});
}

void touch_drag_scroll() {
    if (!touch_mode()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDown[0] && io.MouseDelta.y != 0 &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

}  // namespace web
