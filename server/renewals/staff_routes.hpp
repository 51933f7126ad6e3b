// HTTP for the box office acting for a customer: find them, see everything they hold, store a card for
// them, hold a series for them until the series' hold timeout, sell to them, move a pass's expiry, and
// the renewal campaign at a glance. Every act is recorded with the member of staff who did it. Also the
// customer's own view of what is held for them.
#pragma once
#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// GET /api/staff/customers?q=TEXT: {"customers": [account, ...]} by name, email or an order reference.
void get_staff_customers(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/staff/customers/{id}: the account with its records, orders, passes, memberships, cards, holds and staff acts.
void get_staff_customer(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// POST /api/staff/customers/{id}/cards {"number", "expiry", "cvc"}: 201 {"card"}.
void post_staff_customer_card(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// POST /api/staff/customers/{id}/holds {"series", "group", "seats"}: 201 {"hold"} until the series' hold timeout.
void post_staff_customer_hold(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// POST /api/staff/customers/{id}/orders: POST /api/orders for the customer, sold by the caller.
void post_staff_customer_order(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// PUT /api/staff/passes/{code}/expiry {"expires_at"}: 200 {"pass"}.
void put_staff_pass_expiry(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/staff/renewals: the campaign: counts per package and status, rollovers and their issues,
// and how far the scheduler has run.
void get_staff_renewals(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/staff/renewals/days?package=P: the campaign into P day by day (records by status at each local day's end,
// the core's campaign_days over their histories) and its key dates; 422 invalid_request (package) for a package
// without a renewal campaign.
void get_staff_renewal_days(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/holds: {"holds": [...]}, the caller's live holds (a series the box office holds for them too).
void get_my_holds(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
