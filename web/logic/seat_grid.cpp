// Buckets of seats by plan position (a counting sort into a flat array), and the nearest seat from them.
#include "logic/seat_grid.hpp"

#include <algorithm>
#include <cmath>

namespace web {

SeatGrid build_seat_grid(const encore::SeatingPlan& plan) {
    SeatGrid g;
    if (plan.seats.empty()) return g;
    double min_x = plan.seats[0].at.x, max_x = min_x, min_y = plan.seats[0].at.y, max_y = min_y;
    for (const encore::Seat& s : plan.seats) {
        min_x = std::min(min_x, s.at.x), max_x = std::max(max_x, s.at.x);
        min_y = std::min(min_y, s.at.y), max_y = std::max(max_y, s.at.y);
    }
    double w = std::max(max_x - min_x, 1e-6), h = std::max(max_y - min_y, 1e-6);
    double n = static_cast<double>(plan.seats.size());
    g.cell = std::max(std::sqrt(w * h * 4 / n), 1e-3);
    // A plan that is one long line would otherwise get one huge bucket.
    g.cell = std::min(g.cell, std::max(w, h) / std::max(1.0, std::sqrt(n)));
    g.cell = std::max(g.cell, 1e-3);
    g.x0 = min_x, g.y0 = min_y;
    g.cols = std::min(static_cast<int>(w / g.cell) + 1, 4096);
    g.rows = std::min(static_cast<int>(h / g.cell) + 1, 4096);
    g.cell = std::max(g.cell, std::max(w / g.cols, h / g.rows) * (1 + 1e-9));
    std::size_t buckets = static_cast<std::size_t>(g.cols) * static_cast<std::size_t>(g.rows);
    g.start.assign(buckets + 1, 0);
    g.at.reserve(plan.seats.size());
    std::vector<std::uint32_t> bucket_of(plan.seats.size());
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        const encore::PlanPoint& p = plan.seats[i].at;
        g.at.push_back(p);
        int c = std::clamp(static_cast<int>((p.x - g.x0) / g.cell), 0, g.cols - 1);
        int r = std::clamp(static_cast<int>((p.y - g.y0) / g.cell), 0, g.rows - 1);
        bucket_of[i] = static_cast<std::uint32_t>(r * g.cols + c);
        ++g.start[bucket_of[i] + 1];
    }
    for (std::size_t b = 0; b < buckets; ++b) g.start[b + 1] += g.start[b];
    g.seats.resize(plan.seats.size());
    std::vector<std::uint32_t> fill(g.start.begin(), g.start.end() - 1);
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) g.seats[fill[bucket_of[i]]++] = i;
    return g;
}

void grid_span(const SeatGrid& grid, double lo, double hi, bool along_x, int& first, int& last) {
    double origin = along_x ? grid.x0 : grid.y0;
    int count = along_x ? grid.cols : grid.rows;
    double a = std::floor((lo - origin) / grid.cell), b = std::floor((hi - origin) / grid.cell);
    first = static_cast<int>(std::clamp(a, 0.0, static_cast<double>(count - 1)));
    last = static_cast<int>(std::clamp(b, 0.0, static_cast<double>(count - 1)));
    if (hi < origin || a > count - 1) last = first - 1;  // wholly outside: nothing to visit
}

std::optional<std::uint32_t> nearest_seat(const SeatGrid& grid, double px, double py, double radius) {
    if (grid.empty() || !(radius > 0)) return std::nullopt;
    double best = radius * radius;
    std::optional<std::uint32_t> found;
    for_seats_in_rect(grid, px - radius, py - radius, px + radius, py + radius, [&](std::uint32_t seat) {
        double dx = grid.at[seat].x - px, dy = grid.at[seat].y - py;
        double d2 = dx * dx + dy * dy;
        if (d2 < best || (d2 == best && found && seat < *found)) best = d2, found = seat;
    });
    return found;
}

std::optional<std::uint32_t> nearest_seat_by_scan(const encore::SeatingPlan& plan, double px, double py, double radius) {
    double best = radius * radius;
    std::optional<std::uint32_t> found;
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        double dx = plan.seats[i].at.x - px, dy = plan.seats[i].at.y - py;
        double d2 = dx * dx + dy * dy;
        if (d2 < best) best = d2, found = i;
    }
    return found;
}

}  // namespace web
