// What a customer or an anonymous client already keeps, counted for the on-sale limits (seats per
// performance, live holds, unpaid invoice seats). Plain SQL inside the caller's transaction.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "encore/ids.hpp"
#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

// The owner written on seat rows: "account:7", or "client:203.0.113.9" for an anonymous hold.
std::string account_owner(std::int64_t account_id);
std::string client_owner(std::string_view client_address);

// Held, reserved and sold seats of `owner`, by instance (one query however many performances a series spans).
std::map<std::string, int> owned_seats_by_instance(db::Connection& db, const std::string& owner);
// Basket holds that have not expired and still keep a seat: an account's (not the series the box office
// holds for it), or an anonymous client's.
int live_holds_of_account(db::Connection& db, std::int64_t account_id, Instant now);
int live_holds_of_client(db::Connection& db, const std::string& client_id, Instant now);
// Seats in the account's reserved (unpaid invoice) orders.
int unpaid_invoice_seats(db::Connection& db, std::int64_t account_id);

}  // namespace encore::server
