// Top bar, map header and catalog status card, drawn as fixed ImGui windows.
#include "ui/page_chrome.hpp"

#include <string>

#include "encore/money.hpp"
#include "logic/display_format.hpp"
#include "ui/account_panel.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"
#include "ui/view_tabs.hpp"

namespace web {

void draw_top_bar(AppState& app, Services& services, const Rect& area) {
    begin_panel("##top", area, theme::background);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float pad = theme::px(18);
    ImFont* label = theme::fonts().label;
    float size = theme::px(19);
    float cy = area.y + area.h / 2;
    // Brand: a small curtain-gold mark and the name.
    dl->AddCircleFilled(ImVec2(area.x + pad + theme::px(9), cy), theme::px(9), theme::accent);
    dl->AddCircleFilled(ImVec2(area.x + pad + theme::px(9), cy), theme::px(4.5f), theme::background);
    float x = area.x + pad + theme::px(26);
    float css_w = area.w / static_cast<float>(app.dpr);
    bool compact = css_w < 1100;  // the tabs take the room of the brand's words
    const char* brand = "ENCORE";
    if (css_w >= 760)
        for (const char* s = brand; *s; ++s) {
            dl->AddText(label, size, ImVec2(x, cy - size / 2), theme::text, s, s + 1);
            x += label->CalcTextSizeA(size, FLT_MAX, 0, s, s + 1).x + theme::px(2.5f);
        }
    x += theme::px(12);
    ImFont* body = theme::fonts().body;
    if (!compact) {
        dl->AddText(body, body->FontSize, ImVec2(x, cy - body->FontSize / 2), theme::text_muted, "Box office");
        x += body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, "Box office").x + theme::px(20);
    }
    float tabs_right = app.catalog ? draw_view_tabs(app, x - theme::px(compact ? 10 : 0), cy, compact) : x;
    std::string right;
    ImU32 right_col = theme::text_muted;
    if (app.phase == Phase::loading) right = "Loading the season…";
    else if (app.phase == Phase::error) right = "The season could not be loaded", right_col = theme::error;
    else if (!app.catalog->seasons.empty()) {
        right = app.catalog->seasons.front().name;
        if (app.catalog->seasons.size() > 1) right += " and more";
    }
    float account_left = app.catalog ? draw_account_button(app, services, area.x + area.w - pad, cy, css_w >= 760) : area.x + area.w - pad;
    float right_w = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, right.c_str()).x;
    if (account_left - theme::px(app.catalog ? 24 : 0) - right_w > tabs_right + theme::px(12))  // else the tabs and account win the space
        right_aligned_text(body, right.c_str(), right_col, account_left - theme::px(app.catalog ? 24 : 0), cy - body->FontSize / 2);
    dl->AddLine(ImVec2(area.x, area.y + area.h - 1), ImVec2(area.x + area.w, area.y + area.h - 1), theme::border);
    ImGui::End();
}

void draw_map_header(AppState& app, const Rect& area, LayoutKind kind) {
    begin_panel("##header", area, theme::map_background);
    const encore::Instance* inst = current_instance(app);
    const encore::Event* event = current_event(app);
    const encore::Venue* venue = current_venue(app);
    if (inst && event) {
        ImGui::PushFont(theme::fonts().title);
        ImGui::TextUnformatted(event->name.c_str());
        ImGui::PopFont();
        bool narrow = kind == LayoutKind::narrow;
        std::string sub = inst->local_start() + (venue && !narrow ? "  ·  " + venue->name : "");
        ImGui::TextColored(col(theme::text_muted), "%s", sub.c_str());
        // Right side: availability and status.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float right = area.x + area.w - ImGui::GetStyle().WindowPadding.x;
        float y1 = area.y + ImGui::GetStyle().WindowPadding.y + theme::px(2);
        float y2 = y1 + theme::fonts().title->FontSize;
        std::string line1, line2;
        ImU32 c1 = theme::text, c2 = theme::text_muted;
        if (!on_sale_web(app, *inst)) {
            line1 = inst->starts_at <= app.now ? "This performance has passed" : "Not on sale yet";
            c1 = theme::accent;
            line2 = not_on_sale_text(app, *inst);
        } else if (!app.seats.empty()) {
            line1 = format_count(available_count(app)) + " of " + format_count(static_cast<std::int64_t>(app.seats.size())) +
                    " seats available";
            std::optional<encore::Money> from;
            for (int b : app.bands_in_plan)
                if (std::optional<encore::Money> p = band_price(app, b); p && (!from || p->minor < from->minor)) from = p;
            if (from) line2 = "Tickets from " + encore::format_money(*from);
        }
        if (narrow) {  // one short line on the right, beside the date (the title may need the whole width)
            if (on_sale_web(app, *inst) && !app.seats.empty())
                line1 = format_count(available_count(app)) + " of " + format_count(static_cast<std::int64_t>(app.seats.size())) + " free";
            line2.clear();
            y1 = y2;
        }
        right_aligned_text(theme::fonts().bold, line1.c_str(), c1, right, y1);
        right_aligned_text(theme::fonts().body, line2.c_str(), c2, right, y2);
        (void)dl;
    }
    ImGui::End();
}

void draw_catalog_status(AppState& app, const Rect& area) {
    if (app.phase == Phase::ready) return;
    ImGui::SetNextWindowPos(ImVec2(area.x + area.w / 2, area.y + area.h / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(10));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, col(theme::panel_raised));
    ImGui::Begin("##catalog_status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoNav);
    if (app.phase == Phase::loading) {
        ImGui::TextUnformatted("Loading the season's events…");
    } else {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + theme::px(440));
        ImGui::PushFont(theme::fonts().bold);
        ImGui::TextColored(col(theme::error), "The box office could not load this season");
        ImGui::PopFont();
        ImGui::TextUnformatted(app.error.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Try again")) {
            app.phase = Phase::loading;
            app.error.clear();
            app.catalog_requested = false;
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace web
