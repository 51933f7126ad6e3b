// Best available: blocks of seats side by side in a row, scored, the best one proposed.
#include "encore/best_available.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace encore {

namespace {

// Seats side by side: consecutive in plan order, same section and row, and no wider apart than 1.5 times
// the section's usual spacing (the median distance between neighbours in its rows; the whole plan's for
// a section with fewer than 4 neighbours, such as a box), so an aisle breaks a row into runs.
struct Run {
    std::uint32_t first = 0, end = 0;  // plan indices [first, end)
};

double squared_distance(const PlanPoint& a, const PlanPoint& b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

bool same_row(const Seat& a, const Seat& b) { return a.section == b.section && a.row == b.row; }

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
    return values[values.size() / 2];
}

std::vector<Run> runs_of_seats(const SeatingPlan& plan) {
    const std::vector<Seat>& seats = plan.seats;
    std::vector<std::vector<double>> gaps(plan.sections.size());
    std::vector<double> all_gaps;
    for (std::size_t s = 1; s < seats.size(); ++s)
        if (same_row(seats[s - 1], seats[s]) && seats[s].section < gaps.size()) {
            gaps[seats[s].section].push_back(squared_distance(seats[s - 1].at, seats[s].at));
            all_gaps.push_back(gaps[seats[s].section].back());
        }
    const double plan_usual = median(all_gaps);
    std::vector<double> widest(gaps.size(), 0);  // per section: the largest squared gap still side by side
    for (std::size_t section = 0; section < gaps.size(); ++section)
        widest[section] = 2.25 * (gaps[section].size() < 4 ? plan_usual : median(gaps[section]));
    std::vector<Run> runs;
    for (std::uint32_t s = 0; s < seats.size(); ++s) {
        const bool joins = s > 0 && same_row(seats[s - 1], seats[s]) &&
                           (seats[s].section >= widest.size() || widest[seats[s].section] == 0 ||
                            squared_distance(seats[s - 1].at, seats[s].at) <= widest[seats[s].section]);
        if (joins) runs.back().end = s + 1;
        else runs.push_back({s, s + 1});
    }
    return runs;
}

// How good a seat is, lower is better: its distance r to the centre of the stage plus how far it is off
// the stage's centre line measured along the arc at that distance (r times the angle off the line),
// so a seat one place to the side costs about as much as a row further back, on straight and curved
// rows alike. In thousandths of a plan unit, so sums are exact and ties are true ties.
std::vector<std::int64_t> seat_scores(const SeatingPlan& plan) {
    const PlanPoint stage{plan.stage.x + plan.stage.width / 2, plan.stage.y + plan.stage.height / 2};
    PlanPoint audience{0, 0};  // the direction the audience sits in, from the stage: one of the plan's axes
    for (const Seat& s : plan.seats) {
        audience.x += s.at.x - stage.x;
        audience.y += s.at.y - stage.y;
    }
    const bool sideways = std::fabs(audience.x) > std::fabs(audience.y);
    const double sign = (sideways ? audience.x : audience.y) < 0 ? -1.0 : 1.0;
    std::vector<std::int64_t> scores;
    scores.reserve(plan.seats.size());
    for (const Seat& s : plan.seats) {
        const double dx = s.at.x - stage.x, dy = s.at.y - stage.y;
        const double along = sign * (sideways ? dx : dy), across = std::fabs(sideways ? dy : dx);
        const double r = std::sqrt(dx * dx + dy * dy);
        scores.push_back(std::llround(r * (1 + std::atan2(across, along)) * 1000));
    }
    return scores;
}

SeatProposal refuse(std::string code, std::string reason) {
    SeatProposal p;
    p.code = std::move(code);
    p.reason = std::move(reason);
    return p;
}

std::string seats_phrase(int n) { return n == 1 ? "1 seat" : std::to_string(n) + " seats"; }

}  // namespace

