// The season view's list of series, passes and memberships (with the chosen series' group, band and
// performances), its pickers on narrow screens, the header over the composite map and a pass's or
// membership's details.
#include "ui/season_panel.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "encore/money.hpp"
#include "logic/display_format.hpp"
#include "logic/season_basket.hpp"
#include "logic/season_display.hpp"
#include "logic/series_map.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

ImU32 sale_color(const encore::SaleStatus& sale) {
    if (sale.may_buy) return theme::on_sale;
    return sale.state == encore::SaleState::priority || sale.state == encore::SaleState::not_yet ? theme::accent : theme::not_on_sale;
}

void small_wrapped(const std::string& text, ImU32 color = theme::text_muted) { wrapped_text(text, color, theme::fonts().small); }

void sale_line(const encore::SaleStatus& sale) {
    ImU32 color = sale_color(sale);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float small = theme::fonts().small->FontSize;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + small * 0.3f, p.y + small * 0.55f), small * 0.26f, color);
    ImGui::SetCursorScreenPos(ImVec2(p.x + small * 0.9f, p.y));
    small_wrapped(sale.text, color);
}

void benefits_list(const std::vector<encore::Benefit>& benefits, const char* lead) {
    if (benefits.empty()) return;
    small_wrapped(lead, theme::text);
    for (const encore::Benefit& b : benefits) small_wrapped("·  " + b.text);
}

// One product of the list: a selectable card with its name, a line of figures and its sale status.
void product_card(AppState& app, const encore::ProductId& id, const std::string& name, const std::string& figures,
                  const encore::SaleStatus& sale) {
    bool shown = app.season.shown == id;
    ImGui::PushID(id.value.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float line = theme::fonts().body->FontSize, small = theme::fonts().small->FontSize;
    float height = line + small * 2 + theme::px(22);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), shown ? theme::panel_raised : theme::panel, theme::px(8));
    if (shown) dl->AddRectFilled(pos, ImVec2(pos.x + theme::px(3), pos.y + height), theme::accent, theme::px(2));
    if (ImGui::InvisibleButton("##card", ImVec2(width, height))) show_product(app, id);
    remember_widget(("product_" + id.value).c_str());
    float x = pos.x + theme::px(12), y = pos.y + theme::px(7);
    dl->PushClipRect(pos, ImVec2(pos.x + width - theme::px(6), pos.y + height), true);
    dl->AddText(theme::fonts().bold, line, ImVec2(x, y), shown ? theme::accent : theme::text, name.c_str());
    dl->AddText(theme::fonts().small, small, ImVec2(x, y + line + theme::px(3)), theme::text_muted, figures.c_str());
    ImU32 color = sale_color(sale);
    float y3 = y + line + small + theme::px(7);
    dl->AddCircleFilled(ImVec2(x + small * 0.3f, y3 + small * 0.55f), small * 0.26f, color);
    dl->AddText(theme::fonts().small, small, ImVec2(x + small * 0.9f, y3), color, sale.text.c_str());
    dl->PopClipRect();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height + theme::px(4)));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopID();
}

const encore::SeriesView* series_view_of(const AppState& app, const encore::ProductId& id) {
    for (const encore::SeriesView& v : season_view_now(app).series)
        if (v.id == id) return &v;
    return nullptr;
}

void group_choice(AppState& app, const encore::SeriesView& view) {
    heading("Your day");
    for (const encore::SeriesGroupView& g : view.groups) {
        ImGui::PushID(g.id.value.c_str());
        bool chosen = app.season.choice.group == g.id;
        if (ImGui::RadioButton(g.name.c_str(), chosen)) choose_group(app, g.id);
        remember_widget(("group_" + g.id.value).c_str());
        ImGui::Indent(theme::px(26));
        for (const std::string& column : g.columns) small_wrapped(column);
        if (g.sold_out) small_wrapped("Sold out", theme::error);
        ImGui::Unindent(theme::px(26));
        ImGui::PopID();
    }
}

}  // namespace

