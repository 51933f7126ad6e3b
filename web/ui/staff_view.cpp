// The counter: a top bar (Counter / Renewals, who is serving, Log out), then the customer finder and the
// customer being served side by side in landscape, one above the other in portrait.
#include "ui/staff_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "logic/account_client.hpp"
#include "logic/order_view.hpp"
#include "logic/staff_client.hpp"
#include "logic/staff_words.hpp"
#include "logic/text_fields.hpp"
#include "ui/campaign_dashboard.hpp"
#include "ui/order_view_panel.hpp"
#include "ui/staff_widgets.hpp"
#include "ui/text_field.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void title(const char* text) {
    ImGui::PushFont(theme::fonts().title);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void muted(const std::string& text) { wrapped_text(text, theme::text_muted); }

void gap() { ImGui::Dummy(ImVec2(0, theme::px(10))); }

void top_bar(AppState& app, Services& services, const Rect& area) {
    begin_panel("##staff_top", area, theme::background);
    const float pad = theme::px(12), cy = area.y + area.h / 2, h = theme::px(staff_target_css);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(ImVec2(area.x + pad + theme::px(9), cy), theme::px(9), theme::accent);
    dl->AddCircleFilled(ImVec2(area.x + pad + theme::px(9), cy), theme::px(4.5f), theme::background);
    ImGui::SetCursorScreenPos(ImVec2(area.x + pad + theme::px(28), cy - h / 2));
    const float tab_w = theme::px(130);
    if (staff_choice("Counter", "staff_tab_counter", app.staff.tab == StaffTab::counter, tab_w)) app.staff.tab = StaffTab::counter;
    ImGui::SameLine();
    if (staff_choice("Renewals", "staff_tab_renewals", app.staff.tab == StaffTab::renewals, tab_w)) {
        app.staff.tab = StaffTab::renewals;
        staff_load_campaign(app, services);
    }
    const float out_w = theme::px(110);
    std::string who = app.account.name.empty() ? app.account.email : app.account.name;
    ImFont* body = theme::fonts().body;
    float who_w = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, who.c_str()).x;
    float right = area.x + area.w - pad;
    if (right - out_w - who_w - theme::px(12) > ImGui::GetItemRectMax().x + theme::px(12))
        right_aligned_text(body, who.c_str(), theme::text_muted, right - out_w - theme::px(12), cy - body->FontSize / 2);
    ImGui::SetCursorScreenPos(ImVec2(right - out_w, cy - h / 2));
    if (staff_button("Log out", "staff_log_out", out_w)) log_out(app, services);
    dl->AddLine(ImVec2(area.x, area.y + area.h - 1), ImVec2(area.x + area.w, area.y + area.h - 1), theme::border);
    ImGui::End();
}

void finder(AppState& app, Services& services) {
    StaffState& st = app.staff;
    title("Find a customer");
    muted("Name, email or order reference");
    const float find_w = theme::px(110);
    text_field(app, "staff_search", "staff_search", "##Name, email or order reference", FieldKind::search, st.query,
               ImGui::GetContentRegionAvail().x - find_w - ImGui::GetStyle().ItemSpacing.x);
    ImGui::SameLine();
    if (staff_button("Find", "staff_find", find_w, true) || take_submitted(app.page.fields, "staff_search")) staff_search(app, services);
    gap();
    if (st.searched && st.hits.empty()) muted("Nobody found. Create the customer below.");
    for (std::size_t i = 0; i < st.hits.size(); ++i) {
        const StaffCustomerHit& hit = st.hits[i];
        std::string label = hit.name + "  ·  " + hit.email + "##hit" + std::to_string(i);
        if (staff_choice(label.c_str(), ("staff_hit_" + std::to_string(i)).c_str(),
                         st.customer && st.customer->account.id == hit.id, ImGui::GetContentRegionAvail().x))
            staff_open_customer(app, services, hit.id);
    }
    gap();
    ImGui::Separator();
    gap();
    title("New customer");
    text_field(app, "staff_new_name", "staff_new", "Name", FieldKind::person_name, st.new_name);
    text_field(app, "staff_new_email", "staff_new", "Email", FieldKind::email, st.new_email);
    gap();
    if (staff_button("Create customer", "staff_create", -1, false, st.busy == 0) || take_submitted(app.page.fields, "staff_new"))
        staff_create_customer(app, services);
}

