// Series seats, passes and memberships as basket cards, "Use a pass", and the pass codes of the last order.
#include "ui/basket_season.hpp"

#include <optional>
#include <string>

#include "encore/money.hpp"
#include "logic/basket_display.hpp"
#include "logic/season_basket.hpp"
#include "logic/season_display.hpp"
#include "logic/series_map.hpp"
#include "ui/map_drawing.hpp"
#include "ui/text_field.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

struct Card {
    std::string title, detail, note, price, was;
    ImU32 glyph = theme::accent;
    bool held = true;
};

// Draws a card like the ticket cards; true when its × was pressed. Its explanation shows on hover.
bool card(const Card& c, const encore::PricedLine* line, const char* remove_name) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float line_h = theme::fonts().body->FontSize, small = theme::fonts().small->FontSize;
    float h = line_h + small * (c.note.empty() ? 1 : 2) + theme::px(c.note.empty() ? 18 : 22);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h - theme::px(4)), theme::panel_raised, theme::px(8));
    dl->AddCircleFilled(ImVec2(pos.x + theme::px(16), pos.y + theme::px(7) + line_h / 2), theme::px(5), c.glyph);
    float x = pos.x + theme::px(30), y = pos.y + theme::px(7);
    float remove_w = theme::px(26);
    float price_w = theme::fonts().bold->CalcTextSizeA(line_h, FLT_MAX, 0, c.price.c_str()).x;
    dl->PushClipRect(ImVec2(x, pos.y), ImVec2(pos.x + width - remove_w - price_w - theme::px(14), pos.y + h), true);
    dl->AddText(theme::fonts().bold, line_h, ImVec2(x, y), theme::text, c.title.c_str());
    dl->AddText(theme::fonts().small, small, ImVec2(x, y + line_h + theme::px(2)), c.held ? theme::text_muted : theme::accent,
                (c.held ? c.detail : "Holding… · " + c.detail).c_str());
    dl->PopClipRect();
    if (!c.note.empty()) {
        dl->PushClipRect(ImVec2(x, pos.y), ImVec2(pos.x + width - theme::px(8), pos.y + h), true);
        dl->AddText(theme::fonts().small, small, ImVec2(x, y + line_h + small + theme::px(4)), theme::on_sale, c.note.c_str());
        dl->PopClipRect();
    }
    right_aligned_text(theme::fonts().bold, c.price.c_str(), theme::text, pos.x + width - remove_w - theme::px(6), y);
    if (!c.was.empty())
        right_aligned_text(theme::fonts().small, c.was.c_str(), theme::text_faint, pos.x + width - remove_w - theme::px(6),
                           y + line_h + theme::px(2));
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##card", ImVec2(width - remove_w - theme::px(4), h - theme::px(4)));
    if (ImGui::IsItemHovered() && line) ImGui::SetTooltip("%s", line_explanation(*line).c_str());
    ImGui::SetCursorScreenPos(ImVec2(pos.x + width - remove_w, pos.y + theme::px(6)));
    ImGui::PushStyleColor(ImGuiCol_Button, col(IM_COL32(0, 0, 0, 0)));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
    bool removed = ImGui::Button("\xC3\x97", ImVec2(theme::px(22), theme::px(22)));
    remember_widget(remove_name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", c.title.c_str());
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(0, 0));
    return removed;
}

std::int64_t items_price(const encore::PricedLine& line) {
    std::int64_t total = 0;
    for (const encore::PricedItem& item : line.items) total += item.price;
    return total;
}

std::int64_t items_base(const encore::PricedLine& line) {
    std::int64_t total = 0;
    for (const encore::PricedItem& item : line.items) total += item.base;
    return total;
}

