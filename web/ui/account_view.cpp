// "Your account": invoices to pay, orders with their performances and seats (each opens in the order view),
// passes (code, what is left, expiry, where they can be used), memberships (dates, benefits) and series
// subscriptions. Orders go by their short references and seats by their names.
#include "ui/account_view.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "logic/my_renewals.hpp"
#include "logic/order_view.hpp"
#include "logic/staff_words.hpp"
#include "logic/season_display.hpp"
#include "logic/seat_names.hpp"
#include "logic/series_map.hpp"
#include "ui/account_panel.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void muted(const std::string& text) { wrapped_text(text, theme::text_muted); }

void bold(const std::string& text, ImU32 color = theme::text) { wrapped_text(text, color, theme::fonts().bold); }

void section(const char* title, const char* name) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushFont(theme::fonts().title);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    remember_widget(name);
    ImGui::Separator();
}

const encore::PassView* pass_view(const AppState& app, const encore::ProductId& id) {
    for (const encore::PassView& p : season_view_now(app).passes)
        if (p.id == id) return &p;
    return nullptr;
}

const encore::MembershipView* membership_view(const AppState& app, const encore::ProductId& id) {
    for (const encore::MembershipView& m : season_view_now(app).memberships)
        if (m.id == id) return &m;
    return nullptr;
}

void invoices(const AppState& app) {
    std::vector<const OrderRecord*> due = invoices_to_pay(app.season.records);
    if (due.empty()) return;
    section("Invoices to pay", "account_invoices");
    for (const OrderRecord* o : due) {
        bold(invoice_words(*o), theme::accent);
        muted("Order " + order_record_reference(*o) + ": its seats are reserved until then. The box office marks it paid when your "
              "payment arrives; unpaid, the seats are released.");
        ImGui::Spacing();
    }
}

void orders(AppState& app, Services& services) {
    section("Orders", "account_orders");
    if (app.season.records.orders.empty()) muted("No orders yet.");
    for (const OrderRecord& o : app.season.records.orders) {
        const std::string reference = order_record_reference(o);
        ImGui::PushID(o.reference.c_str());
        bold(reference + "  ·  " + o.total_text);
        ImGui::SameLine();
        if (ImGui::SmallButton("View order")) open_order(app, services, reference);
        remember_widget(("account_order_" + reference).c_str());
        ImGui::PopID();
        muted(encore::describe_utc_time(o.created_at) + " · " + order_status_text(o.status) +
              (o.payment_method == "invoice" ? " · by invoice" : " · by card"));
        for (const OrderLineRecord& l : o.lines)
            if (l.kind == "pass" || l.kind == "membership") muted("·  " + l.description + " · " + l.total_text);
        for (const OrderPerformanceRecord& p : o.performances)
            ImGui::TextWrapped("·  %s — %s", performance_name(app, p.instance).c_str(),
                               seat_list_words(*app.catalog, p.instance, p.seats).c_str());
        ImGui::Spacing();
    }
}

void passes(const AppState& app) {
    section("Passes", "account_passes");
    if (app.season.records.passes.empty()) muted("No passes yet.");
    for (const PassRecord& p : app.season.records.passes) {
        bold(p.name);
        ImGui::PushFont(theme::fonts().bold);
        ImGui::TextColored(col(theme::accent), "%s", p.code.c_str());
        ImGui::PopFont();
        remember_widget(("account_pass_" + p.code).c_str());
        ImGui::TextWrapped("%s", pass_record_summary(p).c_str());
        if (const encore::PassView* view = pass_view(app, p.pass))
            muted("Where it can be used: " + pass_covers_text(*view) + " — " + view->window_text + ".");
        for (const PassRedemptionRecord& r : p.redemptions)
            muted("·  used for " + performance_name(app, r.instance) + ": " + seat_list_words(*app.catalog, r.instance, {r.seat}) +
                  " (order " + order_reference_words(app.season.records, r.order) + ")");
        ImGui::Spacing();
    }
}

void memberships(const AppState& app) {
    section("Memberships", "account_memberships");
    if (app.season.records.memberships.empty()) muted("No memberships yet.");
    for (const MembershipRecord& m : app.season.records.memberships) {
        bold(m.name);
        ImGui::TextWrapped("%s", membership_record_summary(m).c_str());
        if (const encore::MembershipView* view = membership_view(app, m.membership))
            for (const encore::Benefit& b : view->benefits) muted("·  " + b.text);
        ImGui::Spacing();
    }
}