void sale_form(AppState& app, Services& services) {
    StaffState& st = app.staff;
    StaffSale& sale = st.sale;
    const float w = ImGui::GetContentRegionAvail().x, sp = ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted(sale.kind == StaffSaleKind::ticket ? "Which performance?" : "Which one?");
    ImGui::PopFont();
    auto products = staff_products(app, sale.kind);
    if (products.empty()) muted("Nothing of this kind is on sale at the box office now.");
    else ImGui::BeginChild("##staff_products", ImVec2(w, std::min<float>(static_cast<float>(products.size()), 3.5f) *
                                                       (theme::px(staff_target_css) + ImGui::GetStyle().ItemSpacing.y)));
    touch_drag_scroll();
    for (std::size_t i = 0; i < products.size(); ++i) {
        std::string label = products[i].second + "##p" + std::to_string(i);
        if (staff_choice(label.c_str(), ("staff_product_" + products[i].first).c_str(), sale.product == products[i].first,
                         ImGui::GetContentRegionAvail().x)) {
            sale.product = products[i].first;
            if (sale.kind == StaffSaleKind::series)
                if (const encore::FixedSeries* s = app.catalog->find_series(encore::ProductId{sale.product}); s && !s->groups.empty())
                    sale.group = s->groups.front().id.value;
        }
    }
    if (!products.empty()) ImGui::EndChild();
    if (sale.kind == StaffSaleKind::ticket) {
        ImGui::AlignTextToFramePadding();
        ImGui::Text("Seats together: %d", sale.seats);
        ImGui::SameLine();
        if (staff_button("-", "staff_seats_less", theme::px(56)) && sale.seats > 1) --sale.seats;
        ImGui::SameLine();
        if (staff_button("+", "staff_seats_more", theme::px(56)) && sale.seats < 10) ++sale.seats;
    }
    if (sale.kind == StaffSaleKind::series)
        if (const encore::FixedSeries* s = app.catalog->find_series(encore::ProductId{sale.product})) {
            const float gw = std::max(theme::px(120), (w - sp * 2) / 3);
            for (std::size_t i = 0; i < s->groups.size(); ++i) {
                if (i % 3) ImGui::SameLine();
                std::string label = s->groups[i].name + "##g" + std::to_string(i);
                if (staff_choice(label.c_str(), ("staff_group_" + s->groups[i].id.value).c_str(), sale.group == s->groups[i].id.value, gw))
                    sale.group = s->groups[i].id.value;
            }
        }
    gap();
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted("Payment");
    ImGui::PopFont();
    const float pw = (w - sp * 2) / 3;
    std::string stored = "Stored card";
    if (st.customer)
        for (const StaffCard& card : st.customer->cards)
            if (card.token == sale.card_token) stored = "Card ··" + card.last4;
    const bool has_card = !sale.card_token.empty();
    if (has_card && staff_choice(stored.c_str(), "staff_pay_stored", sale.payment == StaffPayment::stored_card, pw))
        sale.payment = StaffPayment::stored_card;
    if (has_card) ImGui::SameLine();
    if (staff_choice("New card", "staff_pay_new_card", sale.payment == StaffPayment::new_card, pw)) sale.payment = StaffPayment::new_card;
    ImGui::SameLine();
    if (staff_choice("Invoice", "staff_pay_invoice", sale.payment == StaffPayment::invoice, pw)) sale.payment = StaffPayment::invoice;
    if (sale.payment == StaffPayment::new_card) {
        text_field(app, "staff_card_number", "staff_card", "Card number", FieldKind::card_number, sale.card_number);
        const float half = (w - sp) / 2;
        ImGui::BeginGroup();
        text_field(app, "staff_card_expiry", "staff_card", "Expiry (MM/YY)", FieldKind::card_expiry, sale.card_expiry, half);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        text_field(app, "staff_card_cvc", "staff_card", "CVC", FieldKind::card_cvc, sale.card_cvc, half);
        ImGui::EndGroup();
    }
    gap();
    std::string blocker = staff_sale_blocker(app);
    if (sale.kind == StaffSaleKind::series) {
        const float half = (w - sp) / 2;
        if (staff_button("Hold for the customer", "staff_hold_series", half, false, st.busy == 0)) staff_hold_series(app, services);
        ImGui::SameLine();
    }
    if (staff_button("Sell", "staff_sell", -1, true, blocker.empty()) || take_submitted(app.page.fields, "staff_card")) staff_sell(app, services);
    if (!blocker.empty() && blocker != "Working…") muted(blocker);
    if (staff_button("Cancel", "staff_sale_cancel")) st.step = StaffStep::customer;
}

