// Best available on the map shown (a performance or a series composite): the core's best_available proposes
// seats side by side for N people, with a wheelchair space if asked; the customer accepts them (each is held
// like a seat picked by hand) or picks by hand.
#pragma once
#include "logic/app_state.hpp"

namespace web {

// Asks the core for app.season.best.seats seats on the map shown; the proposal (or the core's reason why
// nothing fits) goes into app.season.best.
void propose_best_seats(AppState& app);
// The proposal was made on the map shown now and its seats are all still selectable.
bool proposal_current(const AppState& app);
// Adds the proposed seats to the basket; returns how many were added.
int accept_proposal(AppState& app);
void dismiss_proposal(AppState& app);
// How many seats may be asked for at once on the map shown (a series' seats per order; 8 for a performance).
int best_available_limit(const AppState& app);

}  // namespace web
