// Once per browser animation frame: the logic takes the time (the browser's, moved to the server's clock once
// known) and starts the requests the state waits for (the stored session, an address to show, catalog and
// availability, the remembered basket, hold changes and extensions, the season flows' reads, an order waiting
// for a sign-in) and lets an old notice go.
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
