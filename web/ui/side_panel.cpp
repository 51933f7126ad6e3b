// The basket cards (price, ticket type, the core's explanation as a tooltip), the fees and total, the hold's
// countdown, Clear and Checkout, and the legend.
#include "ui/side_panel.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "encore/money.hpp"
#include "logic/basket_display.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/checkout_client.hpp"
#include "logic/display_format.hpp"
#include "logic/hold_client.hpp"
#include "logic/map_source.hpp"
#include "logic/season_basket.hpp"
#include "logic/seat_names.hpp"
#include "logic/seat_preview.hpp"
#include "logic/series_map.hpp"
#include "ui/basket_season.hpp"
#include "ui/map_drawing.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void ticket_type_combo(AppState& app, std::size_t index, float width) {
    Pick& pick = app.picks[index];
    std::vector<const encore::TicketType*> types = ticket_types_for(app, pick);
    if (types.size() < 2) return;
    const encore::TicketType* current = app.catalog->find_ticket_type(pick.ticket_type);
    ImGui::SetNextItemWidth(width);
    ImGui::PushFont(theme::fonts().small);
    if (ImGui::BeginCombo("##type", current ? current->name.c_str() : pick.ticket_type.value.c_str())) {
        for (const encore::TicketType* t : types)
            if (ImGui::Selectable(t->name.c_str(), t->id == pick.ticket_type)) {
                pick.ticket_type = t->id;
                ++app.picks_revision;
            }
        ImGui::EndCombo();
    }
    ImGui::PopFont();
}

