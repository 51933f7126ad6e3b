// Tab buttons switching app.season.view; the active one is underlined in the accent colour.
#include "ui/view_tabs.hpp"

#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

float draw_view_tabs(AppState& app, float x, float center_y, bool compact) {
    struct Tab {
        MainView view;
        const char* label;
        const char* short_label;
        const char* name;
    };
    const Tab tabs[] = {{MainView::events, "What's on", "What's on", "tab_events"},
                        {MainView::season, "Season tickets & passes", "Season", "tab_season"},
                        {MainView::account, "Your account", "Account", "tab_account"}};
    ImFont* font = theme::fonts().bold;
    float h = ImGui::GetFrameHeight();
    ImGui::PushStyleColor(ImGuiCol_Button, col(IM_COL32(0, 0, 0, 0)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(theme::panel_raised));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, col(theme::panel_raised));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(theme::px(compact ? 7 : 10), ImGui::GetStyle().FramePadding.y));
    ImGui::PushFont(font);
    for (const Tab& tab : tabs) {
        bool active = app.season.view == tab.view;
        ImGui::SetCursorScreenPos(ImVec2(x, center_y - h / 2));
        ImGui::PushStyleColor(ImGuiCol_Text, col(active ? theme::accent : theme::text_muted));
        if (ImGui::Button(compact ? tab.short_label : tab.label)) app.season.view = tab.view;
        ImGui::PopStyleColor();
        remember_widget(tab.name);
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        if (active)
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + theme::px(6), b.y + theme::px(3)),
                                                      ImVec2(b.x - theme::px(6), b.y + theme::px(5)), theme::accent, theme::px(1));
        x = b.x + theme::px(2);
    }
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
    return x;
}

}  // namespace web
