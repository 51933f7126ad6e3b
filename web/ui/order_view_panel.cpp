// Draws the order summary; Print hands it to the page's print copy (browser/print_order).
#include "ui/order_view_panel.hpp"

#include <algorithm>
#include <string>

#include "browser/print_order.hpp"
#include "logic/order_summary.hpp"
#include "logic/order_view.hpp"
#include "ui/account_panel.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void muted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// A label on the left and an amount on the right of the same line.
void money_row(const std::string& label, const std::string& amount, ImFont* font = nullptr) {
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    float y = ImGui::GetCursorScreenPos().y;
    if (font) ImGui::PushFont(font);
    ImGui::TextUnformatted(label.c_str());
    if (font) ImGui::PopFont();
    right_aligned_text(font ? font : theme::fonts().body, amount.c_str(), theme::text, right, y);
}

void summary(AppState& app, const OrderSummary& s) {
    const OrderViewState& v = app.page.order;
    const bool paid = app.page.order.order.value("status", "") == "paid";
    if (v.just_placed) {
        ImGui::PushFont(theme::fonts().title);
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(col(paid ? theme::on_sale : theme::accent), "%s", confirmation_headline(s, paid).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    ImGui::TextColored(col(theme::text_muted), "Order reference");
    ImGui::SameLine();
    ImGui::PushFont(theme::fonts().title);
    ImGui::TextUnformatted(s.reference.c_str());
    remember_widget("order_reference");
    ImGui::PopFont();
    ImGui::TextColored(col(paid ? theme::on_sale : theme::accent), "%s", s.status.c_str());
    remember_widget("order_status");
    if (!s.placed.empty()) muted(s.placed);
    for (const OrderPerformance& p : s.performances) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PushFont(theme::fonts().bold);
        ImGui::TextWrapped("%s", p.title.c_str());
        ImGui::PopFont();
        muted(p.when + (p.venue.empty() ? "" : "  ·  " + p.venue));
        for (const OrderTicket& t : p.tickets) {
            money_row(t.seat, t.price);
            muted(t.ticket_type + (t.note.empty() ? "" : "  ·  " + t.note));
        }
    }
    if (!s.products.empty() || !s.fees.empty()) {
        ImGui::Spacing();
        ImGui::Separator();
    }
    for (const OrderRow& r : s.products) {
        money_row(r.label, r.amount);
        if (!r.detail.empty()) muted(r.detail);
    }
    for (const OrderRow& r : s.fees) money_row(r.label, r.amount);
    ImGui::Spacing();
    ImGui::Separator();
    money_row("Total", s.total, theme::fonts().bold);
    if (!s.payment.empty()) muted(s.payment);
    if (s.invoice) {
        ImGui::Spacing();
        ImGui::PushFont(theme::fonts().bold);
        ImGui::Text("Invoice %s", s.invoice->number.c_str());
        ImGui::PopFont();
        remember_widget("invoice_number");
        if (!s.invoice->due.empty()) ImGui::TextWrapped("%s · due %s", s.invoice->status.c_str(), s.invoice->due.c_str());
        else ImGui::TextUnformatted(s.invoice->status.c_str());
        if (!s.invoice->how_to_pay.empty()) muted(s.invoice->how_to_pay);
    }
    ImGui::Spacing();
    muted("Find this order again with its reference " + s.reference + ": this page's address is a link to it.");
}

}  // namespace

void draw_order_view(AppState& app, Services& services, const Rect& area) {
    OrderViewState& v = app.page.order;
    if (v.phase == OrderViewState::Phase::closed || !app.catalog) return;
    float w = std::min(theme::px(460), area.w - theme::px(20));
    ImGui::SetNextWindowPos(ImVec2(area.x + area.w / 2, area.y + theme::px(12)), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, area.h - theme::px(20)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, col(theme::panel_raised));
    ImGui::PushStyleColor(ImGuiCol_Border, col(theme::border));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(12));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(20), theme::px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##order_view", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                              ImGuiWindowFlags_AlwaysAutoResize);
    touch_drag_scroll();
    switch (v.phase) {
        case OrderViewState::Phase::needs_sign_in:
            ImGui::TextWrapped("Log in to see order %s.", v.reference.c_str());
            ImGui::Spacing();
            account_form(app, services);
            break;
        case OrderViewState::Phase::loading: ImGui::Text("Loading order %s…", v.reference.c_str()); break;
        case OrderViewState::Phase::failed:
            ImGui::PushStyleColor(ImGuiCol_Text, col(theme::error));
            ImGui::TextWrapped("%s", v.error.c_str());
            ImGui::PopStyleColor();
            remember_widget("order_error");
            break;
        case OrderViewState::Phase::shown: {
            const OrderSummary s = summarise_order(*app.catalog, v.order);
            summary(app, s);
            ImGui::Spacing();
            float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
            if (ImGui::Button("Print", ImVec2(half, 0))) print_order(s);
            remember_widget("order_print");
            ImGui::SameLine();
            if (accent_button("Done", "order_close", ImVec2(-1, 0))) close_order(app);
            ImGui::End();
            ImGui::PopStyleVar(3);
            ImGui::PopStyleColor(2);
            return;
        }
        case OrderViewState::Phase::closed: break;
    }
    ImGui::Spacing();
    if (ImGui::Button("Close", ImVec2(-1, 0))) close_order(app);
    remember_widget("order_close");
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
}

}  // namespace web
