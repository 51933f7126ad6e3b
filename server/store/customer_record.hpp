// What the server knows a customer owns, as the core's Customer: passes with their redemptions,
// memberships, series subscriptions, tags and offer uses; and all customers' offer uses.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "encore/basket.hpp"
#include "store/database.hpp"

namespace encore::server {

// Reads the customer record of an account (inside the caller's transaction, if any).
Customer load_customer(db::Connection& db, std::int64_t account_id, const std::vector<std::string>& tags);
// Tickets sold with each offer across all customers.
OfferUsage load_offer_usage(db::Connection& db);

}  // namespace encore::server
