// POST /api/orders after decoding: priced from a snapshot, then one write in the write queue's batch that
// replays a stored answer for a known idempotency key, or writes the whole order, or nothing.
#pragma once
#include <string>

#include "accounts/accounts.hpp"
#include "context/server_context.hpp"
#include "sales/order_request.hpp"

namespace encore::server {

// What to send: 201 with {"order": ...}, a replayed answer, or a problem+json body.
struct OrderAnswer {
    int status = 0;
    std::string body;
};

OrderAnswer place_order(ServerContext& ctx, const Account& account, const OrderRequest& request,
                        const std::string& idempotency_key, const std::string& fingerprint);

}  // namespace encore::server
