// Best available: N seats side by side in one row, no single seat stranded, fewest restricted views,
// lowest level, nearest the centre of the stage; wheelchair spaces with their companions. Plans are
// drawn as text: one string per row, a character per seat (a space is an aisle the width of two seats).
#include <catch2/catch.hpp>

#include <cmath>

#include "encore/best_available.hpp"
#include "random_pricing.hpp"

using encore::SeatProposal;
using encore::SeatRequest;

namespace {

// o free, x taken, w / W wheelchair space free / taken, c / C companion seat free / taken, r restricted view.
struct Row {
    int level = 0;
    std::string seats;
};

struct Drawn {
    encore::SeatingPlan plan;
    std::vector<bool> selectable;
    std::vector<Row> rows;
};

// Rows from the front (next to the stage, at the top) backwards; each level is a section of its own.
Drawn draw(const std::vector<Row>& rows) {
    Drawn d;
    d.rows = rows;
    std::size_t widest = 0;
    for (const Row& r : rows) widest = std::max(widest, r.seats.size());
    d.plan.stage = {0, 0, static_cast<double>(widest) - 1, 1};  // centred over the rows
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (r == 0 || rows[r].level != rows[r - 1].level)
            d.plan.sections.push_back({encore::SectionId{"L" + std::to_string(rows[r].level)}, "Level", rows[r].level, {}});
        for (std::size_t x = 0; x < rows[r].seats.size(); ++x) {
            const char ch = rows[r].seats[x];
            if (ch == ' ') continue;
            encore::Seat seat;
            seat.id.value = std::to_string(r) + "-" + std::to_string(x);
            seat.section = static_cast<std::uint32_t>(d.plan.sections.size() - 1);
            seat.row = std::to_string(r);
            seat.number = std::to_string(x);
            seat.at = {static_cast<double>(x), 2.0 + static_cast<double>(r)};
            const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (lower == 'w') seat.attributes |= encore::seat_wheelchair;
            if (lower == 'c') seat.attributes |= encore::seat_companion;
            if (lower == 'r') seat.attributes |= encore::seat_restricted_view;
            d.plan.seats.push_back(seat);
            d.selectable.push_back(ch == 'o' || ch == 'w' || ch == 'c' || ch == 'r');
        }
    }
    d.plan.reindex();
    return d;
}

// The drawing with the proposed seats as '#', rows separated by '/'.
std::string marked(const Drawn& d, const SeatProposal& p) {
    std::vector<std::string> rows;
    for (const Row& r : d.rows) rows.push_back(r.seats);
    for (std::uint32_t s : p.seats) {
        const encore::Seat& seat = d.plan.seats[s];
        rows[std::stoul(seat.row)][std::stoul(seat.number)] = '#';
    }
    std::string out;
    for (const std::string& r : rows) out += (out.empty() ? "" : "/") + r;
    return out;
}

std::vector<Row> level0(std::initializer_list<const char*> rows) {
    std::vector<Row> out;
    for (const char* r : rows) out.push_back({0, r});
    return out;
}

}  // namespace