void series_controls(AppState& app, bool with_groups) {
    const encore::FixedSeries* series = chosen_series(app);
    const encore::SeriesView* view = series ? series_view_of(app, series->id) : nullptr;
    if (!series || !view) return;
    if (with_groups) group_choice(app, *view);
    const encore::SeriesGroup* group = chosen_group(app);
    if (!group) return;
    if (series->choose_band_first) {
        ImGui::Spacing();
        heading("Price band");
        small_wrapped("Choose a band first: every seat of the map is then in it at each performance.");
        for (int b : app.bands_in_plan) {
            const encore::PriceBand& band = app.catalog->price_bands[static_cast<std::size_t>(b)];
            std::optional<std::int64_t> price = series_band_price(app, b);
            std::string label = band.name + (price ? "  ·  " + encore::format_money({*price, app.catalog->currency}) + " a show" : "");
            if (ImGui::RadioButton((label + "##band" + band.id.value).c_str(), app.season.choice.band == band.id))
                choose_band(app, band.id);
            remember_widget(("band_" + band.id.value).c_str());
        }
    }
    if (can_choose_performances(app)) {
        ImGui::Spacing();
        heading(("Performances · " + view->events_text).c_str());
        ImGui::PushStyleColor(ImGuiCol_FrameBg, col(theme::border));
        for (const encore::InstanceId& id : group->instances) {
            bool on = performance_chosen(app, id);
            if (ImGui::Checkbox(("##perf" + id.value).c_str(), &on)) toggle_performance(app, id);
            remember_widget(("perf_" + id.value).c_str());
            const encore::Instance* instance = app.catalog->find_instance(id);
            const encore::Event* event = instance ? app.catalog->find_event(instance->event) : nullptr;
            ImGui::SameLine();
            ImGui::BeginGroup();
            ImGui::TextUnformatted(event ? event->name.c_str() : id.value.c_str());
            if (instance) small_wrapped(performance_day(*instance) + ", " + performance_clock(*instance));
            ImGui::EndGroup();
        }
        ImGui::PopStyleColor();
    } else {
        ImGui::Spacing();
        heading("Performances");
        for (const encore::InstanceId& id : group->instances) small_wrapped(performance_name(app, id), theme::text);
    }
}

void draw_season_panel(AppState& app, const Rect& area, LayoutKind kind) {
    begin_panel("##season", area, theme::panel);
    if (!app.catalog) {
        ImGui::End();
        return;
    }
    const encore::SeasonView& season = season_view_now(app);
    if (kind == LayoutKind::narrow) {  // two pickers: the product, then a series' day
        float w = ImGui::GetContentRegionAvail().x;
        std::string shown_name = "Choose a series, pass or membership";
        for (const auto& s : season.series) if (s.id == app.season.shown) shown_name = s.name;
        for (const auto& p : season.passes) if (p.id == app.season.shown) shown_name = p.name;
        for (const auto& m : season.memberships) if (m.id == app.season.shown) shown_name = m.name;
        ImGui::SetNextItemWidth(w);
        if (ImGui::BeginCombo("##product", shown_name.c_str())) {
            auto item = [&](const encore::ProductId& id, const std::string& label) {
                if (ImGui::Selectable((label + "##" + id.value).c_str(), id == app.season.shown)) show_product(app, id);
                remember_widget(("product_item_" + id.value).c_str());
            };
            for (const auto& s : season.series) item(s.id, s.name + " · " + s.from_text);
            for (const auto& p : season.passes) item(p.id, p.name + " · " + p.price_text);
            for (const auto& m : season.memberships) item(m.id, m.name + " · " + m.price_text);
            ImGui::EndCombo();
        }
        remember_widget("product_combo");
        if (const encore::SeriesView* view = chosen_series(app) && app.season.shown == app.season.choice.series
                                                 ? series_view_of(app, app.season.choice.series)
                                                 : nullptr) {
            const encore::SeriesGroup* group = chosen_group(app);
            ImGui::SetNextItemWidth(w);
            if (ImGui::BeginCombo("##group", group ? group->name.c_str() : "Choose your day")) {
                for (const encore::SeriesGroupView& g : view->groups) {
                    if (ImGui::Selectable((g.name + "##" + g.id.value).c_str(), group && g.id == group->id)) choose_group(app, g.id);
                    remember_widget(("group_item_" + g.id.value).c_str());
                }
                ImGui::EndCombo();
            }
            remember_widget("group_combo");
        }
        ImGui::End();
        return;
    }
    heading("Season tickets");
    ImGui::Spacing();
    ImGui::BeginChild("##seasonlist", ImVec2(0, 0), false);
    for (const encore::SeriesView& s : season.series) {
        product_card(app, s.id, s.name, s.from_text + (s.events_text.empty() ? "" : " · " + s.events_text), s.sale);
        if (app.season.shown == s.id) {
            ImGui::Indent(theme::px(10));
            small_wrapped(s.description);
            ImGui::Spacing();
            series_controls(app, true);
            ImGui::Spacing();
            benefits_list(s.benefits, "Subscribers also get:");
            ImGui::Unindent(theme::px(10));
            ImGui::Spacing();
        }
    }
    if (!season.passes.empty()) {
        ImGui::Spacing();
        heading("Flexible passes");
        ImGui::Spacing();
        for (const encore::PassView& p : season.passes)
            product_card(app, p.id, p.name, p.price_text + " · " + p.allowance_text, p.sale);
    }
    if (!season.memberships.empty()) {
        ImGui::Spacing();
        heading("Memberships");
        ImGui::Spacing();
        for (const encore::MembershipView& m : season.memberships)
            product_card(app, m.id, m.name, m.price_text + " · " + m.validity_text, m.sale);
    }
    ImGui::EndChild();
    ImGui::End();
}

