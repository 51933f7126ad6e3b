// A wrapped line of text and a × in a rounded banner.
#include "ui/notice_banner.hpp"

#include <algorithm>

#include "logic/notices.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

float draw_notice_banner(AppState& app, const Rect& area) {
    if (app.notice.empty()) return area.y;
    float w = std::min(theme::px(560), area.w - theme::px(16));
    ImGui::SetNextWindowPos(ImVec2(area.x + area.w / 2, area.y + theme::px(8)), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(10));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(14), theme::px(10)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, col(theme::mix(theme::panel_raised, theme::accent, 0.12f)));
    ImGui::PushStyleColor(ImGuiCol_Border, col(theme::accent));
    ImGui::Begin("##notice", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    float close = ImGui::GetFrameHeight();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - close - theme::px(8));
    ImGui::TextUnformatted(app.notice.c_str());
    ImGui::PopTextWrapPos();
    remember_widget("notice");
    ImGui::SameLine(ImGui::GetContentRegionMax().x - close);
    ImGui::PushStyleColor(ImGuiCol_Button, col(IM_COL32(0, 0, 0, 0)));
    if (ImGui::Button("\xC3\x97", ImVec2(close, close))) dismiss_notice(app);
    remember_widget("notice_close");
    ImGui::PopStyleColor();
    float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    return bottom;
}

}  // namespace web
