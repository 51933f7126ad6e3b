// Finger-sized buttons and choices for staff mode.
#include "ui/staff_widgets.hpp"

#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

bool staff_button(const char* label, const char* name, float width, bool primary, bool enabled) {
    const ImVec2 size(width < 0 ? ImGui::GetContentRegionAvail().x : width, theme::px(staff_target_css));
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = false;
    if (primary) {
        pressed = accent_button(label, name, size);
    } else {
        pressed = ImGui::Button(label, size);
        remember_widget(name);
    }
    if (!enabled) ImGui::EndDisabled();
    return pressed && enabled;
}

bool staff_choice(const char* label, const char* name, bool chosen, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, col(chosen ? theme::mix(theme::accent, theme::panel, 0.35f) : theme::panel_raised));
    ImGui::PushStyleColor(ImGuiCol_Text, col(chosen ? theme::background : theme::text));
    bool pressed = ImGui::Button(label, ImVec2(width, theme::px(staff_target_css)));
    remember_widget(name);
    ImGui::PopStyleColor(2);
    return pressed;
}

void staff_outcome(const std::string& message, const std::string& error) {
    if (!error.empty()) wrapped_text(error, theme::error, theme::fonts().bold);
    else if (!message.empty()) wrapped_text(message, theme::on_sale, theme::fonts().bold);
}

}  // namespace web
