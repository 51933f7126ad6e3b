// POST /api/orders after decoding: priced from a snapshot, then one write in the write queue's batch that
// replays a stored answer for a known idempotency key, or writes the whole order, or nothing.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "accounts/accounts.hpp"
#include "context/server_context.hpp"
#include "sales/order_request.hpp"
#include "store/database.hpp"

namespace encore::server {

// What to send: 201 with {"order": ...}, a replayed answer, or a problem+json body.
struct OrderAnswer {
    int status = 0;
    std::string body;
};

// `acting_staff`: a member of staff selling for `account` at the box office (0: the account itself);
// `also` runs in the order's transaction once it is written (e.g. to record who sold it).
OrderAnswer place_order(ServerContext& ctx, const Account& account, const OrderRequest& request,
                        const std::string& idempotency_key, const std::string& fingerprint, std::int64_t acting_staff = 0,
                        const std::function<void(db::Connection&, const std::string& reference)>& also = {});

}  // namespace encore::server
