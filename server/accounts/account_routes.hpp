// HTTP for a customer's own account: /api/auth/register, /api/auth/login, /api/auth/logout, /api/me.
#pragma once
#include "app/context.hpp"

namespace httplib {
class Server;
}

namespace encore::server {

void install_account_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
