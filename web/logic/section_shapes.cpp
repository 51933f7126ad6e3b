// Convex outlines of sections (monotone chain over the seat centres, grown by the seat's reach), point in
// section, and counts of free seats per section.
#include "logic/section_shapes.hpp"

#include <algorithm>
#include <cmath>

namespace web {

namespace {

constexpr double seat_reach = 0.6;  // plan units around a seat centre that belong to its section

double cross(const encore::PlanPoint& o, const encore::PlanPoint& a, const encore::PlanPoint& b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

std::vector<encore::PlanPoint> convex_hull(std::vector<encore::PlanPoint> pts) {
    std::sort(pts.begin(), pts.end(), [](const encore::PlanPoint& a, const encore::PlanPoint& b) {
        return a.x < b.x || (a.x == b.x && a.y < b.y);
    });
    pts.erase(std::unique(pts.begin(), pts.end(), [](const encore::PlanPoint& a, const encore::PlanPoint& b) {
                  return a.x == b.x && a.y == b.y;
              }), pts.end());
    if (pts.size() < 3) return pts;
    std::vector<encore::PlanPoint> hull(2 * pts.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
        hull[k++] = pts[i];
    }
    for (std::size_t i = pts.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], pts[i - 1]) <= 0) --k;
        hull[k++] = pts[i - 1];
    }
    hull.resize(k - 1);
    return hull;
}

// The hull's corners pushed out by `reach` in eight directions, hulled again: a rounded, padded outline.
std::vector<encore::PlanPoint> grown(const std::vector<encore::PlanPoint>& hull, double reach) {
    std::vector<encore::PlanPoint> pts;
    pts.reserve(hull.size() * 8);
    for (const encore::PlanPoint& p : hull)
        for (int d = 0; d < 8; ++d) {
            double a = d * 3.14159265358979 / 4;
            pts.push_back({p.x + reach * std::cos(a), p.y + reach * std::sin(a)});
        }
    return convex_hull(std::move(pts));
}

bool inside(const std::vector<encore::PlanPoint>& outline, double px, double py) {
    if (outline.size() < 3) return false;
    encore::PlanPoint p{px, py};
    for (std::size_t i = 0; i < outline.size(); ++i)
        if (cross(outline[i], outline[(i + 1) % outline.size()], p) < 0) return false;
    return true;
}

}  // namespace

std::vector<SectionShape> build_section_shapes(const encore::SeatingPlan& plan) {
    std::vector<std::vector<encore::PlanPoint>> points(plan.sections.size());
    std::vector<SectionShape> shapes(plan.sections.size());
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        const encore::Seat& s = plan.seats[i];
        if (s.section >= points.size()) continue;
        if (points[s.section].empty()) shapes[s.section].first_seat = i;
        points[s.section].push_back(s.at);
    }
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        SectionShape& shape = shapes[i];
        if (points[i].empty()) continue;
        shape.seats = static_cast<std::uint32_t>(points[i].size());
        double sx = 0, sy = 0;
        for (const encore::PlanPoint& p : points[i]) sx += p.x, sy += p.y;
        shape.centre = {sx / static_cast<double>(points[i].size()), sy / static_cast<double>(points[i].size())};
        shape.outline = grown(convex_hull(std::move(points[i])), seat_reach);
        shape.min_x = shape.max_x = shape.outline[0].x;
        shape.min_y = shape.max_y = shape.outline[0].y;
        for (const encore::PlanPoint& p : shape.outline) {
            shape.min_x = std::min(shape.min_x, p.x), shape.max_x = std::max(shape.max_x, p.x);
            shape.min_y = std::min(shape.min_y, p.y), shape.max_y = std::max(shape.max_y, p.y);
        }
    }
    return shapes;
}

std::optional<std::uint32_t> section_at(const std::vector<SectionShape>& shapes, double px, double py) {
    std::optional<std::uint32_t> found;
    double best = 0;
    for (std::uint32_t i = 0; i < shapes.size(); ++i) {
        const SectionShape& s = shapes[i];
        if (px < s.min_x || px > s.max_x || py < s.min_y || py > s.max_y || !inside(s.outline, px, py)) continue;
        double d2 = (s.centre.x - px) * (s.centre.x - px) + (s.centre.y - py) * (s.centre.y - py);
        if (!found || d2 < best) found = i, best = d2;
    }
    return found;
}

std::vector<std::uint32_t> section_free_counts(const encore::SeatingPlan& plan, const std::vector<bool>& selectable) {
    std::vector<std::uint32_t> counts(plan.sections.size(), 0);
    std::size_t n = std::min(plan.seats.size(), selectable.size());
    for (std::size_t i = 0; i < n; ++i)
        if (selectable[i] && plan.seats[i].section < counts.size()) ++counts[plan.seats[i].section];
    return counts;
}

bool shows_sections(double scale, double dpr) { return scale < seat_detail_min_css_px * dpr; }

}  // namespace web
