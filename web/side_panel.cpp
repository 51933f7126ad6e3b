// The selection and legend panel: the customer's seats with their prices and total (core Money and
// format_money), a Clear button, and the key to band colours (with prices) and seat marks.
#include <algorithm>
#include <string>

#include "encore/money.hpp"
#include "map_drawing.hpp"
#include "panels.hpp"
#include "theme.hpp"
#include "ui_helpers.hpp"

namespace web {

namespace {

void selection_list(AppState& app, float height) {
    const auto& picked = selection(app);
    const encore::Venue* venue = current_venue(app);
    ImGui::BeginChild("##selection", ImVec2(0, height), false);
    if (picked.empty() || !venue) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
        ImGui::TextWrapped("No seats selected yet. Click or tap an available seat on the map.");
        ImGui::PopStyleColor();
    }
    std::optional<std::uint32_t> remove;
    if (venue)
        for (std::uint32_t seat : picked) {
            ImGui::PushID(static_cast<int>(seat));
            ImVec2 pos = ImGui::GetCursorScreenPos();
            float width = ImGui::GetContentRegionAvail().x;
            float line = theme::fonts().body->FontSize, small = theme::fonts().small->FontSize;
            float h = line + small + theme::px(18);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h - theme::px(4)), theme::panel_raised, theme::px(8));
            int b = app.seat_band[seat];
            ImU32 band_col = b >= 0 ? theme::color_from_hex(app.catalog->price_bands[static_cast<std::size_t>(b)].color,
                                                            theme::not_on_sale)
                                    : theme::not_on_sale;
            float r = theme::px(6);
            draw_seat_glyph(dl, ImVec2(pos.x + theme::px(16), pos.y + h / 2 - theme::px(2)), r, band_col,
                            venue->plan.seats[seat].attributes, SeatLook::available);
            float x = pos.x + theme::px(30), y = pos.y + theme::px(7);
            std::string name = venue->plan.seat_name(seat);
            float remove_w = theme::px(26);
            std::optional<encore::Money> price = seat_price(app, seat);
            std::string price_text = price ? encore::format_money(*price) : "–";
            float price_w = theme::fonts().bold->CalcTextSizeA(line, FLT_MAX, 0, price_text.c_str()).x;
            float name_right = pos.x + width - remove_w - price_w - theme::px(14);
            dl->PushClipRect(ImVec2(x, pos.y), ImVec2(name_right, pos.y + h), true);
            dl->AddText(theme::fonts().bold, line, ImVec2(x, y), theme::text, name.c_str());
            std::string band = b >= 0 ? app.catalog->price_bands[static_cast<std::size_t>(b)].name : "";
            dl->AddText(theme::fonts().small, small, ImVec2(x, y + line + theme::px(2)), theme::text_muted, band.c_str());
            dl->PopClipRect();
            right_aligned_text(theme::fonts().bold, price_text.c_str(), theme::text, pos.x + width - remove_w - theme::px(6), y);
            ImGui::SetCursorScreenPos(ImVec2(pos.x + width - remove_w, pos.y + (h - theme::px(4)) / 2 - theme::px(11)));
            ImGui::PushStyleColor(ImGuiCol_Button, col(IM_COL32(0, 0, 0, 0)));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
            if (ImGui::Button("\xC3\x97", ImVec2(theme::px(22), theme::px(22)))) remove = seat;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", name.c_str());
            ImGui::PopStyleVar();
            ImGui::PopStyleColor();
            ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
            ImGui::Dummy(ImVec2(0, 0));
            ImGui::PopID();
        }
    ImGui::EndChild();
    if (remove) toggle_seat(app, *remove);
}

void selection_summary(AppState& app) {
    const auto& picked = selection(app);
    ImGui::Separator();
    ImGui::PushFont(theme::fonts().bold);
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    std::string total = encore::format_money(selection_total(app));
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Text("Total (%d seat%s)", static_cast<int>(picked.size()), picked.size() == 1 ? "" : "s");
    ImGui::PopFont();
    ImGui::PushFont(theme::fonts().title);
    right_aligned_text(theme::fonts().title, total.c_str(), theme::accent, right, p.y - theme::px(3));
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::BeginDisabled(picked.empty());
    if (ImGui::Button("Clear", ImVec2(theme::px(90), 0))) clear_selection(app);
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
    heading(type ? ("Prices · " + type->name).c_str() : "Prices");
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (int b : app.bands_in_plan) {
        const encore::PriceBand& band = app.catalog->price_bands[static_cast<std::size_t>(b)];
        legend_row_glyph(theme::color_from_hex(band.color, theme::not_on_sale), 0, SeatLook::available);
        float y = ImGui::GetCursorScreenPos().y;
        ImGui::TextUnformatted(band.name.c_str());
        std::optional<encore::Money> price = band_price(app, b);
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
    legend_row_glyph(neutral, 0, SeatLook::unavailable);
    ImGui::TextUnformatted("Unavailable");
    legend_row_glyph(theme::accent, 0, SeatLook::selected);
    ImGui::TextUnformatted("Your selection");
}

float legend_height(const AppState& app) {
    float line = ImGui::GetTextLineHeightWithSpacing();
    return line * static_cast<float>(app.bands_in_plan.size() + 5) + theme::fonts().small->FontSize * 2 +
           ImGui::GetStyle().ItemSpacing.y * 6;
}

}  // namespace

void draw_side_panel(AppState& app, const Rect& area, LayoutKind kind) {
    begin_panel("##side", area, theme::panel);
    if (!app.catalog) {
        ImGui::End();
        return;
    }
    float summary_h = theme::fonts().title->FontSize + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 4;
    if (kind == LayoutKind::wide) {
        heading("Your seats");
        float avail = ImGui::GetContentRegionAvail().y;
        float list_h = avail - summary_h - legend_height(app) - ImGui::GetStyle().ItemSpacing.y * 4;
        selection_list(app, std::max(list_h, theme::px(60)));
        selection_summary(app);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
        legend(app);
    } else {
        if (ImGui::BeginTable("##sidecols", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("sel", ImGuiTableColumnFlags_WidthStretch, 0.6f);
            ImGui::TableSetupColumn("legend", ImGuiTableColumnFlags_WidthStretch, 0.4f);
            ImGui::TableNextColumn();
            heading("Your seats");
            float avail = ImGui::GetContentRegionAvail().y;
            selection_list(app, std::max(avail - summary_h - theme::px(6), theme::px(40)));
            selection_summary(app);
            ImGui::TableNextColumn();
            ImGui::BeginChild("##legend", ImVec2(0, 0), false);
            legend(app);
            ImGui::EndChild();
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace web