void draw_series_header(AppState& app, const Rect& area, LayoutKind kind) {
    begin_panel("##seriesheader", area, theme::map_background);
    const encore::FixedSeries* series = chosen_series(app);
    const encore::SeriesGroup* group = chosen_group(app);
    if (series && group) {
        ImGui::PushFont(theme::fonts().title);
        ImGui::TextUnformatted(series->name.c_str());
        ImGui::PopFont();
        std::size_t n = app.season.choice.chosen.size();
        std::string sub = group->name + "  ·  the same seat at " + std::to_string(n) + (n == 1 ? " performance" : " performances");
        ImGui::TextColored(col(theme::text_muted), "%s", sub.c_str());
        float right = area.x + area.w - ImGui::GetStyle().WindowPadding.x;
        float y1 = area.y + ImGui::GetStyle().WindowPadding.y + theme::px(2);
        float y2 = y1 + theme::fonts().title->FontSize;
        const SeasonState::CompositeCache& composite = series_composite(app);
        std::string line1, line2;
        ImU32 c2 = theme::text_muted;
        if (series->choose_band_first && app.season.choice.band.empty()) {
            line1 = "Choose a price band first";
        } else if (!composite.states.empty()) {
            long free = std::count(composite.selectable.begin(), composite.selectable.end(), true);
            line1 = std::to_string(free) + " seats free at every performance";
        }
        if (const encore::SeriesView* view = series_view_of(app, series->id)) {
            line2 = view->from_text;
            if (!view->sale.may_buy) line2 = view->sale.text, c2 = theme::accent;
        }
        if (!app.notice.empty()) line2 = app.notice, c2 = theme::accent;
        if (kind == LayoutKind::narrow) line1 = line2, line2.clear();
        right_aligned_text(theme::fonts().bold, line1.c_str(), theme::text, right, y1);
        right_aligned_text(theme::fonts().body, line2.c_str(), c2, right, y2);
    }
    ImGui::End();
}

void draw_product_details(AppState& app, const Rect& area) {
    begin_panel("##product", area, theme::map_background);
    const encore::SeasonView& season = season_view_now(app);
    const encore::PassView* pass = nullptr;
    const encore::MembershipView* membership = nullptr;
    for (const auto& p : season.passes) if (p.id == app.season.shown) pass = &p;
    for (const auto& m : season.memberships) if (m.id == app.season.shown) membership = &m;
    float width = std::min(area.w - theme::px(32), theme::px(620));
    ImGui::SetCursorPosX(std::max(ImGui::GetStyle().WindowPadding.x, (area.w - width) / 2));
    ImGui::BeginChild("##productcard", ImVec2(width, 0), false);
    if (!pass && !membership) {
        ImGui::Spacing();
        ImGui::PushFont(theme::fonts().title);
        ImGui::TextWrapped("Season tickets, passes and memberships");
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::TextWrapped("Choose a series to keep the same seat at every performance of your day, a flexible pass to "
                           "spend on the shows you like, or a membership for priority booking and members' seats.");
        ImGui::EndChild();
        ImGui::End();
        return;
    }
    const encore::ProductId id = pass ? pass->id : membership->id;
    const encore::SaleStatus& sale = pass ? pass->sale : membership->sale;
    ImGui::Spacing();
    ImGui::PushFont(theme::fonts().title);
    ImGui::TextWrapped("%s", (pass ? pass->name : membership->name).c_str());
    ImGui::PopFont();
    ImGui::TextColored(col(theme::accent), "%s", (pass ? pass->price_text + " · " + pass->allowance_text
                                                        : membership->price_text + " · " + membership->validity_text).c_str());
    sale_line(sale);
    ImGui::Spacing();
    std::optional<std::size_t> in_basket = product_in_basket(app, id);
    if (in_basket) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(col(theme::on_sale), "In your basket.");
        ImGui::SameLine();
        if (ImGui::Button("Remove##product")) remove_product(app, *in_basket);
        remember_widget("product_remove");
    } else {
        ImGui::BeginDisabled(!sale.may_buy);
        ImGui::PushStyleColor(ImGuiCol_Button, col(theme::accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(theme::mix(theme::accent, IM_COL32_WHITE, 0.15f)));
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::background));
        std::string label = (pass ? "Add the pass to your basket · " + pass->price_text
                                  : "Join · add to your basket · " + membership->price_text) + "###add";
        if (ImGui::Button(label.c_str(), ImVec2(std::min(width, theme::px(360)), 0)))
            add_product(app, pass ? encore::LineKind::pass : encore::LineKind::membership, id);
        remember_widget("product_add");
        ImGui::PopStyleColor(3);
        ImGui::EndDisabled();
    }
    if (membership)
        small_wrapped("Its benefits count at once, in this same basket: priority booking opens, members' seats become "
                      "yours to choose and members' prices apply.");
    ImGui::Spacing();
    ImGui::TextWrapped("%s", (pass ? pass->description : membership->description).c_str());
    ImGui::Spacing();
    if (pass) {
        heading("What it covers");
        small_wrapped(pass_covers_text(*pass), theme::text);
        ImGui::Spacing();
        for (const std::string& c : pass->conditions) small_wrapped("·  " + c);
        small_wrapped("·  " + pass->window_text);
        ImGui::Spacing();
        benefits_list(pass->benefits, "Holders also get:");
    } else {
        benefits_list(membership->benefits, "Members get:");
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace web
