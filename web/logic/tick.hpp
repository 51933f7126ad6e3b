// Once per browser animation frame: the logic takes the time and starts the requests the state waits for
// (the stored session, catalog and availability, hold changes and extensions).
#pragma once
#include "logic/app_state.hpp"
#include "logic/services.hpp"

namespace web {

struct BrowserTime {
    double wall_ms = 0;       // Date.now(): the instant the core's rules are evaluated at
    double monotonic_ms = 0;  // performance.now(): polling and hold-extension intervals
};

void tick(AppState& app, Services& services, BrowserTime time);

}  // namespace web
