// The keyboard's seat-to-seat rule on a plan's drawing: rows are the seats sharing section and row name.
#include "logic/seat_navigation.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace web {

namespace {

bool same_row(const encore::Seat& a, const encore::Seat& b) { return a.section == b.section && a.row == b.row; }

// The seats of `seat`'s row, and each row's mean height on the drawing.
struct RowInfo {
    std::vector<std::uint32_t> seats;
    double y = 0;
    std::uint32_t section = 0;
};

std::vector<RowInfo> rows_of(const encore::SeatingPlan& plan) {
    std::vector<RowInfo> rows;
    std::map<std::pair<std::uint32_t, std::string>, std::size_t> index;  // (section, row name) -> rows
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        const encore::Seat& s = plan.seats[i];
        auto [it, added] = index.try_emplace({s.section, s.row}, rows.size());
        if (added) rows.push_back(RowInfo{{}, 0, s.section});
        rows[it->second].seats.push_back(i);
    }
    for (RowInfo& r : rows) {
        double sum = 0;
        for (std::uint32_t i : r.seats) sum += plan.seats[i].at.y;
        r.y = sum / static_cast<double>(r.seats.size());
    }
    return rows;
}

std::optional<std::uint32_t> along_row(const encore::SeatingPlan& plan, std::uint32_t from, bool right) {
    const encore::Seat& here = plan.seats[from];
    std::optional<std::uint32_t> best;
    double best_dx = std::numeric_limits<double>::max();
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        const encore::Seat& s = plan.seats[i];
        if (i == from || !same_row(s, here)) continue;
        double dx = right ? s.at.x - here.at.x : here.at.x - s.at.x;
        if (dx > 1e-9 && dx < best_dx) best = i, best_dx = dx;
    }
    return best;
}

std::optional<std::uint32_t> across_rows(const encore::SeatingPlan& plan, std::uint32_t from, bool down) {
    const encore::Seat& here = plan.seats[from];
    std::vector<RowInfo> rows = rows_of(plan);
    double here_y = 0;
    for (const RowInfo& r : rows)
        if (same_row(plan.seats[r.seats.front()], here)) here_y = r.y;
    auto nearest_seat = [&](const RowInfo& r) {
        std::uint32_t best = r.seats.front();
        for (std::uint32_t i : r.seats)
            if (std::abs(plan.seats[i].at.x - here.at.x) < std::abs(plan.seats[best].at.x - here.at.x)) best = i;
        return best;
    };
    // Same section first: the nearest row that way; else any section: the nearest seat that way.
    for (bool same_section : {true, false}) {
        std::optional<std::uint32_t> best;
        double best_score = std::numeric_limits<double>::max();
        for (const RowInfo& r : rows) {
            double dy = down ? r.y - here_y : here_y - r.y;
            if (dy <= 1e-9 || (same_section && r.section != here.section)) continue;
            std::uint32_t seat = nearest_seat(r);
            double score = same_section ? dy : std::hypot(plan.seats[seat].at.x - here.at.x, dy);
            if (score < best_score) best = seat, best_score = score;
        }
        if (best) return best;
    }
    return std::nullopt;
}

std::optional<std::uint32_t> other_section(const encore::SeatingPlan& plan, std::uint32_t from, bool next) {
    const std::uint32_t here = plan.seats[from].section;
    std::optional<std::uint32_t> best;
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        std::uint32_t s = plan.seats[i].section;
        if (next ? s <= here : s >= here) continue;
        // next: the lowest section above here; previous: the highest below; its first seat in plan order.
        if (!best || (next ? s < plan.seats[*best].section : s > plan.seats[*best].section)) best = i;
    }
    return best;
}

}  // namespace

std::optional<std::uint32_t> next_seat(const encore::SeatingPlan& plan, std::uint32_t from, SeatStep step) {
    if (from >= plan.seats.size()) return std::nullopt;
    switch (step) {
        case SeatStep::left: return along_row(plan, from, false);
        case SeatStep::right: return along_row(plan, from, true);
        case SeatStep::up: return across_rows(plan, from, false);
        case SeatStep::down: return across_rows(plan, from, true);
        case SeatStep::next_section: return other_section(plan, from, true);
        case SeatStep::previous_section: return other_section(plan, from, false);
    }
    return std::nullopt;
}

std::optional<std::uint32_t> starting_seat(const encore::SeatingPlan& plan, std::optional<std::uint32_t> preferred) {
    if (preferred && *preferred < plan.seats.size()) return preferred;
    if (plan.seats.empty()) return std::nullopt;
    return 0u;
}

}  // namespace web
