// Orders: re-priced by the core on the server's own data, committed in one BEGIN IMMEDIATE
// transaction (seats, pass codes, redemptions, memberships, subscriptions, offer uses, payment),
// idempotent by key. Implemented in orders.cpp, order_routes.cpp and payments.cpp.
#pragma once
#include "server_context.hpp"

namespace httplib {
class Server;
}

namespace encore::server {

// POST /api/orders, GET /api/orders/{ref}, GET /api/me/orders, POST /api/orders/{ref}/mark-paid (staff),
// POST /api/me/cards (tokenise a card with the test provider), GET /api/me/passes|memberships|subscriptions.
void install_order_routes(httplib::Server& server, ServerContext& ctx);
// Lapses unpaid invoices whose due time has passed and frees their seats; run by the maintenance thread.
void lapse_unpaid_invoices(ServerContext& ctx);

}  // namespace encore::server
