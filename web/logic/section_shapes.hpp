// The seat map's low level of detail: each section as one shape (the outline around its seats) labelled with
// how many of its seats this customer may pick; which section a plan point falls in; when seats give way to
// shapes.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "encore/catalog.hpp"

namespace web {

struct SectionShape {
    std::vector<encore::PlanPoint> outline;  // convex, counter-clockwise in plan units, a seat's width outside the seats
    encore::PlanPoint centre;                // mean of its seats: where its name and count go
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // bounds of the outline
    std::uint32_t seats = 0;
    std::uint32_t first_seat = 0;            // its first seat in plan order (for its band colour)
};

// The latest free counts and what they were counted from (a hash of the plan's selectable seats), so a frame
// whose seats did not change does not count again.
struct SectionCountsCache {
    std::size_t key = 0;
    std::vector<std::uint32_t> counts;
};

// One shape per plan section (an empty outline for a section without seats), plan.sections order.
std::vector<SectionShape> build_section_shapes(const encore::SeatingPlan& plan);
// The section whose outline holds (px, py), if any; where outlines overlap, the one with the nearer centre.
std::optional<std::uint32_t> section_at(const std::vector<SectionShape>& shapes, double px, double py);
// Per section: how many of its seats are selectable (selectable[i] answers for seat i, plan order; seats past
// its end count as not selectable).
std::vector<std::uint32_t> section_free_counts(const encore::SeatingPlan& plan, const std::vector<bool>& selectable);
// Sections are drawn instead of seats while a plan unit (about one seat) is smaller than this many CSS pixels.
constexpr double seat_detail_min_css_px = 6.0;
bool shows_sections(double scale, double dpr);

}  // namespace web
