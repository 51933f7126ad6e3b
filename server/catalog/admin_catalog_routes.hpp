// Admin catalog changes: the whole document, or one item upserted or deleted; validated by the core.
#pragma once
#include "app/context.hpp"

namespace httplib {
class Server;
}

namespace encore::server {

// PUT /api/admin/catalog, PUT and DELETE /api/admin/catalog/{section}/{id} (role admin).
void install_admin_catalog_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
