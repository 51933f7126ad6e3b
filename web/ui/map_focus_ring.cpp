// The map's focus outline and the focused seat's ring, sized in CSS pixels so they scale with the DPR and zoom.
#include "ui/map_focus_ring.hpp"

#include <algorithm>

#include "logic/map_keyboard.hpp"
#include "logic/map_view.hpp"
#include "ui/theme.hpp"

namespace web {

void draw_map_focus(ImDrawList* dl, const AppState& app, const Rect& area, float seat_radius) {
    if (app.page.access.map_has_focus) {
        float inset = theme::px(1.5f);
        dl->AddRect(ImVec2(area.x + inset, area.y + inset), ImVec2(area.x + area.w - inset, area.y + area.h - inset),
                    theme::with_alpha(theme::accent, 0.9f), theme::px(4), 0, theme::px(3));
    }
    std::optional<std::uint32_t> seat = focused_seat(app);
    if (!seat) return;
    std::optional<ScreenPoint> at = seat_screen_position(app, *seat);
    if (!at) return;
    ImVec2 c(static_cast<float>(at->x), static_cast<float>(at->y));
    float r = std::max(seat_radius + theme::px(4), theme::px(9));
    dl->AddCircle(c, r + theme::px(2), IM_COL32(0, 0, 0, 200), 0, theme::px(3));
    dl->AddCircle(c, r, theme::focus_ring, 0, theme::px(3));
}

}  // namespace web
