// The life of an unpaid invoice after its order: staff mark it paid (seats sold), or it lapses at its
// due time (seats freed, and what the order created removed). lapse_unpaid_invoices is in orders.hpp.
#pragma once
#include <string>

#include "api_response.hpp"
#include "server_context.hpp"

namespace encore::server {

// 200 {"order": ...} (also for an order already paid), 404 order_not_found, 409 order_not_payable.
ApiResponse mark_invoice_paid(ServerContext& ctx, const std::string& reference);

}  // namespace encore::server
