// Tooltip, zoom buttons, hint and status cards drawn over the seat map as small ImGui windows.
#include "ui/map_overlays.hpp"

#include <string>
#include <utility>

#include "encore/money.hpp"
#include "logic/display_format.hpp"
#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/seat_preview.hpp"
#include "logic/series_map.hpp"
#include "ui/map_drawing.hpp"
#include "ui/theme.hpp"

namespace web {

namespace {

void begin_overlay(const char* id, ImVec2 pos, ImVec2 pivot, float padding_css = 14) {
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always, pivot);
    ImGui::SetNextWindowSize(ImVec2(0, 0));  // fit the content every frame (also right after a DPR change)
    ImGui::SetNextWindowBgAlpha(0.97f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(10));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(padding_css), theme::px(padding_css * 0.75f)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::panel_raised);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
}

void end_overlay() {
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace

void draw_seat_tooltip(const AppState& app, const encore::SeatingPlan& plan, std::uint32_t seat) {
    (void)plan;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(12), theme::px(10)));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(theme::px(320));
    draw_seat_facts(app, seat_facts(app, seat, false), seat);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    ImGui::PopStyleVar();
}

void draw_seat_facts(const AppState& app, const SeatFacts& f, std::uint32_t seat) {
    ImVec4 muted = ImGui::ColorConvertU32ToFloat4(theme::text_muted);
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float line = ImGui::GetTextLineHeight();
    ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddCircleFilled(ImVec2(p.x + line * 0.4f, p.y + line * 0.5f), line * 0.32f, seat_band_color(app, seat));
    ImGui::Dummy(ImVec2(line * 0.9f, line));
    ImGui::SameLine();
    ImGui::Text("%s  ·  %s", f.band.c_str(), f.price.c_str());
    for (const std::string& mark : f.marks) ImGui::TextColored(muted, "%s", mark.c_str());
    if (!f.lock.empty()) {
        p = ImGui::GetCursorScreenPos();
        draw_locked_seat_glyph(dl, ImVec2(p.x + line * 0.4f, p.y + line * 0.5f), line * 0.3f, seat_band_color(app, seat),
                               SeatLook::available, f.kept_from_customer);
        ImGui::Dummy(ImVec2(line * 0.9f, line));
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::locked), "%s", f.lock.c_str());
    }
    if (!f.free_at.empty())
        ImGui::TextColored(f.free_at.starts_with("Free at none") ? ImGui::ColorConvertU32ToFloat4(theme::error) : muted, "%s",
                           f.free_at.c_str());
    if (!f.explanation.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(theme::fonts().small);
        ImGui::TextColored(muted, "%s", f.explanation.c_str());
        ImGui::PopFont();
    }
    ImGui::Spacing();
    const bool open = f.state == "Available" || f.state == "Free at every performance";
    ImU32 state_colour = f.selected ? theme::accent : f.can_add ? theme::on_sale : open ? theme::text_muted : theme::error;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state_colour), "%s", (f.state + (f.action.empty() ? "" : ". " + f.action)).c_str());
}

void draw_map_overlays(AppState& app, const Rect& area) {
    float pad = theme::px(14);
    // Zoom controls, bottom right.
    begin_overlay("##zoom", ImVec2(area.x + area.w - pad, area.y + area.h - pad), ImVec2(1, 1), 7);
    ImVec2 button(theme::px(32), theme::px(28));
    double cx = app.view.rect_x + app.view.rect_w / 2, cy = app.view.rect_y + app.view.rect_h / 2;
    if (ImGui::Button("+", button)) zoom_view(app, 1.4, cx, cy), app.view.user_moved = true;
    ImGui::SameLine();
    if (ImGui::Button("\xE2\x88\x92", button)) zoom_view(app, 1 / 1.4, cx, cy), app.view.user_moved = true;
    ImGui::SameLine();
    if (ImGui::Button("Fit", ImVec2(0, button.y))) fit_view(app);
    end_overlay();
    // Messages in the middle: loading, failure (of the performance's seats, or of every performance of a series).
    ImVec2 middle(area.x + area.w / 2, area.y + area.h / 2);
    bool series = series_map_shown(app);
    const GroupSeats& g = app.season.group;
    bool loading = series ? g.state == Load::loading || g.state == Load::wanted
                          : app.availability == Fetch::loading || app.availability == Fetch::wanted;
    bool failed = series ? g.state == Load::error : app.availability == Fetch::error;
    if (loading) {
        begin_overlay("##loading", middle, ImVec2(0.5f, 0.5f));
        ImGui::TextUnformatted(series ? "Loading the seats of every performance…" : "Loading seats…");
        end_overlay();
    } else if (failed) {
        begin_overlay("##avail_error", middle, ImVec2(0.5f, 0.5f));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + theme::px(360));
        ImGui::PushFont(theme::fonts().bold);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::error), "Seats could not be loaded");
        ImGui::PopFont();
        ImGui::TextUnformatted(series ? g.error.c_str() : app.availability_error.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Try again")) {
            if (series) app.season.group.state = Load::wanted;
            else app.availability = Fetch::wanted, app.availability_error.clear();
        }
        end_overlay();
    }
}

}  // namespace web
