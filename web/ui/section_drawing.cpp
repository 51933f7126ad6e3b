// Section outlines filled by band, their names and free counts (both only where they fit), and a lit outline
// for the section under the pointer.
#include "ui/section_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "logic/map_source.hpp"
#include "logic/section_view.hpp"
#include "ui/map_drawing.hpp"
#include "ui/theme.hpp"

namespace web {

namespace {

std::string free_text(std::uint32_t free) {
    if (free == 0) return "Sold out";
    std::string digits = std::to_string(free), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out + " free";
}

}  // namespace

void draw_section_shapes(ImDrawList* dl, const AppState& app, std::optional<std::uint32_t> hovered) {
    const encore::Venue* venue = map_venue(app);
    if (!venue) return;
    const ViewTransform& v = app.view;
    const std::vector<std::uint32_t> free = map_section_free_counts(app);
    const bool loaded = map_loaded(app);
    std::vector<ImVec2> pts;
    for (std::uint32_t i = 0; i < app.section_shapes.size(); ++i) {
        const SectionShape& s = app.section_shapes[i];
        if (s.outline.size() < 3) continue;
        float x0 = static_cast<float>(v.to_screen_x(s.min_x)), x1 = static_cast<float>(v.to_screen_x(s.max_x));
        float y0 = static_cast<float>(v.to_screen_y(s.min_y)), y1 = static_cast<float>(v.to_screen_y(s.max_y));
        if (x1 < v.rect_x || y1 < v.rect_y || x0 > v.rect_x + v.rect_w || y0 > v.rect_y + v.rect_h) continue;
        pts.clear();
        for (const encore::PlanPoint& p : s.outline)
            pts.push_back(ImVec2(static_cast<float>(v.to_screen_x(p.x)), static_cast<float>(v.to_screen_y(p.y))));
        std::uint32_t count = i < free.size() ? free[i] : 0;
        ImU32 band = seat_band_color(app, s.first_seat);
        bool lit = hovered && *hovered == i;
        ImU32 fill = !loaded ? theme::with_alpha(theme::seat_unavailable, 0.6f)
                     : count > 0 ? theme::with_alpha(band, lit ? 0.75f : 0.45f)
                                 : theme::with_alpha(theme::seat_unavailable, lit ? 1.0f : 0.8f);
        dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), fill);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), lit ? theme::text : theme::with_alpha(band, count > 0 ? 0.95f : 0.35f),
                        ImDrawFlags_Closed, lit ? theme::px(2) : theme::px(1));
        // Name above, free seats below, at a size the shape can hold.
        const std::string& name = venue->plan.sections[i].name;
        std::string count_text = loaded ? free_text(count) : "";
        float w = x1 - x0, h = y1 - y0;
        ImVec2 c(static_cast<float>(v.to_screen_x(s.centre.x)), static_cast<float>(v.to_screen_y(s.centre.y)));
        float area = 0;  // a slanted slice has a big bounding box but little room: size the text by its area too
        for (std::size_t k = 0; k < pts.size(); ++k) {
            const ImVec2& a = pts[k];
            const ImVec2& b = pts[(k + 1) % pts.size()];
            area += a.x * b.y - b.x * a.y;
        }
        float room = std::sqrt(std::fabs(area) / 2);
        float size = std::clamp(std::min({w / 7.0f, h / 3.2f, room / 4.5f}), theme::px(8), theme::px(15));
        w = std::min(w, room * 1.3f);
        ImFont* font = theme::fonts().bold;
        ImVec2 name_size = font->CalcTextSizeA(size, FLT_MAX, 0, name.c_str());
        ImVec2 count_size = font->CalcTextSizeA(size, FLT_MAX, 0, count_text.c_str());
        if (std::max(name_size.x, count_size.x) > w * 0.96f || size * 2.2f > h) {
            // Too small for both lines: the count alone if it fits.
            if (count_size.x <= w * 0.96f && size <= h) add_text_centered(dl, font, size, c, theme::text, count_text.c_str());
            continue;
        }
        add_text_centered(dl, font, size, ImVec2(c.x, c.y - size * 0.55f), theme::text, name.c_str());
        add_text_centered(dl, font, size, ImVec2(c.x, c.y + size * 0.6f),
                          count > 0 ? theme::text : theme::text_muted, count_text.c_str());
    }
}

}  // namespace web
