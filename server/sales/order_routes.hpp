// HTTP for orders and invoices: place an order, read one, and (staff) mark an invoice paid.
#pragma once
#include <functional>
#include <string>

#include "context/server_context.hpp"
#include "store/database.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// POST /api/orders with an Idempotency-Key: 201 {"order"}, a replayed answer, or a problem.
void post_order(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// The same order request bought by `buyer` and sold by `seller` (the buyer, or staff selling for them);
// `also` runs in the order's transaction with the new order's reference.
void order_from_request(ServerContext& ctx, const Account& buyer, const Account& seller, const httplib::Request& req,
                        httplib::Response& res, const std::function<void(db::Connection&, const std::string&)>& also = {});
// GET /api/orders/{reference}: the caller's order (any order for staff); 404 order_not_found.
void get_order(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// POST /api/orders/{reference}/mark-paid: 200 {"order"}; 404 order_not_found; 409 order_not_payable.
void post_mark_paid(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
