// HTTP for admins: webhook endpoints (add with a secret, list, remove), their deliveries with every
// attempt, redelivery; and the seats the house holds.
#pragma once
#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// POST /api/admin/webhooks {"url", "secret"?, "description"?}: 201 {"webhook"} with the secret (shown once).
void post_webhook(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/admin/webhooks: {"webhooks"}.
void get_webhooks(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// DELETE /api/admin/webhooks/{id}: 204.
void delete_webhook(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/admin/webhooks/{id}/deliveries?status=&limit=: {"webhook", "queued", "deliveries"}.
void get_webhook_deliveries(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// POST /api/admin/webhooks/{id}/deliveries/{delivery}/redeliver: 202 {"delivery"}.
void post_webhook_redelivery(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/admin/house-holds: {"house_holds": [{"instance", "seat"}]}.
void get_house_holds(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// PUT /api/admin/house-holds/{instance} {"seats"}: the house's holds at that performance.
void put_house_holds(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
