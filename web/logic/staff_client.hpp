// Staff mode's requests: the staff search, a customer's whole record, an account made at the counter, a sale
// on the box-office channel (seats proposed by the core's best available, priced by the core for that customer),
// marking an invoice paid, holding a series for a customer until its hold timeout, and acting on their
// subscriber record (renew, change seats). Every answer lands in app.staff.
#pragma once
#include <string>

#include "logic/app_state.hpp"
#include "logic/services.hpp"

namespace web {

// Staff and admins get the counter instead of the customer's pages.
bool staff_mode(const AppState& app);

void staff_search(AppState& app, Services& services);
void staff_create_customer(AppState& app, Services& services);
void staff_open_customer(AppState& app, Services& services, std::int64_t id);
void staff_close_customer(AppState& app);
// Re-reads the customer shown (after a sale or an act).
void staff_reload_customer(AppState& app, Services& services);

// Begins a sale of `kind` with its first product on sale at the box office.
void staff_start_sale(AppState& app, StaffSaleKind kind);
// Products of a kind the counter may sell now (id, words), in catalog order; for tickets the performances.
std::vector<std::pair<std::string, std::string>> staff_products(const AppState& app, StaffSaleKind kind);
// Why the sale cannot go ahead now ("" when it can).
std::string staff_sale_blocker(const AppState& app);
// Sells: seats first (best available at the performance, or on the series' composite), then the order.
void staff_sell(AppState& app, Services& services);
// Holds one seat of the sale's series (best available on its composite) for the customer until the series'
// hold timeout; the customer sees it in their account and it is sold with the next series sale.
void staff_hold_series(AppState& app, Services& services);
void staff_mark_paid(AppState& app, Services& services, const std::string& reference);

// The customer's subscriber record: renew in full (a stored card, else a payment taken at the counter), or move
// to the best seat free at every performance of its group.
void staff_renew(AppState& app, Services& services, std::int64_t record);
void staff_change_seats(AppState& app, Services& services, std::int64_t record);

// The renewal campaign: counts by status per package, then the chosen package's days.
void staff_load_campaign(AppState& app, Services& services);

}  // namespace web
