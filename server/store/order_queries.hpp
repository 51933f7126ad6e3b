// What a customer owns, for the /api/me/... endpoints: orders, passes with their remaining allowance,
// memberships, series subscriptions, and the core's Customer document for client-side pricing.
#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "encore/catalog.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace encore::server {

// {"orders": [{"reference", "short_reference", "status", "channel", "total", "total_text", "payment_method",
//   "created_at", "due_at"?, "performances": [{"instance", "seats"}], "lines": [{"kind", "description", "total_text"}]}]}
nlohmann::json account_orders(db::Connection& db, std::int64_t account_id);
// {"passes": [{"code", "pass", "name", "expires_at", "expired", "allowance", "used", "remaining", "redemptions", "order",
// "paid"}]}: an unpaid pass (its invoice not yet paid) redeems nothing until it is paid
nlohmann::json account_passes(db::Connection& db, const Catalog& catalog, std::int64_t account_id, Instant now);
// {"memberships": [{"membership", "name", "starts_at", "ends_at", "active", "order", "paid"}]}: an unpaid membership
// gives no benefit until it is paid
nlohmann::json account_memberships(db::Connection& db, const Catalog& catalog, std::int64_t account_id, Instant now);
// {"subscriptions": [{"series", "name", "group", "group_name", "seat", "order", "created_at", "performances",
//   "order_status"}]}
nlohmann::json account_subscriptions(db::Connection& db, const Catalog& catalog, std::int64_t account_id);
// customer_to_json of the account's customer record.
nlohmann::json account_customer(db::Connection& db, const Account& account);

}  // namespace encore::server