TEST_CASE("best available: side by side, no stranded single, centre and front", "[best-available]") {
    struct Case {
        const char* what;
        std::vector<Row> rows;
        SeatRequest request;
        const char* expected;
        bool leaves_single = false;
    };
    const std::vector<Case> cases = {
        {"the centre of the front row; equal distances go to the block listed first", level0({"ooooooo", "ooooooo"}), {2, 0},
         "oo##ooo/ooooooo"},
        {"no stranded single: the centre pair would leave one seat on each side", level0({"xoooox"}), {2, 0}, "x##oox"},
        {"a single seat beside a row end counts as stranded too", level0({"ooooo"}), {3, 0}, "###oo"},
        {"an aisle breaks a block, so four go to the next row", level0({"ooo ooo", "oooooooo"}), {4, 0}, "ooo ooo/oo####oo"},
        {"a block never straddles an aisle", level0({"oooo oooo"}), {2, 0}, "oo## oooo"},
        {"when every block strands a seat, the best of them, and it says so", level0({"oo oooo"}), {3, 0}, "oo ###o", true},
        {"full rows are skipped", level0({"xxxxxx", "xxoxxx"}), {1, 0}, "xxxxxx/xx#xxx"},
        {"a central pair one row back beats a pair to the side in front", level0({"xooooox", "oooooo"}), {2, 0},
         "xooooox/oo##oo"},
        {"restricted views only when nothing else is left", level0({"rrrrrr", "oooooo"}), {2, 0}, "rrrrrr/oo##oo"},
        {"the lower level first, even when a higher one is drawn nearer the stage",
         {{1, "oooooo"}, {0, "xxxxxx"}, {0, "oooooo"}}, {2, 0}, "oooooo/xxxxxx/oo##oo"},
        {"without a wheelchair request, wheelchair spaces and companion seats are left free", level0({"cwoooooowc"}), {2, 0},
         "cwoo##oowc"},
        {"a wheelchair space with its companion seat beside it", level0({"cwoooooowc"}), {2, 1}, "##oooooowc"},
        {"a wheelchair space, its companion and one more", level0({"oooowcoooo"}), {3, 1}, "ooo###oooo"},
        {"a companion must sit beside the wheelchair space, not just anyone", level0({"occwoo", "ooowoo"}), {2, 1},
         "oc##oo/ooowoo"},
        {"where a venue marks no companion seats, any seat beside the space", level0({"owoooo"}), {2, 1}, "##oooo"},
        {"one wheelchair space alone", level0({"oowoo"}), {1, 1}, "oo#oo"},
        {"two wheelchair spaces, each with a companion", level0({"oocwwcoo"}), {4, 2}, "oo####oo"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const Drawn d = draw(c.rows);
        const SeatProposal p = encore::best_available(d.plan, d.selectable, c.request);
        CAPTURE(p.code, p.reason);
        CHECK(marked(d, p) == c.expected);
        CHECK(p.leaves_single == c.leaves_single);
        CHECK(p.code.empty());
    }
}

TEST_CASE("best available says why when nothing fits", "[best-available]") {
    struct Case { std::vector<Row> rows; SeatRequest request; const char* code; const char* reason; };
    const std::vector<Case> cases = {
        {level0({"oooo"}), {0, 0}, "invalid_request", "ask for at least one seat"},
        {level0({"oooo"}), {2, 3}, "invalid_request", "a request cannot have more wheelchair spaces than seats"},
        {level0({"oooo", "ooo oo"}), {5, 0}, "too_many_seats",
         "no row here has 5 seats side by side; book them in smaller groups or pick seats by hand"},
        {level0({"oxoxo", "xxxxx"}), {2, 0}, "no_seats_together",
         "there are no 2 seats free side by side in one row; try fewer seats or pick seats by hand"},
        {level0({"oooo"}), {2, 1}, "no_wheelchair_space", "this venue has no wheelchair spaces"},
        {level0({"CWoooo", "ooWcoo"}), {2, 1}, "no_seats_together",
         "there are no 2 seats free side by side in one row with a wheelchair space and a companion seat beside it; try "
         "fewer seats or pick seats by hand"},
    };
    for (const Case& c : cases) {
        const Drawn d = draw(c.rows);
        const SeatProposal p = encore::best_available(d.plan, d.selectable, c.request);
        CHECK(p.seats.empty());
        CHECK(p.code == c.code);
        CHECK(p.reason == c.reason);
    }
    const Drawn d = draw(level0({"oooo"}));
    CHECK(encore::best_available(d.plan, {true, true}, {1, 0}).code == "invalid_request");  // mask of the wrong plan
}

TEST_CASE("best available on a curved row: neighbours by distance, not by x", "[best-available]") {
    // Fifteen seats on an arc of radius 5 around the stage, 12 degrees apart (about 1.05 apart), the
    // ends almost straight behind one another; the sixth place is an aisle.
    encore::SeatingPlan plan;
    plan.stage = {-3, -2, 6, 2};
    plan.sections.push_back({encore::SectionId{"ST"}, "Stalls", 0, {}});
    const double pi = std::acos(-1.0);
    for (int k = 0; k < 15; ++k) {
        if (k == 5) continue;
        const double angle = (-84.0 + 12.0 * k) * pi / 180.0;
        encore::Seat seat;
        seat.id.value = "A" + std::to_string(k);
        seat.row = "A";
        seat.number = std::to_string(k);
        seat.at = {5 * std::sin(angle), 5 * std::cos(angle)};
        plan.seats.push_back(seat);
    }
    plan.reindex();
    const std::vector<bool> all(plan.seats.size(), true);
    auto names = [&](const SeatProposal& p) {
        std::string out;
        for (std::uint32_t s : p.seats) out += plan.seats[s].id.value + " ";
        return out;
    };
    // The whole right-hand block, ends included: x barely changes there, yet they are side by side.
    CHECK(names(encore::best_available(plan, all, {9, 0})) == "A6 A7 A8 A9 A10 A11 A12 A13 A14 ");
    // Ten would need the aisle.
    CHECK(encore::best_available(plan, all, {10, 0}).code == "too_many_seats");
    // Six: nearest the centre without leaving a single seat (A6..A11 leaves three on the right).
    CHECK(names(encore::best_available(plan, all, {6, 0})) == "A6 A7 A8 A9 A10 A11 ");
    // The left block's ends are side by side too.
    std::vector<bool> left_only(plan.seats.size(), false);
    for (int s = 0; s < 5; ++s) left_only[s] = true;
    CHECK(names(encore::best_available(plan, left_only, {5, 0})) == "A0 A1 A2 A3 A4 ");
}

namespace {

// A random plan whose aisles are known, to judge proposals without best_available's own geometry.
struct RandomPlan {
    Drawn drawn;
    std::vector<bool> gap_before;  // per seat: an aisle between it and the previous seat of its row
};

RandomPlan random_plan(encore::testing::Rng& rng) {
    RandomPlan out;
    encore::SeatingPlan& plan = out.drawn.plan;
    const int rows = 1 + rng.below(5);
    plan.stage = {0, 0, 16, 1};
    for (int r = 0; r < rows; ++r) {
        const bool new_section = r == 0 || rng.chance(30);
        if (new_section) plan.sections.push_back({encore::SectionId{"S" + std::to_string(r)}, "Section", rng.below(3), {}});
        const int seats = (new_section ? 9 : 1) + rng.below(new_section ? 8 : 16);  // a section's usual spacing shows
        const bool curved = rng.chance(50);
        double x = static_cast<double>(rng.below(4));
        for (int k = 0; k < seats; ++k) {
            const bool gap = k > 0 && !new_section && rng.chance(12);  // aisles stay the exception in a section
            if (k > 0) x += gap ? 2.5 : 1.0;
            encore::Seat seat;
            seat.id.value = std::to_string(r) + "-" + std::to_string(k);
            seat.section = static_cast<std::uint32_t>(plan.sections.size() - 1);
            seat.row = std::to_string(r);
            seat.number = std::to_string(k);
            seat.at = {x, 2.0 + 1.2 * r + (curved ? 0.02 * (x - 8) * (x - 8) : 0.0)};
            if (rng.chance(8)) seat.attributes |= encore::seat_wheelchair;
            else if (rng.chance(10)) seat.attributes |= encore::seat_companion;
            if (rng.chance(8)) seat.attributes |= encore::seat_restricted_view;
            plan.seats.push_back(seat);
            out.drawn.selectable.push_back(rng.chance(65));
            out.gap_before.push_back(gap);
        }
    }
    plan.reindex();
    return out;
}

struct Block {
    std::uint32_t first = 0;
    int n = 0;
};

bool same_row(const encore::SeatingPlan& plan, std::uint32_t a, std::uint32_t b) {
    return plan.seats[a].section == plan.seats[b].section && plan.seats[a].row == plan.seats[b].row;
}

// Side by side with the previous seat in plan order.
bool joined(const RandomPlan& p, std::uint32_t s) {
    return s > 0 && same_row(p.drawn.plan, s - 1, s) && !p.gap_before[s];
}

bool valid_block(const RandomPlan& p, const Block& b, const SeatRequest& request) {
    const auto& seats = p.drawn.plan.seats;
    bool companions_marked = false;
    for (const auto& s : seats) companions_marked = companions_marked || s.has(encore::seat_companion);
    int wheelchairs = 0;
    for (std::uint32_t s = b.first; s < b.first + b.n; ++s) {
        if (s >= seats.size() || !p.drawn.selectable[s] || (s > b.first && !joined(p, s))) return false;
        if (request.wheelchair_spaces == 0 && (seats[s].has(encore::seat_wheelchair) || seats[s].has(encore::seat_companion)))
            return false;
        wheelchairs += seats[s].has(encore::seat_wheelchair);
    }
    if (wheelchairs != request.wheelchair_spaces) return false;
    if (request.wheelchair_spaces == 0 || request.seats == request.wheelchair_spaces) return true;
    for (std::uint32_t s = b.first; s < b.first + b.n; ++s) {
        if (!seats[s].has(encore::seat_wheelchair)) continue;
        auto companion = [&](std::uint32_t k) { return !companions_marked || seats[k].has(encore::seat_companion); };
        if (!((s > b.first && companion(s - 1)) || (s + 1 < b.first + b.n && companion(s + 1)))) return false;
    }
    return true;
}

bool strands(const RandomPlan& p, const Block& b) {
    const auto& sel = p.drawn.selectable;
    int left = 0, right = 0;  // free seats side by side with the block, counted up to two
    for (std::uint32_t s = b.first; left < 2 && joined(p, s) && sel[s - 1]; --s) ++left;
    for (std::uint32_t s = b.first + b.n; right < 2 && s < sel.size() && joined(p, s) && sel[s]; ++s) ++right;
    return left == 1 || right == 1;
}

}  // namespace

TEST_CASE("best available on random plans: selectable, side by side, one row, no needless stranded single", "[best-available][property]") {
    encore::testing::Rng rng(21);
    int proposed = 0, fallback = 0, none = 0;
    for (int trial = 0; trial < 4000; ++trial) {
        const RandomPlan p = random_plan(rng);
        SeatRequest request;
        request.seats = 1 + rng.below(6);
        request.wheelchair_spaces = rng.chance(20) ? 1 : 0;
        const SeatProposal proposal = encore::best_available(p.drawn.plan, p.drawn.selectable, request);
        std::vector<Block> valid;
        bool non_stranding_exists = false;
        for (std::uint32_t s = 0; s < p.drawn.plan.seats.size(); ++s)
            if (valid_block(p, {s, request.seats}, request)) {
                valid.push_back({s, request.seats});
                non_stranding_exists = non_stranding_exists || !strands(p, valid.back());
            }
        CAPTURE(trial, request.seats, request.wheelchair_spaces, proposal.code);
        if (proposal.seats.empty()) {
            CHECK(valid.empty());
            CHECK_FALSE(proposal.code.empty());
            ++none;
            continue;
        }
        REQUIRE(proposal.seats.size() == static_cast<std::size_t>(request.seats));
        for (std::size_t i = 1; i < proposal.seats.size(); ++i) CHECK(proposal.seats[i] == proposal.seats[i - 1] + 1);
        const Block chosen{proposal.seats.front(), request.seats};
        CHECK(valid_block(p, chosen, request));  // selectable, side by side in one row, wheelchair rules
        CHECK(proposal.leaves_single == strands(p, chosen));
        CHECK(proposal.leaves_single == !non_stranding_exists);
        // No valid block of the same stranding has fewer restricted-view seats, or as few on a lower level.
        auto restricted = [&](const Block& b) {
            int n = 0;
            for (std::uint32_t s = b.first; s < b.first + b.n; ++s) n += p.drawn.plan.seats[s].has(encore::seat_restricted_view);
            return n;
        };
        auto level = [&](const Block& b) { return p.drawn.plan.sections[p.drawn.plan.seats[b.first].section].level; };
        for (const Block& b : valid)
            if (strands(p, b) == proposal.leaves_single) {
                CHECK(restricted(b) >= restricted(chosen));
                if (restricted(b) == restricted(chosen)) CHECK(level(b) >= level(chosen));
            }
        ++(proposal.leaves_single ? fallback : proposed);
    }
    CHECK(proposed > 1000);
    CHECK(fallback > 50);
    CHECK(none > 200);
}
