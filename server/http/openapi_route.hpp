// GET /api/openapi.json: the OpenAPI 3.0 description of the whole API (server/openapi.json, embedded
// into the binary at build time, so the server needs no file at run time).
#pragma once

namespace httplib {
class Server;
}

namespace encore::server {

// The route, plus 405 for other methods and 204 for OPTIONS. Register before the API's catch-all 404.
void install_openapi_route(httplib::Server& server);

}  // namespace encore::server