// The subscriber records with the acts the server offers now: renew, decline, auto-renew on / off.
void renewals(AppState& app, Services& services) {
    load_my_renewals(app, services);
    const MyRenewalsState& st = app.my_renewals;
    if (st.records.empty()) return;
    section("Renewals", "account_renewals");
    if (!st.error.empty()) wrapped_text(st.error, theme::error, theme::fonts().bold);
    else if (!st.message.empty()) wrapped_text(st.message, theme::on_sale, theme::fonts().bold);
    for (const MyRenewal& r : st.records) {
        ImGui::PushID(static_cast<int>(r.id));
        bold(r.package_name + " · " + r.group_name + " · " + staff_status_words(r.status));
        if (!r.seats_text.empty()) muted(r.seats_text);
        if (!r.renewal_ends.empty() && r.status == "Pending") muted("Renew by " + r.renewal_ends.substr(0, 10) + ".");
        if (r.auto_renew) muted("Auto-renew is on.");
        const float h = theme::px(44), sp = ImGui::GetStyle().ItemSpacing.x;
        const float w = std::min(theme::px(230), (ImGui::GetContentRegionAvail().x - sp) / 2);
        int drawn = 0;
        auto act = [&](const char* action, bool offered, bool primary) {
            if (!offered) return;
            if (drawn++ % 2) ImGui::SameLine();
            const std::string label = my_renewal_action_label(r, action);
            const std::string name = std::string("account_") + action + "_" + std::to_string(r.id);
            bool pressed = primary ? accent_button(label.c_str(), name.c_str(), ImVec2(w, h)) : ImGui::Button(label.c_str(), ImVec2(w, h));
            if (!primary) remember_widget(name.c_str());
            if (pressed && st.busy == 0) act_on_my_renewal(app, services, r.id, action);
        };
        act("renew", r.renew_amount.has_value(), true);
        act("decline", r.can_decline, false);
        act("auto_renew_on", r.can_auto_renew_on, false);
        act("auto_renew_off", r.can_auto_renew_off, false);
        if (!r.renew_amount && !r.unavailable.empty()) muted(r.unavailable);
        ImGui::PopID();
        ImGui::Spacing();
    }
}

void subscriptions(const AppState& app) {
    section("Subscriptions", "account_subscriptions");
    const std::vector<SubscriptionRecord>& subs = app.season.records.subscriptions;
    if (subs.empty()) muted("No series subscriptions yet.");
    std::vector<bool> shown(subs.size(), false);
    for (std::size_t i = 0; i < subs.size(); ++i) {  // one entry per booking: seats of the same order, series and day together
        if (shown[i]) continue;
        std::vector<std::string> seats;
        for (std::size_t j = i; j < subs.size(); ++j)
            if (!shown[j] && subs[j].order == subs[i].order && subs[j].series == subs[i].series && subs[j].group == subs[i].group &&
                subs[j].performances == subs[i].performances) {
                shown[j] = true;
                seats.push_back(subs[j].seat);
            }
        const SubscriptionRecord& s = subs[i];
        bold(s.name + " · " + s.group_name);
        std::string where = s.performances.empty() ? "" : seat_list_words(*app.catalog, s.performances.front(), seats);
        ImGui::TextWrapped("%s%s", where.c_str(), s.order_status == "reserved" ? " · reserved until the invoice is paid" : "");
        for (const encore::InstanceId& i : s.performances) muted("·  " + performance_name(app, i));
        ImGui::Spacing();
    }
}

}  // namespace

void draw_account_view(AppState& app, Services& services, const Rect& area) {
    begin_panel("##accountview", area, theme::map_background);
    float width = std::min(area.w - theme::px(32), theme::px(760));
    ImGui::SetCursorPosX(std::max(ImGui::GetStyle().WindowPadding.x, (area.w - width) / 2));
    ImGui::BeginChild("##accountbody", ImVec2(width, 0), false);
    ImGui::PushFont(theme::fonts().title);
    ImGui::TextUnformatted("Your account");
    ImGui::PopFont();
    if (app.account.token.empty()) {
        muted("Log in, or create an account, to see your orders, passes, memberships and subscriptions.");
        ImGui::Spacing();
        ImGui::PushItemWidth(std::min(width, theme::px(360)));
        ImGui::BeginGroup();
        ImGui::BeginChild("##accountform", ImVec2(std::min(width, theme::px(360)), theme::px(300)), false);
        account_form(app, services);
        ImGui::EndChild();
        ImGui::EndGroup();
        ImGui::PopItemWidth();
        ImGui::EndChild();
        ImGui::End();
        return;
    }
    const AccountRecords& records = app.season.records;
    muted((app.account.name.empty() ? app.account.email : app.account.name + " · " + app.account.email));
    if (records.state == AccountRecords::State::loading && records.orders.empty()) {
        muted("Loading your account…");
    } else if (records.state == AccountRecords::State::error) {
        ImGui::TextColored(col(theme::error), "%s", records.error.c_str());
        if (ImGui::Button("Try again")) app.season.records.stale = true, app.season.records.state = AccountRecords::State::none;
    }
    if (!records.orders.empty() || records.state == AccountRecords::State::ready) {
        invoices(app);
        orders(app, services);
        passes(app);
        memberships(app);
        subscriptions(app);
        renewals(app, services);
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace web
