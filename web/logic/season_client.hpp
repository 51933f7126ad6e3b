// The season flows' reads from the server, started once per frame: the server clock (GET /api/health, each
// minute), offers' remaining counts (GET /api/offers/remaining, every 30 s and after an order or a changed
// price), the chosen series group's seats (GET /api/series/{s}/groups/{g}/availability, then its changes every
// 2 s) and, while "Your account" is shown, the account's records (GET /api/me/...).
#pragma once
#include "logic/app_state.hpp"
#include "logic/http_client.hpp"

namespace web {

// `now_ms` is the browser's monotonic clock.
void pump_season(AppState& app, HttpClient& http, double now_ms);
// The server's time minus the browser's, in seconds, once known (0 before).
std::int64_t server_clock_offset(const AppState& app);

}  // namespace web
