// The seat map itself: input (drag, wheel, pinch, tap) applied to the view transform (logic/map_view), and
// drawing of the auditorium: backdrop, stage, section/row labels, seats; zoomed out, section shapes instead
// (ui/section_drawing), a tap on one zooming into it.
#include "ui/seat_map_view.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "browser/touch_input.hpp"
#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/seat_grid.hpp"
#include "logic/seat_preview.hpp"
#include "logic/section_view.hpp"
#include "ui/map_drawing.hpp"
#include "ui/map_focus_ring.hpp"
#include "ui/map_overlays.hpp"
#include "ui/section_drawing.hpp"
#include "ui/theme.hpp"

namespace web {

namespace {

constexpr float seat_radius_units = 0.42f;  // a plan unit is about one seat wide
constexpr float pi = 3.14159265f;
constexpr double tap_slop_css = 6;           // movement that turns a press into a drag
constexpr double tap_max_seconds = 0.6;

struct PressState {
    bool pressing = false;
    bool dragging = false;
    ImVec2 at;                       // where the press began (or the drag was last re-anchored)
    double time = 0;
    double offset_x = 0, offset_y = 0;  // view offset at that moment: a drag moves the plan with the pointer exactly
};
PressState g_press;
std::optional<std::uint32_t> g_hovered_section;  // zoomed out: the section under the pointer

ImVec2 to_screen(const ViewTransform& v, const encore::PlanPoint& p) {
    return ImVec2(static_cast<float>(v.to_screen_x(p.x)), static_cast<float>(v.to_screen_y(p.y)));
}

// Where a section's name may go, best first (plan units): the catalog's label_at, then just above and
// just below its seats. Also how many seats it has, so big sections are placed first.
struct LabelSpot {
    std::vector<ImVec2> candidates;
    std::size_t seats = 0;
};

std::vector<LabelSpot> section_label_spots(const AppState& app, const encore::SeatingPlan& plan) {
    std::size_t n = plan.sections.size();
    std::vector<LabelSpot> spots(n);
    for (std::size_t i = 0; i < n; ++i) {
        const encore::PlanPoint& p = plan.sections[i].label_at;
        if (p.x != 0 || p.y != 0) spots[i].candidates.push_back(ImVec2(static_cast<float>(p.x), static_cast<float>(p.y)));
        if (i >= app.section_shapes.size() || app.section_shapes[i].seats == 0) continue;
        const SectionShape& s = app.section_shapes[i];  // its outline reaches 0.6 beyond the seats
        float cx = static_cast<float>(s.min_x + s.max_x) / 2;
        spots[i].candidates.push_back(ImVec2(cx, static_cast<float>(s.min_y) - 0.7f));
        spots[i].candidates.push_back(ImVec2(cx, static_cast<float>(s.max_y) + 0.7f));
        spots[i].seats = s.seats;
    }
    return spots;
}

void handle_input(AppState& app, const encore::SeatingPlan& plan, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    ViewTransform& v = app.view;
    if (hovered && io.MouseWheel != 0) {
        zoom_view(app, std::pow(1.2, static_cast<double>(io.MouseWheel)), io.MousePos.x, io.MousePos.y);
        v.user_moved = true;
    }
    const Pinch& pinch = web::pinch();
    if (pinch.active && v.contains(pinch.center_x, pinch.center_y)) {
        v.offset_x += pinch.dx, v.offset_y += pinch.dy;
        zoom_view(app, pinch.scale, pinch.center_x, pinch.center_y);
        v.user_moved = true;
        g_press.pressing = false;
    }
    if (ImGui::IsItemActivated()) g_press = {true, false, io.MousePos, ImGui::GetTime(), v.offset_x, v.offset_y};
    if (g_press.pressing && (io.MouseWheel != 0 || pinch.active)) {  // zoomed mid-press: continue from here
        g_press.at = io.MousePos;
        g_press.offset_x = v.offset_x, g_press.offset_y = v.offset_y;
    }
    if (g_press.pressing && ImGui::IsItemActive()) {
        float dx = io.MousePos.x - g_press.at.x, dy = io.MousePos.y - g_press.at.y;
        if (!g_press.dragging && std::hypot(dx, dy) > tap_slop_css * app.dpr) g_press.dragging = true;
        if (g_press.dragging) {
            v.offset_x = g_press.offset_x + dx, v.offset_y = g_press.offset_y + dy;
            clamp_view(app, plan);
            v.user_moved = true;
        }
    }
    if (ImGui::IsItemDeactivated() && g_press.pressing) {
        if (!g_press.dragging && ImGui::GetTime() - g_press.time <= tap_max_seconds) {
            // Zoomed out, a tap on a section zooms into it. Touch: a first tap shows the seat, a second chooses it;
            // a click chooses at once (seat_preview.hpp).
            if (map_shows_sections(app)) {
                if (std::optional<std::uint32_t> section = section_under(app, g_press.at.x, g_press.at.y)) zoom_to_section(app, *section);
            } else if (std::optional<std::uint32_t> seat = seat_at(app, plan, g_press.at.x, g_press.at.y))
                tap_seat(app, *seat, web::touch_mode());
            else
                clear_seat_preview(app);
        }
        g_press.pressing = false;
    }
    app.hovered_seat.reset();
    g_hovered_section.reset();
    bool pointing = hovered && !g_press.dragging && !pinch.active && !web::touch_mode();
    if (pointing && map_shows_sections(app))
        g_hovered_section = section_under(app, io.MousePos.x, io.MousePos.y);
    else if (pointing)
        app.hovered_seat = seat_at(app, plan, io.MousePos.x, io.MousePos.y);
    if (g_press.dragging)
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    else if (g_hovered_section)
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    else if (app.hovered_seat && map_seat_kept(app, *app.hovered_seat) && !map_is_selected(app, *app.hovered_seat))
        ImGui::SetMouseCursor(ImGuiMouseCursor_NotAllowed);
    else if (app.hovered_seat && (map_can_select(app, *app.hovered_seat) || map_is_selected(app, *app.hovered_seat)))
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

void draw_backdrop(ImDrawList* dl, const AppState& app, const Rect& area, const encore::SeatingPlan& plan) {
    const ViewTransform& v = app.view;
    dl->AddRectFilled(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), theme::map_background);
    // A soft pool of light spilling from the stage into the auditorium (a radial gradient fan).
    ImVec2 glow = to_screen(v, {plan.stage.x + plan.stage.width / 2, plan.stage.y + plan.stage.height});
    float reach = static_cast<float>(std::max(plan.width, plan.height) * v.scale * 0.8);
    const int n = 64;
    ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(n * 3, n + 1);
    ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    dl->PrimWriteVtx(glow, uv, IM_COL32(255, 190, 110, 26));
    for (int i = 0; i < n; ++i) {
        float a = static_cast<float>(i) / n * 2 * pi;
        dl->PrimWriteVtx(ImVec2(glow.x + std::cos(a) * reach, glow.y + std::sin(a) * reach), uv, IM_COL32(255, 190, 110, 0));
    }
    for (int i = 0; i < n; ++i) {
        dl->PrimWriteIdx(base);
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 1 + i));
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 1 + (i + 1) % n));
    }
}

