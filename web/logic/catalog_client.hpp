// Reads the season from the Encore server: GET /api/catalog once, GET /api/instances/{id}/availability for the
// chosen performance, and the changes to the shown availability every 2 seconds (?since=version; the full map
// when the changes cannot be applied). Answers land in the AppState.
#pragma once
#include "logic/app_state.hpp"
#include "logic/http_client.hpp"

namespace web {

// Starts whatever the state is waiting for; `now_ms` is the browser's monotonic clock.
void pump_catalog(AppState& app, HttpClient& http, double now_ms);

}  // namespace web
