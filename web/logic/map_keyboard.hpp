// The seat map from the keyboard: which keys do what (arrows move between seats and rows, Page Up/Down between
// sections, Enter/Space chooses, +/- zoom, Escape leaves), the focused seat kept in view, and each move spoken.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace web {

struct AppState;

enum class MapKey { left, right, up, down, previous_section, next_section, choose, zoom_in, zoom_out, escape };

// A DOM KeyboardEvent.key ("ArrowLeft", "PageDown", "Enter", " ", "+", "=", "-", "Escape") as a map key.
std::optional<MapKey> map_key_from_dom(std::string_view key);
// The map's element took or lost the keyboard: on taking it the keyboard's seat comes back (or starts at the
// first seat in the basket, else the first the customer may choose, else the plan's first) and is spoken.
void map_focus_changed(AppState& app, bool focused);
// A key on the map; false when the key means nothing here (then the page keeps it, e.g. Tab).
bool press_map_key(AppState& app, MapKey key);
// Escape anywhere: closes the checkout (when it is not busy) or, failing that, the account window; else clears the
// keyboard's seat. True when something closed or cleared.
bool press_escape(AppState& app);
// The keyboard's seat when it is on the map shown.
std::optional<std::uint32_t> focused_seat(const AppState& app);
// Makes `seat` the keyboard's seat, pans the map so it is in view, and speaks it.
void focus_seat(AppState& app, std::uint32_t seat);
// Pans the map (no zoom) so `seat` is at least a margin inside the map's area.
void keep_seat_in_view(AppState& app, std::uint32_t seat);

}  // namespace web
