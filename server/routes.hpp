// The HTTP API: handlers that decode the request, ask the core and the store, and encode the answer.
#pragma once

namespace httplib {
class Server;
}

namespace encore::server {

class Store;
class CatalogState;

// Registers every /api route, 405 answers for wrong methods and 404 for unknown /api paths.
void install_api_routes(httplib::Server& server, Store& store, const CatalogState& catalog);

}  // namespace encore::server
