// Demo sales generator: clumps of neighbouring seats, like groups booking together, never uniform noise.
#include "catalog/demo_seed.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace encore::server {
namespace {

constexpr double min_sold_share = 0.15;
constexpr double max_sold_share = 0.35;

// splitmix64, seeded from the instance id so each instance has its own stable pattern.
class Random {
public:
    explicit Random(std::string_view seed) {
        state_ = 0xcbf29ce484222325ULL;
        for (unsigned char byte : seed) state_ = (state_ ^ byte) * 0x100000001b3ULL;
    }
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t state_;
};

// A row of a plan: seats [begin, end) in plan order, all in one section.
struct RowSpan {
    std::size_t begin, end;
    std::uint32_t section;
};

std::vector<RowSpan> rows_of(const SeatingPlan& plan) {
    std::vector<RowSpan> rows;
    for (std::size_t i = 0; i < plan.seats.size(); ++i) {
        const Seat& seat = plan.seats[i];
        if (rows.empty() || seat.section != rows.back().section || seat.row != plan.seats[rows.back().begin].row)
            rows.push_back({i, i, seat.section});
        rows.back().end = i + 1;
    }
    return rows;
}

// 1 for the seat closest to the front centre, falling to 0.3 for the farthest.
std::vector<double> desirability(const SeatingPlan& plan) {
    const double centre_x = plan.stage.x + plan.stage.width / 2;
    const double front_y = plan.stage.y + plan.stage.height;
    std::vector<double> distance;
    for (const Seat& seat : plan.seats) distance.push_back(std::hypot(seat.at.x - centre_x, seat.at.y - front_y));
    const double farthest = std::max(1e-9, *std::max_element(distance.begin(), distance.end()));
    for (double& d : distance) d = 1.0 - 0.7 * (d / farthest);
    return distance;
}

class InstanceSeeder {
public:
    InstanceSeeder(const Instance& instance, const SeatingPlan& plan)
        : plan_(plan), random_(instance.id.value), rows_(rows_of(plan)), weight_(desirability(plan)),
          states_(plan.seats.size(), SeatState::open), row_of_(plan.seats.size()) {
        for (std::size_t r = 0; r < rows_.size(); ++r)
            for (std::size_t s = rows_[r].begin; s < rows_[r].end; ++s) row_of_[s] = r;
    }

    std::vector<SeatState> run() {
        sell_in_clumps();
        hold_a_few_pairs();
        return states_;
    }

private:
    void sell_in_clumps() {
        const std::size_t n = states_.size();
        const auto lowest = static_cast<std::size_t>(std::ceil(n * min_sold_share));
        const auto highest = std::max(lowest, static_cast<std::size_t>(std::floor(n * max_sold_share)));
        target_ = std::min(n, lowest + random_.below(highest - lowest + 1));
        for (std::size_t attempt = 0; sold_ < target_ && attempt < 100 * n; ++attempt) {
            std::size_t seat = random_.below(n);
            if (states_[seat] != SeatState::open || random_.unit() > weight_[seat]) continue;
            auto [first, last] = mark_run(seat, 2 + random_.below(5), SeatState::sold);
            if (random_.unit() < 0.4) mark_behind(first, last);
        }
    }

    // Marks up to `length` open seats of the seat's row, rightwards from it then leftwards.
    std::pair<std::size_t, std::size_t> mark_run(std::size_t seat, std::size_t length, SeatState state) {
        const RowSpan& row = rows_[row_of_[seat]];
        std::size_t first = seat, last = seat;
        mark(seat, state);
        while (last - first + 1 < length && room_for(state)) {
            if (last + 1 < row.end && states_[last + 1] == SeatState::open) {
                mark(++last, state);
            } else if (first > row.begin && states_[first - 1] == SeatState::open) {
                mark(--first, state);
            } else {
                break;
            }
        }
        return {first, last};
    }

    // Extends a sold clump into the next row of the same section, at the same positions.
    void mark_behind(std::size_t first, std::size_t last) {
        std::size_t r = row_of_[first] + 1;
        if (r >= rows_.size() || rows_[r].section != rows_[r - 1].section) return;
        const double from = plan_.seats[first].at.x - 0.6, to = plan_.seats[last].at.x + 0.6;
        for (std::size_t s = rows_[r].begin; s < rows_[r].end && room_for(SeatState::sold); ++s)
            if (states_[s] == SeatState::open && plan_.seats[s].at.x >= from && plan_.seats[s].at.x <= to)
                mark(s, SeatState::sold);
    }

    void hold_a_few_pairs() {
        const std::size_t pairs = 1 + random_.below(3);
        for (std::size_t held = 0, attempt = 0; held < pairs && attempt < 50; ++attempt) {
            std::size_t seat = random_.below(states_.size());
            if (states_[seat] != SeatState::open) continue;
            mark_run(seat, 2, SeatState::held);
            ++held;
        }
    }

    bool room_for(SeatState state) const { return state != SeatState::sold || sold_ < target_; }

    void mark(std::size_t seat, SeatState state) {
        states_[seat] = state;
        if (state == SeatState::sold) ++sold_;
    }

    const SeatingPlan& plan_;
    Random random_;
    std::vector<RowSpan> rows_;
    std::vector<double> weight_;
    std::vector<SeatState> states_;
    std::vector<std::size_t> row_of_;
    std::size_t target_ = 0, sold_ = 0;
};

bool on_sale_by(const Instance& instance, Instant as_of) {
    return std::any_of(all_channels.begin(), all_channels.end(), [&](Channel c) {
        const auto opens = instance.on_sale_at(c);
        return opens && *opens <= as_of;
    });
}

}  // namespace

std::vector<SeatMark> demo_seat_marks(const Catalog& catalog, Instant as_of) {
    std::vector<SeatMark> marks;
    for (const Instance& instance : catalog.instances) {
        const Venue* venue = catalog.find_venue(instance.venue);
        if (!venue || venue->plan.seats.empty() || !on_sale_by(instance, as_of)) continue;
        auto states = InstanceSeeder(instance, venue->plan).run();
        for (std::size_t s = 0; s < states.size(); ++s)
            if (states[s] != SeatState::open) marks.push_back({instance.id, venue->plan.seats[s].id, states[s]});
    }
    return marks;
}

}  // namespace encore::server