// `with_pass_use`: "Use a pass" under the list. `compact` (a phone): each card is two lines, the ticket type
// menu at the end of the second.
void basket_list(AppState& app, const encore::PricedBasket& priced, float height, bool with_pass_use, bool compact = false) {
    ImGui::BeginChild("##selection", ImVec2(0, height), false);
    touch_drag_scroll();
    if (basket_empty(app)) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
        ImGui::TextWrapped("No seats selected yet. Click or tap an available seat on the map: it is held for you while you decide.");
        ImGui::PopStyleColor();
    }
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < app.picks.size(); ++i) {
        const Pick& pick = app.picks[i];
        const encore::Instance* inst = app.catalog->find_instance(pick.instance);
        const encore::Venue* venue = inst ? app.catalog->find_venue(inst->venue) : nullptr;
        if (!inst || !venue || pick.seat >= venue->plan.seats.size()) continue;
        const encore::PricedLine* line = priced.valid && i < priced.lines.size() ? &priced.lines[i] : nullptr;
        ImGui::PushID(static_cast<int>(i));
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float width = ImGui::GetContentRegionAvail().x;
        float line_h = theme::fonts().body->FontSize, small = theme::fonts().small->FontSize;
        float combo_h = small + ImGui::GetStyle().FramePadding.y * 2;
        const bool menu = ticket_types_for(app, pick).size() >= 2;
        const float combo_w = std::min(theme::px(compact ? 110 : 140), width - theme::px(40));
        float h = compact ? line_h + (menu ? combo_h : small) + theme::px(16) : line_h + small + combo_h + theme::px(20);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h - theme::px(4)), theme::panel_raised, theme::px(8));
        int b = venue->id == app.venue ? app.seat_band[pick.seat] : -1;
        const encore::Seat& seat = venue->plan.seats[pick.seat];
        ImU32 band_col = theme::not_on_sale;
        std::string band_name;
        if (auto it = app.catalog->band_index.find(seat.band.value); it != app.catalog->band_index.end()) {
            band_col = theme::color_from_hex(app.catalog->price_bands[it->second].color, theme::not_on_sale);
            band_name = app.catalog->price_bands[it->second].name;
        }
        (void)b;
        draw_seat_glyph(dl, ImVec2(pos.x + theme::px(16), pos.y + theme::px(7) + line_h / 2), theme::px(6), band_col,
                        seat.attributes, pick.held ? SeatLook::available : SeatLook::unavailable);
        float x = pos.x + theme::px(30), y = pos.y + theme::px(7);
        std::string name = venue->plan.seat_name(pick.seat);
        float remove_w = theme::px(26);
        std::string price_text = line && !line->items.empty() ? encore::format_money({line->items.front().price, priced.currency}) : "–";
        float price_w = theme::fonts().bold->CalcTextSizeA(line_h, FLT_MAX, 0, price_text.c_str()).x;
        float name_right = pos.x + width - remove_w - price_w - theme::px(14);
        // A narrow basket (a phone) names the seat in two parts rather than cutting its name off.
        std::string sub = performance_day_short(*inst) + " " + performance_clock(*inst) + " · " + band_name;
        if (theme::fonts().bold->CalcTextSizeA(line_h, FLT_MAX, 0, name.c_str()).x > name_right - x) {
            SeatNameParts parts = seat_name_parts(venue->plan, pick.seat);
            name = parts.seat;
            sub = parts.section + " · " + sub;
        }
        if (!menu)  // no ticket type menu: say the type here
            if (const encore::TicketType* t = app.catalog->find_ticket_type(pick.ticket_type)) sub += " · " + t->name;
        const float combo_x = pos.x + width - remove_w - combo_w - theme::px(4);
        dl->PushClipRect(ImVec2(x, pos.y), ImVec2(name_right, pos.y + h), true);
        dl->AddText(theme::fonts().bold, line_h, ImVec2(x, y), theme::text, name.c_str());
        if (std::string with = pick_pass_note(app, pick); !with.empty()) sub += " · " + with;
        if (!pick.held) sub = "Holding… · " + sub;
        dl->PopClipRect();
        float sub_right = compact && menu ? combo_x - theme::px(6) : pos.x + width - remove_w;  // it may pass the price
        dl->PushClipRect(ImVec2(x, pos.y), ImVec2(sub_right, pos.y + h), true);
        dl->AddText(theme::fonts().small, small, ImVec2(x, y + line_h + theme::px(2)), pick.held ? theme::text_muted : theme::accent, sub.c_str());
        dl->PopClipRect();
        right_aligned_text(theme::fonts().bold, price_text.c_str(), theme::text, pos.x + width - remove_w - theme::px(6), y);
        if (line && !line->items.empty() && line->items.front().base != line->items.front().price && !(compact && menu)) {
            std::string was = "was " + encore::format_money({line->items.front().base, priced.currency});
            right_aligned_text(theme::fonts().small, was.c_str(), theme::text_faint, pos.x + width - remove_w - theme::px(6), y + line_h + theme::px(2));
        }
        // The whole card explains its price.
        ImGui::SetCursorScreenPos(pos);
        ImGui::InvisibleButton("##card", ImVec2(width - remove_w - theme::px(4), line_h + small + theme::px(10)));
        if (ImGui::IsItemHovered() && line) ImGui::SetTooltip("%s", line_explanation(*line).c_str());
        ImGui::SetCursorScreenPos(compact ? ImVec2(combo_x, y + line_h + theme::px(3)) : ImVec2(x, y + line_h + small + theme::px(6)));
        ticket_type_combo(app, i, combo_w);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + width - remove_w, pos.y + theme::px(6)));
        ImGui::PushStyleColor(ImGuiCol_Button, col(IM_COL32(0, 0, 0, 0)));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
        if (ImGui::Button("\xC3\x97", ImVec2(theme::px(22), theme::px(22)))) remove = i;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", name.c_str());
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    season_basket_cards(app, priced);
    if (!priced.valid)
        for (const encore::LineProblem& p : priced.problems) {
            ImGui::PushStyleColor(ImGuiCol_Text, col(theme::error));
            ImGui::TextWrapped("%s", p.message.c_str());
            ImGui::PopStyleColor();
        }
    ImGui::EndChild();
    if (remove) remove_pick(app, *remove);
    if (with_pass_use) use_a_pass_section(app, false);  // under the list, never scrolled out of sight
}

// `with_hold`: the hold's countdown has its own line (narrow screens show it in the heading instead).
float summary_height(const encore::PricedBasket& priced, bool with_hold = true) {
    float line = ImGui::GetTextLineHeightWithSpacing();
    return theme::fonts().title->FontSize + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 5 +
           line * static_cast<float>(fee_rows(priced).size() + (with_hold ? 1 : 0));
}

