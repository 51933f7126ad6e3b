// Reads "Your account" from GET /api/me/orders, /api/me/passes, /api/me/memberships and /api/me/subscriptions.
#pragma once
#include <string_view>

#include "logic/app_state.hpp"
#include "logic/http_client.hpp"

namespace web {

// Starts the four reads when the records are missing, stale (after an order) or another customer's; nothing
// when signed out.
void load_account_records(AppState& app, HttpClient& http);
// Reads one answer into the records; false if it is not the documented shape. `what` is the path's last part.
bool accept_account_answer(AccountRecords& records, std::string_view what, const nlohmann::json& doc);

}  // namespace web