SeatProposal best_available(const SeatingPlan& plan, const std::vector<bool>& selectable, const SeatRequest& request) {
    const int n = request.seats, w = request.wheelchair_spaces;
    if (n < 1) return refuse("invalid_request", "ask for at least one seat");
    if (w < 0 || w > n) return refuse("invalid_request", "a request cannot have more wheelchair spaces than seats");
    const std::vector<Seat>& seats = plan.seats;
    if (selectable.size() != seats.size()) return refuse("invalid_request", "the seat states do not match the seating plan");
    bool any_wheelchair = false, any_companion = false;
    for (const Seat& s : seats) {
        any_wheelchair = any_wheelchair || s.has(seat_wheelchair);
        any_companion = any_companion || s.has(seat_companion);
    }
    if (w > 0 && !any_wheelchair) return refuse("no_wheelchair_space", "this venue has no wheelchair spaces");
    const std::vector<Run> runs = runs_of_seats(plan);
    std::uint32_t longest = 0;
    for (const Run& r : runs) longest = std::max(longest, r.end - r.first);
    if (static_cast<std::uint32_t>(n) > longest)
        return refuse("too_many_seats", "no row here has " + seats_phrase(n) +
                                            " side by side; book them in smaller groups or pick seats by hand");

    // Without a wheelchair request, wheelchair spaces and companion seats are left for those who need them.
    auto usable = [&](std::uint32_t s) {
        return selectable[s] && (w > 0 || !(seats[s].has(seat_wheelchair) || seats[s].has(seat_companion)));
    };
    const std::vector<std::int64_t> scores = seat_scores(plan);
    // Lexicographic score: strands a single, restricted-view seats, level, the seats' scores, first seat.
    using Score = std::tuple<bool, int, int, std::int64_t, std::uint32_t>;
    bool found = false;
    Score best{};
    for (const Run& run : runs) {
        if (run.end - run.first < static_cast<std::uint32_t>(n)) continue;
        for (std::uint32_t first = run.first; first + n <= run.end; ++first) {
            const std::uint32_t end = first + n;
            int wheelchairs = 0, restricted = 0;
            std::int64_t score = 0;
            bool ok = true;
            for (std::uint32_t s = first; s < end && ok; ++s) {
                ok = usable(s);
                wheelchairs += seats[s].has(seat_wheelchair);
                restricted += seats[s].has(seat_restricted_view);
                score += scores[s];
            }
            if (!ok || wheelchairs != w) continue;
            if (w > 0 && n > w) {  // each wheelchair space has its companion beside it in the block
                auto companion = [&](std::uint32_t s) { return !any_companion || seats[s].has(seat_companion); };
                for (std::uint32_t s = first; s < end && ok; ++s)
                    if (seats[s].has(seat_wheelchair))
                        ok = (s > first && companion(s - 1)) || (s + 1 < end && companion(s + 1));
                if (!ok) continue;
            }
            auto single_beside = [&](std::int64_t from, int step) {  // exactly one selectable seat, then none
                int free = 0;
                for (std::int64_t s = from; s >= run.first && s < run.end && free < 2 && selectable[s]; s += step) ++free;
                return free == 1;
            };
            const bool strands = single_beside(static_cast<std::int64_t>(first) - 1, -1) || single_beside(end, +1);
            const int level = seats[first].section < plan.sections.size() ? plan.sections[seats[first].section].level : 0;
            const Score candidate{strands, restricted, level, score, first};
            if (!found || candidate < best) best = candidate, found = true;
        }
    }
    if (!found)
        return refuse("no_seats_together",
                      "there are no " + seats_phrase(n) + " free side by side in one row" +
                          (w > 0 ? std::string(" with a wheelchair space and a companion seat beside it") : "") +
                          "; try fewer seats or pick seats by hand");
    SeatProposal proposal;
    proposal.leaves_single = std::get<0>(best);
    for (std::uint32_t s = std::get<4>(best); s < std::get<4>(best) + static_cast<std::uint32_t>(n); ++s)
        proposal.seats.push_back(s);
    return proposal;
}

}  // namespace encore
