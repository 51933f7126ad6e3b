// HTTP for holds. Anyone may hold seats; a hold made while logged in is visible only to that account,
// and only staff may hold on the box_office channel.
#pragma once
#include "context/server_context.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// POST /api/holds: 201 {"hold"} with Location; 409 seats_unavailable; 422 hold_refused.
void post_hold(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/holds/{token}: 200 {"hold"}; 404 hold_not_found.
void get_hold(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// DELETE /api/holds/{token}: frees every seat of the hold; 204.
void delete_hold(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// POST /api/holds/{token}/extend: 200 {"hold"} with a later expiry, up to the hold's cap.
void post_hold_extend(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// POST /api/holds/{token}/abandon: its page was closed; the hold ends within the grace time; 200 {"hold"}.
void post_hold_abandon(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// POST /api/holds/{token}/release {"seats"}: frees some of the hold's seats; 200 {"hold"}.
void post_hold_release(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