void order_rows(AppState& app, Services& services, const StaffCustomer& c) {
    heading("Orders");
    if (c.orders.empty()) muted("No orders yet.");
    const float bw = theme::px(120), sp = ImGui::GetStyle().ItemSpacing.x;
    for (const StaffOrderRow& o : c.orders) {
        const std::string ref = o.short_reference.empty() ? o.reference : o.short_reference;
        ImGui::PushID(o.reference.c_str());
        const bool invoice_due = o.status == "reserved";
        const float text_w = ImGui::GetContentRegionAvail().x - bw * (invoice_due ? 2 : 1) - sp * (invoice_due ? 2 : 1);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        wrapped_text(ref + "  ·  " + o.total_text + "  ·  " + staff_order_status_words(o), invoice_due ? theme::accent : theme::text,
                     theme::fonts().bold);
        for (const std::string& line : o.lines) muted(line);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw * (invoice_due ? 2 : 1) - sp * (invoice_due ? 1 : 0));
        if (invoice_due) {
            if (staff_button("Mark paid", ("staff_mark_paid_" + ref).c_str(), bw, true, app.staff.busy == 0)) staff_mark_paid(app, services, ref);
            ImGui::SameLine();
        }
        if (staff_button("Summary", ("staff_summary_" + ref).c_str(), bw)) open_order(app, services, ref);
        ImGui::PopID();
        ImGui::Spacing();
    }
}

void record_rows(AppState& app, Services& services, const StaffCustomer& c) {
    if (c.records.empty()) return;
    heading("Subscriptions");
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    for (const StaffRecord& r : c.records) {
        ImGui::PushID(static_cast<int>(r.id));
        wrapped_text(r.package_name + " · " + r.group_name + " · " + staff_status_words(r.status), theme::text, theme::fonts().bold);
        if (!r.seats_text.empty()) muted(r.seats_text);
        const float half = (ImGui::GetContentRegionAvail().x - sp) / 2;
        const std::string id = std::to_string(r.id);
        if (r.renew_amount) {
            std::string label = "Renew · " + r.renew_amount_text;
            if (staff_button(label.c_str(), ("staff_renew_" + id).c_str(), half, true, app.staff.busy == 0)) staff_renew(app, services, r.id);
            ImGui::SameLine();
        }
        if (r.can_change_seats && staff_button("Move to best seat", ("staff_change_seats_" + id).c_str(), half, false, app.staff.busy == 0))
            staff_change_seats(app, services, r.id);
        if (!r.renew_amount && !r.unavailable.empty()) muted(r.unavailable);
        ImGui::PopID();
        ImGui::Spacing();
    }
}

