// Event rows with their performances, or the two pickers of narrow screens.
#include "ui/events_panel.hpp"

#include <string>
#include <vector>

#include "logic/display_format.hpp"
#include "logic/event_filter.hpp"
#include "logic/links.hpp"
#include "ui/text_field.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void performance_row(AppState& app, const encore::Instance& inst, bool scroll_to_chosen) {
    ImGui::PushID(inst.id.value.c_str());
    bool chosen = inst.id == app.instance;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float line = theme::fonts().body->FontSize;
    float height = line * 2 + theme::px(16);
    if (ImGui::Selectable("##perf", chosen, 0, ImVec2(width, height))) show_performance(app, inst.id.value);
    remember_widget(("perf_" + inst.id.value).c_str());
    if (chosen && scroll_to_chosen && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.25f);
    SaleStatus status = sale_status(app, inst);
    if (ImGui::IsItemHovered() && !on_sale_web(app, inst)) ImGui::SetTooltip("%s", not_on_sale_text(app, inst).c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = pos.x + theme::px(12), y = pos.y + theme::px(7);
    if (chosen) dl->AddRectFilled(pos, ImVec2(pos.x + theme::px(3), pos.y + height), theme::accent, theme::px(2));
    std::string day = performance_day(inst);
    dl->AddText(theme::fonts().bold, line, ImVec2(x, y), chosen ? theme::accent : theme::text, day.c_str());
    right_aligned_text(theme::fonts().bold, performance_clock(inst).c_str(), theme::text,
                       pos.x + width - theme::px(10), y);
    float y2 = y + line + theme::px(3);
    float small = theme::fonts().small->FontSize;
    dl->AddCircleFilled(ImVec2(x + small * 0.3f, y2 + small * 0.55f), small * 0.26f, status.color);
    dl->AddText(theme::fonts().small, small, ImVec2(x + small * 0.9f, y2), status.color, status.text);
    ImGui::PopID();
}

void events_list(AppState& app) {
    const encore::Catalog& c = *app.catalog;
    const encore::Event* chosen_event = current_event(app);
    static std::string opened_for;  // open the chosen performance's event once each time it changes
    bool open_chosen = chosen_event && opened_for != app.instance.value;
    if (open_chosen) opened_for = app.instance.value;
    const EventFilter& filter = app.page.filter;
    const bool filtering = filter_active(filter);
    for (const encore::Event& e : c.events) {
        std::vector<const encore::Instance*> perfs = matching_performances(c, e, filter);
        if (perfs.empty()) continue;
        if (filtering) ImGui::SetNextItemOpen(true, ImGuiCond_Always);  // a search shows what it found
        if (open_chosen && chosen_event == &e) ImGui::SetNextItemOpen(true);
        ImGui::PushID(e.id.value.c_str());
        ImGui::PushFont(theme::fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Header, col(theme::panel_raised));
        bool open = ImGui::CollapsingHeader(e.name.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        if (!open) {
            ImGui::PushFont(theme::fonts().small);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + theme::px(26));
            int on_sale = 0;
            for (const encore::Instance* i : perfs) on_sale += on_sale_web(app, *i) && i->starts_at > app.now;
            ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_faint));
            if (!perfs.empty())
                ImGui::TextWrapped("%d performance%s · %s – %s · %d on sale",
                                   static_cast<int>(perfs.size()), perfs.size() == 1 ? "" : "s",
                                   performance_day_short(*perfs.front()).c_str(),
                                   performance_day_short(*perfs.back()).c_str(), on_sale);
            ImGui::PopStyleColor();
            ImGui::PopFont();
        } else {
            if (!e.description.empty()) {
                ImGui::PushFont(theme::fonts().small);
                ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
                ImGui::TextWrapped("%s", e.description.c_str());
                ImGui::PopStyleColor();
                ImGui::PopFont();
            }
            for (const encore::Instance* i : perfs) performance_row(app, *i, open_chosen);
            ImGui::Spacing();
        }
        ImGui::PopID();
    }
}

