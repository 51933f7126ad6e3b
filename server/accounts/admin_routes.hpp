// HTTP for admins: the server clock, and accounts of any role (the catalog: catalog/admin_catalog_routes).
#pragma once
#include "app/context.hpp"

namespace httplib {
class Server;
}

namespace encore::server {

void install_admin_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
