// The routes about the running server itself: its health, who may embed it, its OpenAPI description and, for admins,
// its clock (the demo's time travel).
#pragma once
#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// GET /api/health: {"status", "schema_version", "catalog", "instances", "now" (the server clock)}, always 200.
void get_health(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/embed: {"origins": [...]}, the --embed-origin sites whose pages may frame the picker and talk to it.
void get_embed(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/openapi.json
void get_openapi(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// GET /api/admin/clock: {"now", "offset_seconds"}.
void get_clock(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// PUT /api/admin/clock {"now": RFC 3339} or {"reset": true}: moves the server clock; answers as GET.
void put_clock(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