void customer_panel(AppState& app, Services& services) {
    StaffState& st = app.staff;
    if (!st.customer) {
        if (st.step != StaffStep::find && st.busy > 0) muted("Opening the customer…");
        else muted("Find the customer in front of you, or create them, to sell.");
        staff_outcome(st.message, st.error);
        return;
    }
    const StaffCustomer& c = *st.customer;
    title(c.account.name.c_str());
    remember_widget("staff_customer_name");
    muted(c.account.email);
    for (const std::string& line : c.owned) muted(line);
    for (const StaffHold& h : c.holds)
        if (h.kind == "subscription") wrapped_text("A series is held for them until " + h.expires_at.substr(0, 10) + ".", theme::accent);
    gap();
    staff_outcome(st.message, st.error);
    if (st.last_order) {
        const std::string ref = st.last_order->short_reference.empty() ? st.last_order->reference : st.last_order->short_reference;
        const float sp = ImGui::GetStyle().ItemSpacing.x, half = (ImGui::GetContentRegionAvail().x - sp) / 2;
        if (staff_button("Print summary", "staff_print", half)) open_order(app, services, ref);
        if (st.last_order->status == "reserved") {
            ImGui::SameLine();
            if (staff_button("Mark paid", "staff_mark_paid", half, true, st.busy == 0)) staff_mark_paid(app, services, ref);
        }
    }
    gap();
    if (st.step == StaffStep::sell) {
        title((std::string("Sell: ") + staff_sale_kind_label(st.sale.kind)).c_str());
        sale_form(app, services);
    } else {
        const float sp = ImGui::GetStyle().ItemSpacing.x, quarter = (ImGui::GetContentRegionAvail().x - sp) / 2;
        const StaffSaleKind kinds[] = {StaffSaleKind::ticket, StaffSaleKind::series, StaffSaleKind::pass, StaffSaleKind::membership};
        const char* names[] = {"staff_sell_tickets", "staff_sell_series", "staff_sell_pass", "staff_sell_membership"};
        for (int i = 0; i < 4; ++i) {
            if (i % 2) ImGui::SameLine();
            std::string label = std::string("Sell ") + staff_sale_kind_label(kinds[i]);
            if (staff_button(label.c_str(), names[i], quarter)) staff_start_sale(app, kinds[i]);
        }
    }
    gap();
    record_rows(app, services, c);
    order_rows(app, services, c);
    gap();
    if (staff_button("Serve someone else", "staff_close_customer")) staff_close_customer(app);
}

}  // namespace

void draw_staff_view(AppState& app, Services& services, const CanvasSize& size) {
    const float w = static_cast<float>(size.width), h = static_cast<float>(size.height);
    const float bar = theme::px(64);
    top_bar(app, services, {0, 0, w, bar});
    const Rect body{0, bar, w, h - bar};
    if (app.staff.tab == StaffTab::renewals) {
        draw_campaign_dashboard(app, services, body);
        return;
    }
    const bool landscape = size.css_width >= 900 && size.css_width > size.css_height;
    Rect left = body, right = body;
    if (landscape) {
        left.w = std::floor(body.w * 0.4f);
        right.x = left.w;
        right.w = body.w - left.w;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme::px(18), theme::px(16)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme::px(10), theme::px(10)));
    if (landscape) {
        begin_panel("##staff_find", left, theme::panel);
        touch_drag_scroll();
        finder(app, services);
        ImGui::End();
        begin_panel("##staff_customer", right, theme::background);
        touch_drag_scroll();
        customer_panel(app, services);
        ImGui::End();
    } else {
        begin_panel("##staff_portrait", body, theme::background);
        touch_drag_scroll();
        if (app.staff.customer || app.staff.step != StaffStep::find) customer_panel(app, services);
        else finder(app, services);
        ImGui::End();
    }
    ImGui::PopStyleVar(2);
    if (app.page.order.phase != OrderViewState::Phase::closed) draw_order_view(app, services, landscape ? right : body);
}

}  // namespace web
