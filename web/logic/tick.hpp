// Once per browser animation frame: the logic takes the time (the browser's, moved to the server's clock once
// known) and starts the requests the state waits for (the stored session, catalog and availability, hold
// changes and extensions, and the season flows' reads).
#pragma once
#include "logic/app_state.hpp"
#include "logic/services.hpp"

namespace web {

struct BrowserTime {
    double wall_ms = 0;       // Date.now(): with the server clock's offset, the instant the core's rules are evaluated at
    double monotonic_ms = 0;  // performance.now(): polling and hold-extension intervals
};

void tick(AppState& app, Services& services, BrowserTime time);

}  // namespace web