void draw_stage(ImDrawList* dl, const AppState& app, const encore::SeatingPlan& plan) {
    const ViewTransform& v = app.view;
    if (plan.stage.width <= 0 || plan.stage.height <= 0) return;
    ImVec2 a = to_screen(v, {plan.stage.x, plan.stage.y});
    ImVec2 b = to_screen(v, {plan.stage.x + plan.stage.width, plan.stage.y + plan.stage.height});
    float rounding = std::min((b.y - a.y) * 0.35f, theme::px(14));
    dl->AddRectFilled(a, b, theme::stage_bottom, rounding, ImDrawFlags_RoundCornersBottom);
    dl->AddRectFilledMultiColor(ImVec2(a.x, a.y), ImVec2(b.x, a.y + (b.y - a.y) * 0.6f), theme::stage_top,
                                theme::stage_top, theme::stage_bottom, theme::stage_bottom);
    dl->AddLine(ImVec2(a.x + rounding, b.y), ImVec2(b.x - rounding, b.y), theme::with_alpha(theme::accent, 0.6f),
                theme::px(1.5f));
    float size = std::clamp((b.y - a.y) * 0.38f, theme::px(9), theme::px(24));
    add_text_centered(dl, theme::fonts().label, size, ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), theme::stage_text,
                      "STAGE", size * 0.35f);
}