void basket_summary(AppState& app, const encore::PricedBasket& priced, bool with_hold = true) {
    ImGui::Separator();
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (const FeeRow& f : fee_rows(priced)) {
        float y = ImGui::GetCursorScreenPos().y;
        std::string label = capitalised(f.name) + (f.count > 1 ? " (" + std::to_string(f.count) + " × " +
                                                                     encore::format_money({f.amount / f.count, priced.currency}) + ")" : "");
        ImGui::TextColored(col(theme::text_muted), "%s", label.c_str());
        right_aligned_text(theme::fonts().body, f.waived ? "waived" : encore::format_money({f.amount, priced.currency}).c_str(),
                           theme::text_muted, right, y);
    }
    long long left = hold_seconds_left(app);
    if (!with_hold) {
        // shown beside the heading
    } else if (left > 0) {
        ImGui::TextColored(col(left < 120 ? theme::error : theme::on_sale), "Seats held for %s", hold_countdown_text(left).c_str());
        remember_widget("hold_countdown");
    } else if (basket_has_seats(app)) {
        ImGui::TextColored(col(theme::accent), "Holding your seats…");
    } else {
        ImGui::TextUnformatted("");
    }
    ImGui::PushFont(theme::fonts().bold);
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (basket_empty(app)) ImGui::TextUnformatted("Total");
    else ImGui::Text("Total (%s)", basket_contents_words(app).c_str());
    ImGui::PopFont();
    std::string total = priced.valid ? encore::format_money({priced.total, priced.currency}) : "–";
    right_aligned_text(theme::fonts().title, total.c_str(), theme::accent, right, p.y - theme::px(3));
    ImGui::Spacing();
    ImGui::BeginDisabled(basket_empty(app));
    if (ImGui::Button("Clear", ImVec2(theme::px(80), 0))) clear_basket(app);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, col(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(theme::mix(theme::accent, IM_COL32_WHITE, 0.15f)));
    ImGui::PushStyleColor(ImGuiCol_Text, col(theme::background));
    if (ImGui::Button("Checkout", ImVec2(-1, 0))) {
        reset_checkout_result(app);
        app.checkout.open = true;
    }
    remember_widget("checkout");
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
}

void legend_row_glyph(ImU32 band, std::uint8_t attributes, SeatLook look) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float line = ImGui::GetTextLineHeight();
    draw_seat_glyph(ImGui::GetWindowDrawList(), ImVec2(p.x + line * 0.5f, p.y + line * 0.5f), line * 0.42f, band,
                    attributes, look);
    ImGui::Dummy(ImVec2(line * 1.1f, line));
    ImGui::SameLine();
}

void legend(AppState& app) {
    const encore::TicketType* type = app.catalog->find_ticket_type(app.ticket_type);
    bool series = series_map_shown(app);
    heading(series ? "Series prices · a show" : type ? ("Prices · " + type->name).c_str() : "Prices");
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (int b : app.bands_in_plan) {
        const encore::PriceBand& band = app.catalog->price_bands[static_cast<std::size_t>(b)];
        legend_row_glyph(theme::color_from_hex(band.color, theme::not_on_sale), 0, SeatLook::available);
        float y = ImGui::GetCursorScreenPos().y;
        ImGui::TextUnformatted(band.name.c_str());
        std::optional<encore::Money> price = band_price(app, b);
        if (series) {
            std::optional<std::int64_t> per_show = series_band_price(app, b);
            price = per_show ? std::optional<encore::Money>(encore::Money{*per_show, app.catalog->currency}) : std::nullopt;
        }
        right_aligned_text(theme::fonts().bold, price ? encore::format_money(*price).c_str() : "–", theme::text, right, y);
    }
    ImGui::Spacing();
    heading("Key");
    const ImU32 neutral = IM_COL32(176, 182, 196, 255);
    legend_row_glyph(neutral, encore::seat_wheelchair, SeatLook::available);
    ImGui::TextUnformatted("Wheelchair space");
    legend_row_glyph(neutral, encore::seat_companion, SeatLook::available);
    ImGui::TextUnformatted("Companion seat");
    legend_row_glyph(neutral, encore::seat_restricted_view, SeatLook::available);
    ImGui::TextUnformatted("Restricted view");
    legend_row_glyph(neutral, 0, SeatLook::sold);
    ImGui::TextUnformatted("Sold");
    legend_row_glyph(neutral, 0, SeatLook::held);
    ImGui::TextUnformatted("In another basket");
    legend_row_glyph(neutral, 0, SeatLook::unavailable);
    ImGui::TextUnformatted("Not for sale");
    legend_row_glyph(theme::accent, 0, SeatLook::selected);
    ImGui::TextUnformatted("Your selection");
    // Seat locks on the map (a performance or a series): the block's shape, and who may book it.
    for (const encore::LockType* lock : map_lock_types(app)) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        float line = ImGui::GetTextLineHeight();
        draw_locked_seat_glyph(ImGui::GetWindowDrawList(), ImVec2(p.x + line * 0.5f, p.y + line * 0.5f), line * 0.36f, neutral,
                               SeatLook::available, true);
        ImGui::Dummy(ImVec2(line * 1.1f, line));
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(lock_words(app, *lock).c_str());
        ImGui::PopTextWrapPos();
        remember_widget("legend_lock");
    }
}

