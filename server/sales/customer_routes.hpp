// HTTP for what the caller owns: their stored cards, orders, passes, memberships, subscriptions and
// the core's Customer document for client-side pricing (GET/POST /api/me/...).
#pragma once
#include <cstdint>
#include <functional>

#include "context/server_context.hpp"
#include "store/stored_cards.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// POST /api/me/cards {"number", "expiry", "cvc"}: tokenises a card with the test provider; 201 {"card"}.
void post_card(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// The same for `account_id` (a customer's card stored at the box office); `also` runs in the same
// transaction once the card is stored (e.g. to record who stored it).
void store_card_from_body(ServerContext& ctx, std::int64_t account_id, const httplib::Request& req, httplib::Response& res,
                          const std::function<void(db::Connection&, const StoredCard&)>& also = {});
// GET /api/me/cards: {"cards"}.
void get_cards(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/orders: {"orders"}.
void get_my_orders(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/passes: {"passes"} with what each has left.
void get_my_passes(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/memberships: {"memberships"}.
void get_my_memberships(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/subscriptions: {"subscriptions"}.
void get_my_subscriptions(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/customer: the core's Customer document of the caller.
void get_my_customer(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
