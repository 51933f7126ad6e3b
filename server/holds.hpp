// Holds: seats kept for a basket (one instance, or one seat across a series group) with a token and
// an expiry; eligibility for locked seats and priority windows is checked by the core, counting the
// holder's basket. Implemented in holds.cpp and hold_routes.cpp.
#pragma once
#include "server_context.hpp"

namespace httplib {
class Server;
}

namespace encore::server {

// POST /api/holds, GET/DELETE /api/holds/{token}, POST /api/holds/{token}/extend, and the
// availability changes since a version (GET /api/instances/{id}/availability?since=V).
void install_hold_routes(httplib::Server& server, ServerContext& ctx);
// Frees the seats of every hold that has expired by ctx.clock.now(); run by the maintenance thread.
void release_expired_holds(ServerContext& ctx);

}  // namespace encore::server
