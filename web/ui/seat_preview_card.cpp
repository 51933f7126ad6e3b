// The preview card: facts from logic/seat_preview, drawn like the tooltip, and its buttons.
#include "ui/seat_preview_card.hpp"

#include <algorithm>

#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/seat_preview.hpp"
#include "ui/map_overlays.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

void draw_seat_preview_card(AppState& app, const Layout& layout, float top_edge) {
    std::optional<std::uint32_t> seat = previewed_seat(app);
    if (!seat || !map_loaded(app)) return;
    SeatFacts facts = seat_facts(app, *seat, true);
    const Rect& area = layout.map;
    float w = std::min(theme::px(380), area.w - theme::px(16));
    if (layout.kind == LayoutKind::narrow) {
        // A phone's map is small: the card covers the basket below it instead, so every seat stays tappable.
        const Rect& below = layout.side;
        ImGui::SetNextWindowPos(ImVec2(below.x + below.w / 2, below.y + below.h - theme::px(6)), ImGuiCond_Always, ImVec2(0.5f, 1));
        w = below.w - theme::px(12);
    } else {
        // At the foot of the map, or at its top when the seat is in the lower half (the seat stays tappable).
        std::optional<ScreenPoint> at = seat_screen_position(app, *seat);
        const bool top = at && at->y > area.y + area.h / 2;
        ImGui::SetNextWindowPos(ImVec2(area.x + area.w / 2, top ? top_edge + theme::px(8) : area.y + area.h - theme::px(8)),
                                ImGuiCond_Always, ImVec2(0.5f, top ? 0.f : 1.f));
    }
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(12));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(14), theme::px(12)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::panel_raised);
    ImGui::PushStyleColor(ImGuiCol_Border, col(theme::border));
    ImGui::Begin("##seat_preview", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                                ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(0);
    draw_seat_facts(app, facts, *seat);
    ImGui::PopTextWrapPos();
    remember_widget("seat_preview");
    ImGui::Spacing();
    float close_w = theme::px(90), gap = ImGui::GetStyle().ItemSpacing.x;
    if (facts.can_add || facts.selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, col(facts.selected ? theme::panel : theme::accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(theme::mix(theme::accent, IM_COL32_WHITE, 0.15f)));
        ImGui::PushStyleColor(ImGuiCol_Text, col(facts.selected ? theme::text : theme::background));
        if (ImGui::Button(facts.selected ? "Remove from basket" : "Add to basket", ImVec2(ImGui::GetContentRegionAvail().x - close_w - gap, 0)))
            tap_seat(app, *seat, true);  // the same as a second tap on the seat
        remember_widget("preview_choose");
        ImGui::PopStyleColor(3);
        ImGui::SameLine();
    }
    if (ImGui::Button("Close", ImVec2(facts.can_add || facts.selected ? close_w : -1, 0))) clear_seat_preview(app);
    remember_widget("preview_close");
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
}

}  // namespace web