void draw_labels(ImDrawList* dl, const AppState& app, const encore::SeatingPlan& plan) {
    const ViewTransform& v = app.view;
    std::vector<LabelSpot> spots = section_label_spots(app, plan);
    std::vector<std::size_t> order(spots.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return spots[a].seats > spots[b].seats; });
    float size = std::clamp(static_cast<float>(v.scale) * 1.3f, theme::px(7.5f), theme::px(16));
    float r = static_cast<float>(v.scale) * seat_radius_units + theme::px(1);
    std::vector<ImVec4> placed;  // x0, y0, x1, y1 of labels already drawn, and the stage
    if (plan.stage.width > 0 && plan.stage.height > 0) {
        ImVec2 a = to_screen(v, {plan.stage.x, plan.stage.y});
        ImVec2 b = to_screen(v, {plan.stage.x + plan.stage.width, plan.stage.y + plan.stage.height});
        placed.push_back(ImVec4(a.x, a.y, b.x, b.y));
    }
    auto collides = [&](const ImVec4& box) {
        for (const ImVec4& o : placed)
            if (box.x < o.z && o.x < box.z && box.y < o.w && o.y < box.w) return true;
        bool hit = false;  // a seat's circle overlaps the box: look only at the seats the grid has near it
        double pad = r / v.scale;
        for_seats_in_rect(app.seat_grid, v.to_plan_x(box.x) - pad, v.to_plan_y(box.y) - pad, v.to_plan_x(box.z) + pad,
                          v.to_plan_y(box.w) + pad, [&](std::uint32_t) { hit = true; });
        return hit;
    };
    for (std::size_t i : order) {
        std::string name = plan.sections[i].name;
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::toupper(ch); });
        float spacing = size * 0.12f;
        ImVec2 text = theme::fonts().label->CalcTextSizeA(size, FLT_MAX, 0, name.c_str());
        float w = text.x + spacing * static_cast<float>(name.size()), h = size;
        std::optional<ImVec2> at;
        for (const ImVec2& p : spots[i].candidates) {
            ImVec2 c = to_screen(v, {p.x, p.y});
            ImVec4 box(c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2);
            if (!collides(box)) {
                at = c;
                placed.push_back(box);
                break;
            }
        }
        // A big section keeps its name even where it must overlap; a box or slip goes unnamed until zoomed in.
        if (!at && spots[i].seats >= 60 && !spots[i].candidates.empty()) at = to_screen(v, {spots[i].candidates[0].x, spots[i].candidates[0].y});
        if (at) add_text_centered(dl, theme::fonts().label, size, *at, theme::text_muted, name.c_str(), spacing);
    }
    // Row letters at both ends of each row once seats are big enough to read them.
    float seat_px = static_cast<float>(v.scale);
    if (seat_px < theme::px(11)) return;
    float row_size = std::clamp(seat_px * 0.55f, theme::px(9), theme::px(14));
    auto in_view = [&](const encore::PlanPoint& p) { return v.contains(v.to_screen_x(p.x), v.to_screen_y(p.y)); };
    for (const RowRun& r : app.rows) {
        if (r.last == r.first || plan.seats[r.first].row.empty()) continue;
        if (!in_view(plan.seats[r.first].at) && !in_view(plan.seats[r.last].at)) continue;
        const char* name = plan.seats[r.first].row.c_str();
        for (int end = 0; end < 2; ++end) {
            const encore::Seat& s0 = plan.seats[end == 0 ? r.first : r.last];
            const encore::Seat& s1 = plan.seats[end == 0 ? r.first + 1 : r.last - 1];
            double dx = s0.at.x - s1.at.x, dy = s0.at.y - s1.at.y, len = std::hypot(dx, dy);
            if (len <= 0) continue;
            encore::PlanPoint p{s0.at.x + dx / len * 1.15, s0.at.y + dy / len * 1.15};
            add_text_centered(dl, theme::fonts().bold, row_size, to_screen(v, p), theme::text_faint, name);
        }
    }
}

