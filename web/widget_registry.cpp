// A name -> rectangle table refreshed every drawn frame.
#include "widget_registry.hpp"

#include <string>
#include <unordered_map>

namespace web {

namespace {
struct Entry {
    WidgetRect rect;
    int frame = 0;
};
std::unordered_map<std::string, Entry> g_widgets;
int g_frame = 0;
}  // namespace

void begin_widget_frame() { ++g_frame; }

void remember_widget(const char* name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_widgets[name] = {{a.x, a.y, b.x - a.x, b.y - a.y, true}, g_frame};
}

std::optional<WidgetRect> widget_rect(const char* name) {
    auto it = g_widgets.find(name);
    if (it == g_widgets.end()) return std::nullopt;
    WidgetRect r = it->second.rect;
    r.current = it->second.frame == g_frame;
    return r;
}

}  // namespace web
