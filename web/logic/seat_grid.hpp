// A grid of buckets over a seating plan's seats, built once per plan, so that finding the seat under a point or
// the seats in a rectangle looks only at the buckets nearby instead of at every seat.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "encore/catalog.hpp"

namespace web {

struct SeatGrid {
    double x0 = 0, y0 = 0;  // plan point of the first bucket's corner
    double cell = 1;        // bucket side, plan units
    int cols = 0, rows = 0;
    std::vector<std::uint32_t> start;  // bucket b holds seats[start[b] .. start[b + 1])
    std::vector<std::uint32_t> seats;  // seat indices, bucket by bucket, ascending within a bucket
    std::vector<encore::PlanPoint> at; // each seat's centre, plan order
    bool empty() const { return at.empty(); }
};

// About four seats a bucket, whatever the plan's size and spacing.
SeatGrid build_seat_grid(const encore::SeatingPlan& plan);
// The seat whose centre is nearest (px, py) and closer than `radius` (plan units); on a tie the lower index.
std::optional<std::uint32_t> nearest_seat(const SeatGrid& grid, double px, double py, double radius);
// The same answer found by looking at every seat (the reference the grid is tested against).
std::optional<std::uint32_t> nearest_seat_by_scan(const encore::SeatingPlan& plan, double px, double py, double radius);
// Calls visit(seat) for every seat whose centre lies in [x0, x1] × [y0, y1] (plan units), bucket by bucket.
template <class Visit>
void for_seats_in_rect(const SeatGrid& grid, double x0, double y0, double x1, double y1, Visit&& visit);

// Bucket column/row range covering [lo, hi] along one axis, clamped to the grid.
void grid_span(const SeatGrid& grid, double lo, double hi, bool along_x, int& first, int& last);

template <class Visit>
void for_seats_in_rect(const SeatGrid& grid, double x0, double y0, double x1, double y1, Visit&& visit) {
    if (grid.empty()) return;
    int c0, c1, r0, r1;
    grid_span(grid, x0, x1, true, c0, c1);
    grid_span(grid, y0, y1, false, r0, r1);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            std::size_t b = static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.cols) + static_cast<std::size_t>(c);
            for (std::uint32_t k = grid.start[b]; k < grid.start[b + 1]; ++k) {
                std::uint32_t seat = grid.seats[k];
                const encore::PlanPoint& p = grid.at[seat];
                if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) visit(seat);
            }
        }
}

}  // namespace web
