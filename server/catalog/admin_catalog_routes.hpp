// Admin catalog changes: the whole document, or one item upserted or deleted; validated by the core.
#pragma once
#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// PUT /api/admin/catalog: replaces the whole catalog.
void put_catalog(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// PUT /api/admin/catalog/{section}/{id}: adds or replaces one item.
void put_catalog_item(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// DELETE /api/admin/catalog/{section}/{id}: removes one item.
void delete_catalog_item(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