void draw_seats(ImDrawList* dl, const AppState& app, const encore::SeatingPlan& plan) {
    const ViewTransform& v = app.view;
    float r = std::max(static_cast<float>(v.scale) * seat_radius_units, theme::px(1.6f));
    const std::vector<encore::SeatState>& states = map_states(app);
    const std::vector<std::uint32_t> picked = map_selection(app);
    std::vector<bool> in_basket(plan.seats.size(), false);
    for (std::uint32_t i : picked)
        if (i < in_basket.size()) in_basket[i] = true;
    bool show_numbers = r >= theme::px(8.5f);
    float x0 = static_cast<float>(v.rect_x) - r, y0 = static_cast<float>(v.rect_y) - r;
    float x1 = static_cast<float>(v.rect_x + v.rect_w) + r, y1 = static_cast<float>(v.rect_y + v.rect_h) + r;
    auto visible = [&](ImVec2 c) { return c.x >= x0 && c.y >= y0 && c.x <= x1 && c.y <= y1; };
    const encore::SeatLocks& locks = map_seat_locks(app);
    std::vector<ImU32> band_colors;  // each band's colour parsed once a frame, not once a seat
    if (app.catalog)
        for (const encore::PriceBand& b : app.catalog->price_bands) band_colors.push_back(theme::color_from_hex(b.color, theme::not_on_sale));
    auto band_color = [&](std::uint32_t i) {
        int b = i < app.seat_band.size() ? app.seat_band[i] : -1;
        return b >= 0 && static_cast<std::size_t>(b) < band_colors.size() ? band_colors[static_cast<std::size_t>(b)] : theme::not_on_sale;
    };
    auto draw_one = [&](std::uint32_t i) {
        const encore::Seat& s = plan.seats[i];
        ImVec2 c = to_screen(v, s.at);
        if (in_basket[i]) return;
        SeatLook look = i < states.size() ? seat_look(states[i]) : SeatLook::unavailable;
        if (i < locks.types.size() && locks.types[i])
            draw_locked_seat_glyph(dl, c, r, band_color(i), look, i < locks.kept.size() && locks.kept[i]);
        else
            draw_seat_glyph(dl, c, r, band_color(i), s.attributes, look, show_numbers ? s.number.c_str() : nullptr);
    };
    double pad = r / v.scale;  // only the seats in view, found through the grid's buckets
    if (app.seat_grid.at.size() == plan.seats.size())
        for_seats_in_rect(app.seat_grid, v.to_plan_x(x0) - pad, v.to_plan_y(y0) - pad, v.to_plan_x(x1) + pad,
                          v.to_plan_y(y1) + pad, draw_one);
    else
        for (std::uint32_t i = 0; i < plan.seats.size(); ++i)
            if (visible(to_screen(v, plan.seats[i].at))) draw_one(i);
    for (std::uint32_t i : picked) {  // on top, so their larger marker is never covered
        ImVec2 c = to_screen(v, plan.seats[i].at);
        if (visible(c)) draw_seat_glyph(dl, c, r, seat_band_color(app, i), plan.seats[i].attributes, SeatLook::selected);
    }
    if (app.hovered_seat && *app.hovered_seat < plan.seats.size()) {
        ImVec2 c = to_screen(v, plan.seats[*app.hovered_seat].at);
        dl->AddCircle(c, r + theme::px(2.5f), IM_COL32(255, 255, 255, 230), 0, theme::px(1.5f));
    }
    if (std::optional<std::uint32_t> shown = previewed_seat(app); shown && *shown < plan.seats.size()) {
        ImVec2 c = to_screen(v, plan.seats[*shown].at);  // the seat a first tap showed: a ring that stands out
        dl->AddCircle(c, r + theme::px(3), theme::accent, 0, theme::px(2.5f));
        dl->AddCircle(c, r + theme::px(6), theme::with_alpha(theme::accent, 0.45f), 0, theme::px(1.5f));
    }
}

