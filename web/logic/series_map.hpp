// The season view's choices and the fixed series' composite seat map: which product is shown, the group,
// the band chosen first, the performances taken; the composite of their seats (core composite_availability)
// and the seats this customer may pick on it (core selectable_series_seats), kept until any input changes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encore/season_view.hpp"
#include "logic/app_state.hpp"

namespace web {

// The season as the core describes it for this customer on the web (core season_view), kept a minute or
// until the basket or the customer changes.
const encore::SeasonView& season_view_now(const AppState& app);

// Shows a product in the season view (a series, pass or membership); a series shows its first group whose
// performances are all still to come, or the first.
void show_product(AppState& app, const encore::ProductId& product);
const encore::FixedSeries* chosen_series(const AppState& app);
const encore::SeriesGroup* chosen_group(const AppState& app);
// Chooses the group: every performance of it, no band yet; its seats are read from the server.
void choose_group(AppState& app, const encore::SeriesGroupId& group);
void choose_band(AppState& app, const encore::PriceBandId& band);
// Takes or leaves out one of the group's performances; refused (false) below the series' smallest booking.
bool toggle_performance(AppState& app, const encore::InstanceId& instance);
bool performance_chosen(const AppState& app, const encore::InstanceId& instance);
// Whether the customer may choose how many performances (the series allows fewer than the group has).
bool can_choose_performances(const AppState& app);

// Applies GET /api/series/{s}/groups/{g}/availability for the chosen group: each entry in full or its
// changes since our version. False when some changes cannot be applied (the caller reads every map again).
bool accept_group_availability(AppState& app, std::string_view json_text);
void group_availability_failed(AppState& app, const std::string& why);

// The composite seat map is shown: the season view with a series and a group chosen.
bool series_map_shown(const AppState& app);
// The composite of the chosen performances (empty until their seats are loaded), its first plan's states and
// seat locks, and the seats this customer may pick there (none before a series booked by band has its band).
const SeasonState::CompositeCache& series_composite(const AppState& app);
// The venue of the composite's first plan.
const encore::Venue* series_venue(const AppState& app);
// "free at 4 of 5 performances" for a seat of the composite.
std::string series_free_text(const AppState& app, std::uint32_t seat);
// How many of the chosen performances have the seat free.
int series_free_at(const AppState& app, std::uint32_t seat);
// A series seat of the basket at this seat of the shown composite, if any.
std::optional<std::size_t> series_pick_at(const AppState& app, std::uint32_t seat);
// Adds the seat of the composite to the basket (queueing its hold at every chosen performance) or removes it.
bool toggle_series_seat(AppState& app, std::uint32_t seat);
// What one seat of a band costs a show at the chosen performances (the core prices a one-seat series line for
// the series' default ticket type), if it can be sold.
std::optional<std::int64_t> series_band_price(const AppState& app, int band_index);

}  // namespace web