void events_pickers(AppState& app) {
    const encore::Catalog& c = *app.catalog;
    const encore::Event* chosen_event = current_event(app);
    const encore::Instance* chosen = current_instance(app);
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(w);
    const EventFilter& filter = app.page.filter;
    bool events_open = ImGui::BeginCombo("##event", chosen_event ? chosen_event->name.c_str() : "Choose an event");
    remember_widget("event_picker");
    if (events_open) {
        for (const encore::Event* found : matching_events(c, filter)) {
            const encore::Event& e = *found;
            bool picked = ImGui::Selectable(e.name.c_str(), chosen_event == &e);
            remember_widget(("event_" + e.id.value).c_str());
            if (picked) {
                std::vector<const encore::Instance*> perfs = matching_performances(c, e, filter);
                const encore::Instance* pick = perfs.empty() ? nullptr : perfs.front();
                for (const encore::Instance* i : perfs)
                    if (on_sale_web(app, *i) && i->starts_at > app.now) {
                        pick = i;
                        break;
                    }
                if (pick) show_performance(app, pick->id.value);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(w);
    std::string label = chosen ? chosen->local_start() + "  ·  " + sale_status(app, *chosen).text : "";
    if (ImGui::BeginCombo("##performance", label.c_str()) && chosen_event) {
        for (const encore::Instance* i : c.instances_of(chosen_event->id)) {
            if (!performance_in_dates(*i, filter) && i != chosen) continue;
            std::string text = i->local_start() + "  ·  " + sale_status(app, *i).text;
            if (ImGui::Selectable((text + "##" + i->id.value).c_str(), i == chosen)) show_performance(app, i->id.value);
        }
        ImGui::EndCombo();
    }
}

// Search words and a date range (real inputs: a phone's keyboard and date picker), and what they found.
void filter_fields(AppState& app, bool narrow) {
    EventFilter& f = app.page.filter;
    float gap = ImGui::GetStyle().ItemSpacing.x;
    if (narrow) {  // one row: the search, and the first day
        float w = ImGui::GetContentRegionAvail().x;
        text_field(app, "search", "events", "##Search", FieldKind::search, f.text, w * 0.58f - gap / 2);
        ImGui::SameLine();
        text_field(app, "date_from", "events", "##From", FieldKind::date, f.from, w * 0.42f - gap / 2);
        return;
    }
    text_field(app, "search", "events", "##Search", FieldKind::search, f.text);
    float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
    ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    text_field(app, "date_from", "events", "From", FieldKind::date, f.from, half);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(row.x + half + gap, row.y));
    ImGui::BeginGroup();
    text_field(app, "date_to", "events", "To", FieldKind::date, f.to, half);
    ImGui::EndGroup();
    std::string found = filter_summary(*app.catalog, f);
    if (!found.empty()) {
        ImGui::PushFont(theme::fonts().small);
        ImGui::TextColored(col(theme::text_muted), "%s", found.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear")) f = EventFilter{};
        remember_widget("filter_clear");
        ImGui::PopFont();
    }
    take_submitted(app.page.fields, "events");  // Enter in the search: it already filters as you type
}

}  // namespace

void draw_events_panel(AppState& app, const Rect& area, LayoutKind kind) {
    begin_panel("##events", area, theme::panel);
    if (app.catalog) {
        if (kind == LayoutKind::narrow) {
            filter_fields(app, true);
            events_pickers(app);
        } else {
            heading("What's on");
            ImGui::Spacing();
            filter_fields(app, false);
            ImGui::Spacing();
            ImGui::BeginChild("##eventlist", ImVec2(0, 0), false);
            touch_drag_scroll();
            if (matching_events(*app.catalog, app.page.filter).empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
                ImGui::TextWrapped("No performances match. Try other words or dates, or clear the search.");
                ImGui::PopStyleColor();
            }
            events_list(app);
            ImGui::EndChild();
        }
    } else if (app.phase == Phase::loading) {
        ImGui::TextColored(col(theme::text_muted), "Loading…");
    }
    ImGui::End();
}

}  // namespace web
