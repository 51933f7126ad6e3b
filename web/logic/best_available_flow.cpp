// Best available: the request, the core's proposal, accepting it seat by seat.
#include "logic/best_available_flow.hpp"

#include <algorithm>

#include "encore/best_available.hpp"
#include "logic/map_source.hpp"
#include "logic/series_map.hpp"

namespace web {

void propose_best_seats(AppState& app) {
    BestAvailableState& best = app.season.best;
    best.proposal.clear();
    best.message.clear();
    const encore::Venue* venue = map_venue(app);
    if (!venue || !map_loaded(app)) {
        best.message = "The seats are still loading.";
        return;
    }
    best.seats = std::clamp(best.seats, 1, best_available_limit(app));
    encore::SeatRequest request{best.seats, best.wheelchair ? 1 : 0};
    encore::SeatProposal proposal = encore::best_available(venue->plan, map_selectable(app), request);
    best.proposal_for = map_key(app);
    if (proposal.seats.empty()) {
        best.message = proposal.reason;
        return;
    }
    best.proposal = proposal.seats;
    if (proposal.leaves_single) best.message = "Every block of this size leaves a single seat on its own; this one does too.";
}

bool proposal_current(const AppState& app) {
    const BestAvailableState& best = app.season.best;
    if (best.proposal.empty() || best.proposal_for != map_key(app)) return false;
    return std::all_of(best.proposal.begin(), best.proposal.end(), [&](std::uint32_t s) { return map_can_select(app, s); });
}

int accept_proposal(AppState& app) {
    if (!proposal_current(app)) {
        app.season.best.proposal.clear();
        return 0;
    }
    std::vector<std::uint32_t> seats = app.season.best.proposal;
    app.season.best.proposal.clear();
    app.season.best.message.clear();
    app.season.best.open = false;
    int added = 0;
    for (std::uint32_t seat : seats) added += map_toggle(app, seat);
    return added;
}

void dismiss_proposal(AppState& app) {
    app.season.best.proposal.clear();
    app.season.best.message.clear();
}

int best_available_limit(const AppState& app) {
    if (series_map_shown(app))
        if (const encore::FixedSeries* series = chosen_series(app)) return std::max(1, series->max_seats_per_order);
    return 8;
}

}  // namespace web
