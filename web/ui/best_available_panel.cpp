// The best-available card and the proposal's rings; the proposal itself is the core's (logic/best_available_flow).
#include "ui/best_available_panel.hpp"

#include <string>

#include "logic/best_available_flow.hpp"
#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/series_map.hpp"
#include "ui/season_panel.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void ring_proposal(const AppState& app, const Rect& area) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), true);
    float r = std::max(static_cast<float>(app.view.scale) * 0.42f, theme::px(3)) + theme::px(3);
    for (std::uint32_t seat : app.season.best.proposal)
        if (std::optional<ScreenPoint> p = seat_screen_position(app, seat)) {
            ImVec2 c(static_cast<float>(p->x), static_cast<float>(p->y));
            dl->AddCircleFilled(c, r, theme::with_alpha(theme::on_sale, 0.35f));
            dl->AddCircle(c, r, theme::on_sale, 0, theme::px(2));
        }
    dl->PopClipRect();
}

std::string proposal_words(const AppState& app) {
    const encore::Venue* venue = map_venue(app);
    const auto& seats = app.season.best.proposal;
    if (!venue || seats.empty()) return "";
    const encore::SeatingPlan& plan = venue->plan;
    std::string first = plan.seat_name(seats.front());
    if (seats.size() == 1) return first;
    return first + " to " + plan.seats[seats.back()].number;
}

}  // namespace

void draw_best_available(AppState& app, const Rect& area, LayoutKind kind) {
    if (!map_venue(app) || !map_loaded(app)) return;
    BestAvailableState& best = app.season.best;
    bool series = series_map_shown(app);
    float pad = theme::px(12);
    if (best.open) {
        ImGui::SetNextWindowPos(ImVec2(area.x + pad, area.y + pad), ImGuiCond_Always, ImVec2(0, 0));
    } else {  // just its button: bottom left, off the seats a small map puts near the top (above the hint when shown)
        float hint = area.w >= theme::px(520) ? theme::fonts().small->FontSize + theme::px(22) : 0;
        ImGui::SetNextWindowPos(ImVec2(area.x + pad, area.y + area.h - pad - hint), ImGuiCond_Always, ImVec2(0, 1));
    }
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(theme::px(340), area.w - 2 * pad), area.h - 2 * pad));
    ImGui::SetNextWindowBgAlpha(0.97f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(10));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(12), theme::px(10)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::panel_raised);
    ImGui::Begin("##best", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    if (!best.open) {
        if (ImGui::Button("Best available…")) best.open = true;
        remember_widget("best_open");
    } else {
        ImGui::PushFont(theme::fonts().bold);
        ImGui::TextUnformatted(series ? "Best seats at every performance" : "Best available");
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight()));
        if (ImGui::Button("\xC3\x97##closebest", ImVec2(ImGui::GetFrameHeight(), 0))) best.open = false, dismiss_proposal(app);
        remember_widget("best_close");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Seats");
        ImGui::SameLine();
        if (ImGui::Button("\xE2\x88\x92##fewer", ImVec2(ImGui::GetFrameHeight(), 0)) && best.seats > 1) --best.seats, dismiss_proposal(app);
        remember_widget("best_fewer");
        ImGui::SameLine();
        ImGui::Text("%d", best.seats);
        remember_widget("best_count");
        ImGui::SameLine();
        if (ImGui::Button("+##more", ImVec2(ImGui::GetFrameHeight(), 0)) && best.seats < best_available_limit(app))
            ++best.seats, dismiss_proposal(app);
        remember_widget("best_more");
        ImGui::PushStyleColor(ImGuiCol_FrameBg, col(theme::border));
        if (ImGui::Checkbox("One of them a wheelchair space", &best.wheelchair)) dismiss_proposal(app);
        ImGui::PopStyleColor();
        remember_widget("best_wheelchair");
        if (series && kind == LayoutKind::narrow && ImGui::CollapsingHeader("Performances and band")) series_controls(app, false);
        ImGui::PushStyleColor(ImGuiCol_Button, col(theme::accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(theme::mix(theme::accent, IM_COL32_WHITE, 0.15f)));
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::background));
        if (ImGui::Button("Find the best seats", ImVec2(-1, 0))) propose_best_seats(app);
        remember_widget("best_find");
        ImGui::PopStyleColor(3);
        if (proposal_current(app)) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + theme::px(300));
            ImGui::TextColored(col(theme::on_sale), "%s", proposal_words(app).c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::Button("Accept these seats")) accept_proposal(app);
            remember_widget("best_accept");
            ImGui::SameLine();
            if (ImGui::Button("Pick by hand")) dismiss_proposal(app), best.open = false;
            remember_widget("best_dismiss");
        }
        if (!best.message.empty()) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + theme::px(300));
            ImGui::TextColored(col(best.proposal.empty() ? theme::error : theme::text_muted), "%s", best.message.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (proposal_current(app)) ring_proposal(app, area);
}

}  // namespace web
