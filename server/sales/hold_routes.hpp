// HTTP for holds: POST /api/holds, GET and DELETE /api/holds/{token}, POST .../extend and .../release.
#pragma once
#include "app/context.hpp"

namespace httplib {
class Server;
}

namespace encore::server {

void install_hold_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
