// Keeps the basket's seats held on the server: sends the queued adds and releases one at a time (so every
// add joins the same hold token), extends the hold while the customer is active, and lets the basket go
// when the hold expires.
#pragma once
#include "logic/app_state.hpp"
#include "logic/http_client.hpp"

namespace web {

// Call once per frame with the browser's monotonic clock (ms).
void pump_holds(AppState& app, HttpClient& http, double now_ms);
// The customer did something (mouse, keys, touch): holds are extended only for an active customer.
void note_activity(AppState& app, double now_ms);
// Seconds the hold has left at app.now (0 when expired), or -1 with no hold.
long long hold_seconds_left(const AppState& app);
// Takes a hold document {"hold":{"token","expires_at","max_expires_at","seats"}} (or the hold itself) as the
// basket's hold, and marks the picks it keeps held (the others not).
void accept_hold(AppState& app, const nlohmann::json& doc);

}  // namespace web
