// The log-in / create-account form, the account button and its window; the requests are the logic's.
#include "ui/account_panel.hpp"

#include <algorithm>
#include <string>

#include "logic/account_client.hpp"
#include "logic/order_view.hpp"
#include "logic/sign_in_form.hpp"
#include "ui/text_field.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

bool mode_button(const char* label, const char* name, bool active, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, col(active ? theme::panel_raised : theme::panel));
    ImGui::PushStyleColor(ImGuiCol_Text, col(active ? theme::accent : theme::text_muted));
    bool pressed = ImGui::Button(label, ImVec2(width, 0));
    remember_widget(name);
    ImGui::PopStyleColor(2);
    return pressed;
}

}  // namespace

void account_form(AppState& app, Services& services) {
    SignInForm& form = app.page.sign_in;
    float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (mode_button("Log in##mode", "login_mode", !form.registering, half)) form.registering = false, app.account.error.clear();
    ImGui::SameLine();
    if (mode_button("Create account##mode", "register_mode", form.registering, half)) form.registering = true, app.account.error.clear();
    ImGui::Spacing();
    focused_text_field(app, "email", "sign_in", "Email", FieldKind::email, form.email);
    if (form.registering) focused_text_field(app, "name", "sign_in", "Your name", FieldKind::person_name, form.name);
    focused_text_field(app, "password", "sign_in", form.registering ? "Password (8 characters or more)" : "Password",
               form.registering ? FieldKind::new_password : FieldKind::current_password, form.password);
    ImGui::Spacing();
    ImGui::BeginDisabled(app.account.busy);
    const char* label = app.account.busy ? "Please wait…###submit" : form.registering ? "Create account###submit" : "Log in###submit";
    bool submit = accent_button(label, "account_submit", ImVec2(-1, 0));
    ImGui::EndDisabled();
    if (take_submitted(app.page.fields, "sign_in")) submit = true;  // Enter in a field
    if (submit) submit_sign_in(app, services);
    if (!app.account.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::error));
        ImGui::TextWrapped("%s", app.account.error.c_str());
        ImGui::PopStyleColor();
    }
    forget_sign_in_password(app);
}

float draw_account_button(AppState& app, Services& services, float right_x, float center_y, bool show_name) {
    bool signed_in = !app.account.token.empty();
    std::string who = app.account.name.empty() ? app.account.email : app.account.name;
    std::string label = signed_in ? "Log out" : "Log in";
    ImVec2 size = ImGui::CalcTextSize(label.c_str());
    float w = size.x + ImGui::GetStyle().FramePadding.x * 2, h = ImGui::GetFrameHeight();
    ImGui::SetCursorScreenPos(ImVec2(right_x - w, center_y - h / 2));
    if (ImGui::Button(label.c_str())) {
        if (signed_in) log_out(app, services), close_order(app);  // the order shown was this customer's
        else app.account.window_open = !app.account.window_open;
    }
    remember_widget(signed_in ? "logout" : "account_button");
    float left = right_x - w;
    if (signed_in && show_name) {
        ImFont* body = theme::fonts().body;
        right_aligned_text(body, who.c_str(), theme::text, left - theme::px(10), center_y - body->FontSize / 2);
        left -= theme::px(10) + body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, who.c_str()).x;
    }
    return left;
}

void draw_account_window(AppState& app, Services& services, const Rect& area) {
    if (!app.account.window_open || !app.account.token.empty() || app.checkout.open) {  // the checkout has its own form
        app.account.window_open = false;
        return;
    }
    float w = std::min(theme::px(360), area.w - theme::px(16));
    ImGui::SetNextWindowPos(ImVec2(area.x + area.w - theme::px(8), area.y + theme::px(8)), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, col(theme::panel_raised));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme::px(10));
    ImGui::Begin("##account", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(theme::fonts().bold);
    ImGui::TextUnformatted("Your account");
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight());
    if (ImGui::Button("\xC3\x97", ImVec2(ImGui::GetFrameHeight(), 0))) app.account.window_open = false;
    account_form(app, services);
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace web