float legend_height(const AppState& app) {
    float line = ImGui::GetTextLineHeightWithSpacing();
    return line * static_cast<float>(app.bands_in_plan.size() + 7 + 2 * map_lock_types(app).size()) +
           theme::fonts().small->FontSize * 2 + ImGui::GetStyle().ItemSpacing.y * 6;
}

bool g_show_key = false;  // narrow screens: the key instead of the basket

// "Your basket" with a Key / Basket switch at its right (narrow screens).
void narrow_heading(const AppState& app) {
    heading(g_show_key ? "Prices and key" : "Your basket");
    if (long long left = hold_seconds_left(app); left > 0 && !g_show_key) {  // the countdown beside the heading
        ImGui::SameLine(0, theme::px(12));
        ImGui::PushFont(theme::fonts().small);
        ImGui::TextColored(col(left < 120 ? theme::error : theme::on_sale), "held for %s", hold_countdown_text(left).c_str());
        remember_widget("hold_countdown");
        ImGui::PopFont();
    }
    const char* label = g_show_key ? "Basket" : "Key";
    ImGui::PushFont(theme::fonts().small);
    float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetContentRegionMax().x - w);
    if (ImGui::SmallButton(label)) g_show_key = !g_show_key;
    remember_widget("basket_key_switch");
    ImGui::PopFont();
}

}  // namespace

void draw_side_panel(AppState& app, const Rect& area, LayoutKind kind) {
    begin_panel("##side", area, theme::panel);
    if (!app.catalog) {
        ImGui::End();
        return;
    }
    const encore::PricedBasket& priced = priced_basket(app);
    float summary_h = summary_height(priced);
    if (kind == LayoutKind::wide) {
        heading("Your basket");
        float avail = ImGui::GetContentRegionAvail().y;
        float list_h = avail - summary_h - use_a_pass_height(app) - legend_height(app) - ImGui::GetStyle().ItemSpacing.y * 4;
        basket_list(app, priced, std::max(list_h, theme::px(60)), true);
        basket_summary(app, priced);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        legend(app);
    } else if (kind == LayoutKind::narrow) {  // the basket the full width; the key one tap away
        narrow_heading(app);
        if (g_show_key) {
            ImGui::BeginChild("##legend", ImVec2(0, 0), false);
            touch_drag_scroll();
            legend(app);
            ImGui::EndChild();
        } else {
            float avail = ImGui::GetContentRegionAvail().y;
            float list_h = avail - summary_height(priced, false) - use_a_pass_height(app) - theme::px(6);
            basket_list(app, priced, std::max(list_h, theme::px(40)), true, true);
            basket_summary(app, priced, false);
        }
    } else {
        if (ImGui::BeginTable("##sidecols", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("sel", ImGuiTableColumnFlags_WidthStretch, 0.6f);
            ImGui::TableSetupColumn("legend", ImGuiTableColumnFlags_WidthStretch, 0.4f);
            ImGui::TableNextColumn();
            heading("Your basket");
            float avail = ImGui::GetContentRegionAvail().y;
            basket_list(app, priced, std::max(avail - summary_h - theme::px(6), theme::px(40)), false);
            basket_summary(app, priced);
            ImGui::TableNextColumn();
            ImGui::BeginChild("##legend", ImVec2(0, 0), false);
            use_a_pass_section(app, true);  // beside the basket: the basket keeps its total and Checkout in sight
            legend(app);
            ImGui::EndChild();
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace web
