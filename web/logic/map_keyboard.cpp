// Keys on the seat map: moves by the plan's navigation rule (seat_navigation), choosing like a click (tap_seat),
// zoom about the focused seat (map_view), and the live region's words (map_announcements).
#include "logic/map_keyboard.hpp"

#include <algorithm>

#include "logic/app_state.hpp"
#include "logic/map_announcements.hpp"
#include "logic/map_source.hpp"
#include "logic/map_view.hpp"
#include "logic/seat_navigation.hpp"
#include "logic/seat_preview.hpp"

namespace web {

namespace {

// Where the keyboard starts on the map shown.
std::optional<std::uint32_t> first_seat(const AppState& app, const encore::SeatingPlan& plan) {
    std::vector<std::uint32_t> picked = map_selection(app);
    if (!picked.empty()) return picked.front();
    const std::vector<bool> selectable = map_selectable(app);  // once: asking seat by seat is O(seats) each
    for (std::uint32_t i = 0; i < plan.seats.size() && i < selectable.size(); ++i)
        if (selectable[i]) return i;
    return starting_seat(plan, std::nullopt);
}

void zoom_about_focus(AppState& app, double factor) {
    const ViewTransform& v = app.view;
    double sx = v.rect_x + v.rect_w / 2, sy = v.rect_y + v.rect_h / 2;
    std::optional<std::uint32_t> seat = focused_seat(app);
    if (seat)
        if (std::optional<ScreenPoint> at = seat_screen_position(app, *seat); at && v.contains(at->x, at->y)) sx = at->x, sy = at->y;
    zoom_view(app, factor, sx, sy);
    app.view.user_moved = true;
    if (seat) keep_seat_in_view(app, *seat);
}

}  // namespace

std::optional<MapKey> map_key_from_dom(std::string_view key) {
    if (key == "ArrowLeft" || key == "Left") return MapKey::left;
    if (key == "ArrowRight" || key == "Right") return MapKey::right;
    if (key == "ArrowUp" || key == "Up") return MapKey::up;
    if (key == "ArrowDown" || key == "Down") return MapKey::down;
    if (key == "PageUp") return MapKey::previous_section;
    if (key == "PageDown") return MapKey::next_section;
    if (key == "Enter" || key == " " || key == "Spacebar") return MapKey::choose;
    if (key == "+" || key == "=" || key == "Add") return MapKey::zoom_in;
    if (key == "-" || key == "_" || key == "Subtract") return MapKey::zoom_out;
    if (key == "Escape" || key == "Esc") return MapKey::escape;
    return std::nullopt;
}

std::optional<std::uint32_t> focused_seat(const AppState& app) {
    const MapAccessState& a = app.page.access;
    const encore::Venue* venue = map_venue(app);
    if (!a.seat || !venue || a.map != map_key(app) || *a.seat >= venue->plan.seats.size()) return std::nullopt;
    return a.seat;
}

void keep_seat_in_view(AppState& app, std::uint32_t seat) {
    std::optional<ScreenPoint> at = seat_screen_position(app, seat);
    if (!at) return;
    ViewTransform& v = app.view;
    double margin = std::min({40 * app.dpr, v.rect_w / 4, v.rect_h / 4});
    auto pull = [](double& offset, double p, double lo, double hi) {
        if (p < lo) offset += lo - p;
        else if (p > hi) offset -= p - hi;
    };
    double ox = v.offset_x, oy = v.offset_y;
    pull(v.offset_x, at->x, v.rect_x + margin, v.rect_x + v.rect_w - margin);
    pull(v.offset_y, at->y, v.rect_y + margin, v.rect_y + v.rect_h - margin);
    if (ox != v.offset_x || oy != v.offset_y) v.user_moved = true;
}

void focus_seat(AppState& app, std::uint32_t seat) {
    MapAccessState& a = app.page.access;
    a.seat = seat;
    a.map = map_key(app);
    keep_seat_in_view(app, seat);
    announce(app, spoken_seat(app, seat));
}

void map_focus_changed(AppState& app, bool focused) {
    app.page.access.map_has_focus = focused;
    if (!focused) return;
    const encore::Venue* venue = map_venue(app);
    if (!venue) {
        announce(app, "The seat map is loading.");
        return;
    }
    std::optional<std::uint32_t> seat = focused_seat(app);
    if (!seat) seat = first_seat(app, venue->plan);
    if (seat) focus_seat(app, *seat);
}

bool press_map_key(AppState& app, MapKey key) {
    if (key == MapKey::escape) return press_escape(app);
    const encore::Venue* venue = map_venue(app);
    if (!venue) return false;
    if (key == MapKey::zoom_in || key == MapKey::zoom_out) {
        zoom_about_focus(app, key == MapKey::zoom_in ? 1.25 : 0.8);
        return true;
    }
    std::optional<std::uint32_t> seat = focused_seat(app);
    if (!seat) {  // the first key after Escape brings the keyboard's seat back
        if (std::optional<std::uint32_t> start = first_seat(app, venue->plan)) focus_seat(app, *start);
        return true;
    }
    if (key == MapKey::choose) {
        SeatTap tap = tap_seat(app, *seat, false);
        if (tap == SeatTap::refused || (tap != SeatTap::added && tap != SeatTap::removed))
            announce(app, spoken_seat(app, *seat) + (app.notice.empty() ? "" : ". " + app.notice));
        return true;
    }
    static constexpr std::pair<MapKey, SeatStep> steps[] = {
        {MapKey::left, SeatStep::left}, {MapKey::right, SeatStep::right}, {MapKey::up, SeatStep::up},
        {MapKey::down, SeatStep::down}, {MapKey::previous_section, SeatStep::previous_section},
        {MapKey::next_section, SeatStep::next_section}};
    for (const auto& [k, step] : steps) {
        if (k != key) continue;
        if (std::optional<std::uint32_t> next = next_seat(venue->plan, *seat, step)) focus_seat(app, *next);
        else announce(app, "No seat that way. " + spoken_seat(app, *seat));
        return true;
    }
    return false;
}

bool press_escape(AppState& app) {
    if (app.checkout.open && app.checkout.step == CheckoutStep::idle) {
        app.checkout.open = false;
        announce(app, "Checkout closed.");
        return true;
    }
    if (app.account.window_open) {
        app.account.window_open = false;
        return true;
    }
    if (app.page.access.seat) {
        app.page.access.seat.reset();
        clear_seat_preview(app);
        announce(app, "No seat focused.");
        return true;
    }
    return false;
}

}  // namespace web
