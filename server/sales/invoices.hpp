// The life of an unpaid invoice after its order: staff mark it paid (seats sold), or it lapses at its
// due time (seats freed, and what the order created removed).
#pragma once
#include <string>

#include "context/server_context.hpp"
#include "store/account_store.hpp"
#include "http/api_response.hpp"

namespace encore::server {

// 200 {"order": ...} (also for an order already paid), 404 order_not_found, 409 order_not_payable.
// Series bought on it become subscriber records, with `staff` as who made them so.
ApiResponse mark_invoice_paid(ServerContext& ctx, const std::string& reference, const Account& staff);
// Lapses unpaid invoices whose due time has passed and frees their seats; run by the maintenance thread.
void lapse_unpaid_invoices(ServerContext& ctx);

}  // namespace encore::server
