// The log-in / create-account form, the account button and its window; the requests are the logic's.
#include "ui/account_panel.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "logic/account_client.hpp"
#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

bool g_registering = false;
char g_email[128] = {}, g_name[96] = {}, g_password[128] = {};

bool labelled_input(const char* label, const char* id, char* buf, std::size_t size, ImGuiInputTextFlags flags = 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::SetNextItemWidth(-1);
    bool enter = ImGui::InputText(id, buf, size, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    remember_widget(id + 2);  // "##email" -> "email"
    return enter;
}

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
    float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (mode_button("Log in##mode", "login_mode", !g_registering, half)) g_registering = false, app.account.error.clear();
    ImGui::SameLine();
    if (mode_button("Create account##mode", "register_mode", g_registering, half)) g_registering = true, app.account.error.clear();
    ImGui::Spacing();
    bool submit = labelled_input("Email", "##email", g_email, sizeof g_email);
    if (g_registering) submit |= labelled_input("Your name", "##name", g_name, sizeof g_name);
    submit |= labelled_input(g_registering ? "Password (8 characters or more)" : "Password", "##password", g_password,
                             sizeof g_password, ImGuiInputTextFlags_Password);
    ImGui::Spacing();
    ImGui::BeginDisabled(app.account.busy);
    ImGui::PushStyleColor(ImGuiCol_Button, col(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(theme::mix(theme::accent, IM_COL32_WHITE, 0.15f)));
    ImGui::PushStyleColor(ImGuiCol_Text, col(theme::background));
    const char* label = app.account.busy ? "Please wait…###submit" : g_registering ? "Create account###submit" : "Log in###submit";
    submit |= ImGui::Button(label, ImVec2(-1, 0));
    remember_widget("account_submit");
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
    if (submit && !app.account.busy) {
        if (g_registering && std::strlen(g_password) < 8)
            app.account.error = "Choose a password of at least 8 characters.";
        else if (g_registering)
            register_account(app, services, g_email, g_name, g_password);
        else
            log_in(app, services, g_email, g_password);
    }
    if (!app.account.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::error));
        ImGui::TextWrapped("%s", app.account.error.c_str());
        ImGui::PopStyleColor();
    }
    if (!app.account.token.empty()) std::memset(g_password, 0, sizeof g_password);  // signed in: forget it
}

float draw_account_button(AppState& app, Services& services, float right_x, float center_y, bool show_name) {
    bool signed_in = !app.account.token.empty();
    std::string who = app.account.name.empty() ? app.account.email : app.account.name;
    std::string label = signed_in ? "Log out" : "Log in";
    ImVec2 size = ImGui::CalcTextSize(label.c_str());
    float w = size.x + ImGui::GetStyle().FramePadding.x * 2, h = ImGui::GetFrameHeight();
    ImGui::SetCursorScreenPos(ImVec2(right_x - w, center_y - h / 2));
    if (ImGui::Button(label.c_str())) {
        if (signed_in) log_out(app, services);
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
    if (!app.account.window_open || !app.account.token.empty()) {
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
