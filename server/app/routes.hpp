// The HTTP API: handlers that decode the request, ask the core and the store, and encode the answer.
#pragma once

namespace httplib {
class Server;
}

namespace encore::server {

struct ServerContext;

// Registers every /api route (this file's read-only ones, then each module's), 405 answers for wrong
// methods and 404 for unknown /api paths.
void install_api_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
