// The API as one table: a row per route with its method, its pattern, who may call it, the rate limit
// it counts against and its handler. Every other method's answer (405 with Allow, OPTIONS) follows
// from the table; so does what the OpenAPI test checks.
#pragma once
#include <variant>
#include <vector>

#include "context/server_context.hpp"
#include "http/route_table.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
class Server;
}  // namespace httplib

namespace encore::server {

// Who may call a route: anyone, or a session whose account has at least this role.
enum class Access { anyone, customer, staff, admin };
// The per-client-address limit a route counts against (--hold-rate, --order-rate, --login-rate),
// checked first.
enum class Limit { none, holds, orders, logins };

using PublicHandler = void (*)(ServerContext&, const httplib::Request&, httplib::Response&);
// Runs only for a caller the row's access admits, and is given their account.
using AccountHandler = void (*)(ServerContext&, const Account&, const httplib::Request&, httplib::Response&);

struct ApiRoute {
    Method method;
    const char* pattern;  // an httplib pattern; each ([^/]*) or ([^/]+) is a path parameter
    Access access;
    Limit limit;
    std::variant<PublicHandler, AccountHandler> handler;  // a PublicHandler exactly when access is anyone
};

// Every route of the API, in the order they are registered.
const std::vector<ApiRoute>& api_routes();

// Registers the table: for each row its limit (429), then its access (401, 403), then, for a body that
// is not JSON, 415; then its handler;
// 405/OPTIONS for every pattern; 404 not_found for other /api paths. Throws std::logic_error for a
// row whose handler does not fit its access.
void install_api_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
