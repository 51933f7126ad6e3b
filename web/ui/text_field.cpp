// The field's label and box; the box lights up while its input has the keyboard.
#include "ui/text_field.hpp"

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/ui_helpers.hpp"

namespace web {

namespace {

void draw_field(AppState& app, const char* id, const char* form, const char* label, FieldKind kind, std::string& value, float width,
                bool focus_on_appear) {
    const bool hidden_label = label && label[0] == '#' && label[1] == '#';  // "##Search": named, not drawn
    if (label && *label && !hidden_label) {
        ImGui::PushStyleColor(ImGuiCol_Text, col(theme::text_muted));
        ImGui::TextUnformatted(label);
        ImGui::PopStyleColor();
    }
    float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    float h = std::max(ImGui::GetFrameHeight(), theme::px(40));  // a finger-sized box
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    remember_widget(id);
    ImVec2 b(a.x + w, a.y + h);
    const bool focused = app.page.fields.focused == id;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, theme::field_background, theme::px(6));
    dl->AddRect(a, b, focused ? theme::accent : theme::field_border, theme::px(6), 0, focused ? theme::px(2) : theme::px(1.2f));
    // Where the input goes, in CSS pixels, and the part of it inside this window.
    const float d = static_cast<float>(app.dpr > 0 ? app.dpr : 1);
    ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    float vx0 = std::max(a.x, clip_min.x), vy0 = std::max(a.y, clip_min.y);
    float vx1 = std::min(b.x, clip_max.x), vy1 = std::min(b.y, clip_max.y);
    Rect box{a.x / d, a.y / d, w / d, h / d};
    Rect visible{vx0 / d, vy0 / d, std::max(0.f, vx1 - vx0) / d, std::max(0.f, vy1 - vy0) / d};
    show_field(app.page.fields, {.id = id, .form = form, .label = !label ? id : hidden_label ? label + 2 : label, .kind = kind,
                                 .value = &value, .box = box, .visible = visible, .focus_on_appear = focus_on_appear});
}

}  // namespace

void text_field(AppState& app, const char* id, const char* form, const char* label, FieldKind kind, std::string& value, float width) {
    draw_field(app, id, form, label, kind, value, width, false);
}

void focused_text_field(AppState& app, const char* id, const char* form, const char* label, FieldKind kind, std::string& value,
                        float width) {
    draw_field(app, id, form, label, kind, value, width, true);
}

}  // namespace web
