// HTTP for orders, invoices, stored cards and what a customer owns: POST /api/orders, GET
// /api/orders/{ref}, POST /api/orders/{ref}/mark-paid (staff), POST and GET /api/me/cards, and
// GET /api/me/orders|passes|memberships|subscriptions|customer.
#pragma once
#include "app/context.hpp"

namespace httplib {
class Server;
}

namespace encore::server {

void install_order_routes(httplib::Server& server, ServerContext& ctx);

}  // namespace encore::server
