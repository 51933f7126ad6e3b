// The zoomed-out seat map on the app: whether it shows section shapes now, the section under a screen point,
// each section's free seats for this customer, and zooming the view to one section.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "logic/app_state.hpp"

namespace web {

// The scale (backing-store pixels per plan unit) below which sections are drawn instead of seats: six CSS pixels
// a seat (shows_sections), or, for a plan small enough that the whole of it fits at three or more, 0.8 of the scale
// that fits it, so a theatre on a tablet or phone still opens on its seats and shows sections only zoomed out.
double section_detail_threshold(double fit_scale, double dpr);
// The map is zoomed out far enough that sections are drawn as shapes instead of seats.
bool map_shows_sections(const AppState& app);
// The section whose shape is under (sx, sy) (backing-store pixels), if the point is on the map.
std::optional<std::uint32_t> section_under(const AppState& app, double sx, double sy);
// Per section of the map's plan: the seats this customer may pick now (what map_can_select says, seat by seat).
std::vector<std::uint32_t> map_section_free_counts(const AppState& app);
// Zooms so the section fills the map (and its seats are drawn), centred on it.
void zoom_to_section(AppState& app, std::uint32_t section);

}  // namespace web
