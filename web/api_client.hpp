// Talks to the Encore server: GET /api/catalog and GET /api/instances/{id}/availability with the
// browser's fetch(); answers land in the AppState through the exported encore_on_fetch.
#pragma once
#include "app_state.hpp"

namespace web {

// Starts whatever the state is waiting for: the catalog once, a chosen performance's availability,
// and the changes to the shown availability every 2 seconds (GET ...?since=version; the full map when the
// changes cannot be applied).
void pump_requests(AppState& app);

}  // namespace web

// Called from JavaScript when a fetch finishes: kind 0 catalog, 1 availability, 2 availability refresh;
// status 0 means the request never got an HTTP answer (text is the browser's reason).
extern "C" void encore_on_fetch(int kind, int serial, int status, const char* text);
