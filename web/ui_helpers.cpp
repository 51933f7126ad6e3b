// Shared panel helpers: fixed windows, headings, right-aligned text, sale status wording.
#include "ui_helpers.hpp"

#include <cctype>

#include "theme.hpp"

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

void right_aligned_text(ImFont* font, const char* text, ImU32 color, float right_x, float y) {
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(right_x - size.x, y), color, text);
}

SaleStatus sale_status(const AppState& app, const encore::Instance& inst) {
    if (inst.starts_at <= app.now) return {"Past", theme::text_faint};
    if (on_sale_web(app, inst)) return {"On sale", theme::on_sale};
    return {"Not on sale yet", theme::not_on_sale};
}

std::string not_on_sale_text(const AppState& app, const encore::Instance& inst) {
    std::string text = web_sale_check(app, inst).message;
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

}  // namespace web