void series_ticket_type(AppState& app, std::size_t index) {
    const SeriesPick& pick = app.season.series_picks[index];
    const encore::FixedSeries* series = app.catalog->find_series(pick.series);
    if (!series || series->ticket_types.size() < 2) return;
    encore::TicketTypeId current = pick.ticket_type.empty() ? series->default_ticket_type : pick.ticket_type;
    const encore::TicketType* type = app.catalog->find_ticket_type(current);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + theme::px(30));
    ImGui::SetNextItemWidth(theme::px(160));
    ImGui::PushFont(theme::fonts().small);
    if (ImGui::BeginCombo("##seriestype", type ? type->name.c_str() : current.value.c_str())) {
        for (const encore::TicketTypeId& id : series->ticket_types)
            if (const encore::TicketType* t = app.catalog->find_ticket_type(id))
                if (ImGui::Selectable(t->name.c_str(), id == current)) set_series_ticket_type(app, index, id);
        ImGui::EndCombo();
    }
    ImGui::PopFont();
    ImGui::Spacing();
}

}  // namespace

void season_basket_cards(AppState& app, const encore::PricedBasket& priced) {
    std::optional<std::size_t> remove_series, remove_product_at;
    const std::size_t first_series = app.picks.size();
    for (std::size_t i = 0; i < app.season.series_picks.size(); ++i) {
        const SeriesPick& pick = app.season.series_picks[i];
        std::size_t index = first_series + i;
        const encore::PricedLine* line = priced.valid && index < priced.lines.size() ? &priced.lines[index] : nullptr;
        Card c;
        c.title = series_pick_title(app, pick);
        c.detail = series_pick_detail(app, pick);
        c.note = line ? series_line_summary(*line, priced.currency) : "";
        c.price = line ? encore::format_money({items_price(*line), priced.currency}) : "–";
        if (line && items_base(*line) != items_price(*line)) c.was = "was " + encore::format_money({items_base(*line), priced.currency});
        c.held = pick.held;
        ImGui::PushID(static_cast<int>(1000 + i));
        if (card(c, line, ("remove_series_" + std::to_string(i)).c_str())) remove_series = i;
        series_ticket_type(app, i);
        ImGui::PopID();
    }
    const std::size_t first_product = first_series + app.season.series_picks.size();
    for (std::size_t i = 0; i < app.season.products.size(); ++i) {
        const ProductPick& p = app.season.products[i];
        std::size_t index = first_product + i;
        const encore::PricedLine* line = priced.valid && index < priced.lines.size() ? &priced.lines[index] : nullptr;
        std::string name = p.product.value;
        if (const encore::FlexPass* pass = app.catalog->find_pass(p.product)) name = pass->name;
        if (const encore::Membership* m = app.catalog->find_membership(p.product)) name = m->name;
        Card c;
        c.title = name;
        c.detail = p.kind == encore::LineKind::pass ? "Flexible pass: its code comes with your order"
                                                    : "Membership: its benefits count in this basket";
        c.price = line ? encore::format_money({items_price(*line), priced.currency}) : "–";
        c.glyph = theme::on_sale;
        ImGui::PushID(static_cast<int>(2000 + i));
        if (card(c, line, ("remove_product_" + std::to_string(i)).c_str())) remove_product_at = i;
        ImGui::PopID();
    }
    if (remove_series) remove_series_pick(app, *remove_series);
    if (remove_product_at) remove_product(app, *remove_product_at);
}

float use_a_pass_height(const AppState& app) {
    if (app.picks.empty()) return 0;
    std::size_t rows = passes_in_use_now(app).size() + usable_passes_now(app).size();
    if (rows == 0) return 0;
    float frame = ImGui::GetFrameHeightWithSpacing();
    return ImGui::GetStyle().ItemSpacing.y * 2 + theme::fonts().small->FontSize + frame * static_cast<float>(rows + 1) +
           (app.season.pass_message.empty() ? 0 : frame * 2);
}