// Zoomed out: the basket's seats stay marked on top of their sections.
void draw_picked_seats(ImDrawList* dl, const AppState& app, const encore::SeatingPlan& plan) {
    const ViewTransform& v = app.view;
    float r = std::max(static_cast<float>(v.scale) * seat_radius_units, theme::px(1.6f));
    for (std::uint32_t i : map_selection(app))
        if (i < plan.seats.size()) draw_seat_glyph(dl, to_screen(v, plan.seats[i].at), r, seat_band_color(app, i), plan.seats[i].attributes, SeatLook::selected);
}

}  // namespace

void draw_seat_map(AppState& app, const Rect& area) {
    ImGui::SetNextWindowPos(ImVec2(area.x, area.y));
    ImGui::SetNextWindowSize(ImVec2(area.w, area.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##map", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
    ImGui::PopStyleVar();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const encore::Venue* venue = map_venue(app);
    if (!venue || venue->plan.width <= 0 || venue->plan.height <= 0) {
        dl->AddRectFilled(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), theme::map_background);
        ImGui::End();
        return;
    }
    const encore::SeatingPlan& plan = venue->plan;
    place_view(app, area, plan);
    ImGui::SetCursorScreenPos(ImVec2(area.x, area.y));
    ImGui::InvisibleButton("##seats", ImVec2(area.w, area.h));
    bool hovered = ImGui::IsItemHovered();
    handle_input(app, plan, hovered);

    dl->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), true);
    draw_backdrop(dl, app, area, plan);
    draw_stage(dl, app, plan);
    if (map_shows_sections(app)) {
        draw_section_shapes(dl, app, g_hovered_section);
        draw_picked_seats(dl, app, plan);
    } else {
        draw_labels(dl, app, plan);
        draw_seats(dl, app, plan);
    }
    draw_map_focus(dl, app, area, std::max(static_cast<float>(app.view.scale) * seat_radius_units, theme::px(1.6f)));
    if (area.w >= theme::px(520)) {
        const bool sections = map_shows_sections(app);
        const char* hint = web::touch_mode() ? (sections ? "Drag to move · pinch to zoom · tap a section to see its seats"
                                                         : "Drag to move · pinch to zoom · tap a seat to select it")
                                             : (sections ? "Drag to move · scroll to zoom · click a section to see its seats"
                                                         : "Drag to move · scroll to zoom · click a seat to select it");
        ImFont* small = theme::fonts().small;
        ImVec2 size = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, hint);
        ImVec2 at(area.x + theme::px(14), area.y + area.h - theme::px(14) - size.y - theme::px(6));
        dl->AddRectFilled(ImVec2(at.x, at.y), ImVec2(at.x + size.x + theme::px(16), at.y + size.y + theme::px(10)),
                          theme::with_alpha(theme::panel_raised, 0.85f), theme::px(8));
        dl->AddText(small, small->FontSize, ImVec2(at.x + theme::px(8), at.y + theme::px(5)), theme::text_muted, hint);
    }
    dl->PopClipRect();
    ImGui::End();

    if (app.hovered_seat && map_loaded(app)) draw_seat_tooltip(app, plan, *app.hovered_seat);
    draw_map_overlays(app, area);
}

}  // namespace web
