// The checkout window: card fields (number, MM/YY, CVC) or invoice, and the Pay button; once paid, the order
// view (order_view_panel) shows the order.
#include "ui/checkout_panel.hpp"

#include <algorithm>
#include <string>

#include "encore/money.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/checkout_client.hpp"
#include "logic/display_format.hpp"
#include "logic/hold_client.hpp"
#include "logic/season_basket.hpp"
#include "ui/account_panel.hpp"
#include "ui/text_field.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void payment_form(AppState& app, Services& services, const encore::PricedBasket& priced) {
    CheckoutState& co = app.checkout;
    ImGui::TextColored(col(theme::text_muted), "Signed in as %s", app.account.email.c_str());
    ImGui::Spacing();
    if (ImGui::RadioButton("Pay by card", co.method == PayMethod::card)) co.method = PayMethod::card;
    remember_widget("pay_card");
    ImGui::SameLine(0, theme::px(24));
    if (ImGui::RadioButton("Pay by invoice", co.method == PayMethod::invoice)) co.method = PayMethod::invoice;
    remember_widget("pay_invoice");
    ImGui::Spacing();
    float w = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
    if (co.method == PayMethod::card) {
        focused_text_field(app, "card_number", "card", "Card number", FieldKind::card_number, co.card_number);
        float half = (w - gap) / 2;
        ImVec2 row = ImGui::GetCursorScreenPos();  // two fields side by side, labels on one line
        ImGui::BeginGroup();
        focused_text_field(app, "card_expiry", "card", "Expiry (MM/YY)", FieldKind::card_expiry, co.card_expiry, half);
        ImGui::EndGroup();
        ImVec2 below = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(row.x + half + gap, row.y));
        ImGui::BeginGroup();
        focused_text_field(app, "card_cvc", "card", "CVC", FieldKind::card_cvc, co.card_cvc, half);
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(below);
        ImGui::PushFont(theme::fonts().small);
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(col(theme::text_faint), "Test cards: 4242 4242 4242 4242 approves, 4000 0000 0000 0002 declines.");
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    } else {
        ImGui::TextWrapped("Your seats are reserved for you now. The order page then shows the invoice's number and "
                           "the date to pay it by at the box office; if it is not paid by then, the seats are released.");
    }
    ImGui::Spacing();
    std::string blocker = checkout_blocker(app);
    std::string total = encore::format_money({priced.total, priced.currency});
    std::string label = co.step == CheckoutStep::saving_card     ? "Checking your card…"
                        : co.step == CheckoutStep::placing_order ? "Placing your order…"
                        : co.method == PayMethod::card           ? "Pay " + total
                                                                 : "Reserve — pay " + total + " by invoice";
    ImGui::BeginDisabled(co.step != CheckoutStep::idle || !blocker.empty());
    label += "###pay";  // one ID whatever the label says
    bool pay = accent_button(label.c_str(), "pay", ImVec2(-1, 0));
    ImGui::EndDisabled();
    if (take_submitted(app.page.fields, "card") && co.step == CheckoutStep::idle && blocker.empty()) pay = true;  // Enter
    if (pay) place_order(app, services);
    if (!blocker.empty() && co.error.empty()) ImGui::TextColored(col(theme::text_muted), "%s", blocker.c_str());
}

}  // namespace

void draw_checkout_window(AppState& app, Services& services, const Rect& area) {
    CheckoutState& co = app.checkout;
    if (!co.open) return;
    if (basket_empty(app) && co.step == CheckoutStep::idle) {
        co.open = false;  // nothing to buy (e.g. the hold expired)
        return;
    }
    const encore::PricedBasket& priced = priced_basket(app);
    float w = std::min(theme::px(440), area.w - theme::px(20));
    ImGui::SetNextWindowPos(ImVec2(area.x + area.w / 2, area.y + theme::px(16)), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, area.h - theme::px(24)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, col(theme::panel_raised));
    ImGui::PushStyleColor(ImGuiCol_Border, col(theme::border));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(12));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(20), theme::px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##checkout", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    touch_drag_scroll();
    {
        ImGui::PushFont(theme::fonts().title);
        ImGui::TextUnformatted("Checkout");
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight());
        ImGui::BeginDisabled(co.step != CheckoutStep::idle);
        if (ImGui::Button("\xC3\x97", ImVec2(ImGui::GetFrameHeight(), 0))) co.open = false;
        remember_widget("checkout_close");
        ImGui::EndDisabled();
        float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        float y = ImGui::GetCursorScreenPos().y;
        ImGui::TextUnformatted(basket_contents_words(app).c_str());
        remember_widget("checkout_contents");
        right_aligned_text(theme::fonts().bold, priced.valid ? encore::format_money({priced.total, priced.currency}).c_str() : "–",
                           theme::accent, right, y);
        if (long long left = hold_seconds_left(app); left > 0)
            ImGui::TextColored(col(theme::text_muted), "Seats held for %s", hold_countdown_text(left).c_str());
        ImGui::Separator();
        ImGui::Spacing();
        if (app.account.token.empty()) {
            ImGui::TextWrapped("Log in, or create an account, to pay.");
            ImGui::Spacing();
            account_form(app, services);
        } else {
            payment_form(app, services, priced);
        }
        if (!co.error.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, col(theme::error));
            ImGui::TextWrapped("%s", co.error.c_str());
            ImGui::PopStyleColor();
            remember_widget("checkout_error");
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
}

}  // namespace web