void use_a_pass_section(AppState& app, bool compact) {
    if (app.picks.empty()) return;
    std::vector<encore::UsablePass> in_use = passes_in_use_now(app);
    std::vector<encore::UsablePass> usable = usable_passes_now(app);
    if (in_use.empty() && usable.empty()) return;  // only for a customer with a pass this basket can use
    ImGui::Spacing();
    heading("Use a pass");
    for (std::size_t i = 0; i < in_use.size(); ++i) {
        const encore::UsablePass& p = in_use[i];
        ImGui::PushID(static_cast<int>(3000 + i));
        ImGui::PushFont(theme::fonts().small);
        std::size_t n = p.lines.size();
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::on_sale));
        ImGui::TextWrapped("%s", (pass_use_summary(p) + " · pays for " + std::to_string(n) + (n == 1 ? " ticket" : " tickets")).c_str());
        ImGui::PopStyleColor();
        remember_widget(("pass_in_use_" + std::to_string(i)).c_str());
        if (!compact) ImGui::SameLine();
        if (ImGui::SmallButton("Stop using")) {
            for (int line : p.lines)
                if (line >= 0 && static_cast<std::size_t>(line) < app.picks.size()) drop_pass_use(app, app.picks[static_cast<std::size_t>(line)]);
            ++app.picks_revision;
        }
        ImGui::PopFont();
        ImGui::PopID();
    }
    for (std::size_t i = 0; i < usable.size(); ++i) {
        const encore::UsablePass& p = usable[i];
        ImGui::PushID(static_cast<int>(4000 + i));
        ImGui::PushFont(theme::fonts().small);
        std::size_t n = std::min<std::size_t>(p.lines.size(), static_cast<std::size_t>(std::max(0, p.left)));
        std::string label = compact ? "Use " + p.name + " · " + std::to_string(p.left) + " left"
                                    : "Use " + p.name + " (" + pass_label(p) + ", " + std::to_string(p.left) + " of " +
                                          std::to_string(p.allowance) + " left) for " + std::to_string(n) + (n == 1 ? " ticket" : " tickets");
        if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) use_pass(app, p.redeem);
        remember_widget(("use_pass_" + std::to_string(i)).c_str());
        ImGui::PopFont();
        ImGui::PopID();
    }
    ImGui::PushFont(theme::fonts().small);
    float w = ImGui::GetContentRegionAvail().x;
    text_field(app, "pass_code", "pass_code", "##Pass code", FieldKind::pass_code, app.season.pass_code,
               compact ? w : w - theme::px(70));
    if (!compact) ImGui::SameLine();
    bool enter = take_submitted(app.page.fields, "pass_code");
    if (ImGui::Button("Apply", ImVec2(-1, 0)) || enter) {
        if (use_pass_code(app, app.season.pass_code) > 0) app.season.pass_code.clear();
    }
    remember_widget("pass_code_apply");
    if (!app.season.pass_message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::error));
        ImGui::TextWrapped("%s", app.season.pass_message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    if (compact) ImGui::Spacing();
}

std::string pick_pass_note(const AppState& app, const Pick& pick) {
    std::optional<encore::PassRedemption> redeem = pass_redemption_for(app, pick);
    if (!redeem) return "";
    for (const encore::UsablePass& p : passes_in_use_now(app))
        if (p.redeem.code == redeem->code && p.redeem.basket_line == redeem->basket_line) return "with " + p.name;
    return "with a pass";
}

void issued_passes(const AppState& app) {
    if (app.season.issued.empty()) return;
    ImGui::Spacing();
    heading(app.season.issued.size() == 1 ? "Your pass" : "Your passes");
    for (const IssuedPass& p : app.season.issued) {
        const encore::FlexPass* pass = app.catalog ? app.catalog->find_pass(p.pass) : nullptr;
        ImGui::PushFont(theme::fonts().bold);
        ImGui::TextColored(col(theme::accent), "%s", p.code.c_str());
        ImGui::PopFont();
        remember_widget("issued_pass_code");
        std::string words = (pass ? pass->name + " · " + std::to_string(pass->allowance) + " tickets" : p.pass.value) +
                            " · expires " + encore::describe_utc_time(p.expires_at);
        ImGui::PushFont(theme::fonts().small);
        ImGui::TextWrapped("%s", words.c_str());
        for (const encore::PassView& view : season_view_now(app).passes)
            if (view.id == p.pass) ImGui::TextWrapped("%s", pass_covers_text(view).c_str());
        ImGui::TextWrapped("Use it in your basket under \"Use a pass\": it is also in Your account.");
        ImGui::PopFont();
    }
}

}  // namespace web
