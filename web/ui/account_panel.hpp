// The account area: the log-in / create-account form (also shown inside the checkout), the top bar's account
// button, and the window that button opens.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/services.hpp"

namespace web {

void account_form(AppState& app, Services& services);
// "Log in", or the customer's name (unless !show_name: narrow screens) and "Log out", right-aligned at right_x;
// returns the left edge of what it drew.
float draw_account_button(AppState& app, Services& services, float right_x, float center_y, bool show_name = true);
void draw_account_window(AppState& app, Services& services, const Rect& area);

}  // namespace web
