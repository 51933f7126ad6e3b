// Signing in and out: register, log in, log out, the session token kept in the page's storage so a reload
// stays signed in, and the customer record (GET /api/me/customer) the basket is priced for.
#pragma once
#include <string>

#include "logic/app_state.hpp"
#include "logic/services.hpp"

namespace web {

// Once at start: reads the stored token and checks it with GET /api/me.
void restore_session(AppState& app, Services& services);
void log_in(AppState& app, Services& services, const std::string& email, const std::string& password);
void register_account(AppState& app, Services& services, const std::string& email, const std::string& name,
                      const std::string& password);
void log_out(AppState& app, Services& services);
// Re-reads the customer record (after an order: new passes or memberships change prices).
void refresh_customer(AppState& app, HttpClient& http);

}  // namespace web
