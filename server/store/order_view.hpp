// An order as the API shows it, read back from the tables the order wrote; the same document is
// returned by POST /api/orders, GET /api/orders/{reference} and mark-paid.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace encore::server {

struct OrderKey {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    std::string status;
};

// The order with this long reference ("ord_…") or short reference (any case, spaces and dashes ignored), or nullopt.
std::optional<OrderKey> find_order(db::Connection& db, const std::string& reference);
// {"reference", "short_reference" (null for orders made before it existed), "status", "channel", "currency",
//  "total", "total_text", "created_at", "due_at"?, "paid_at"?, "lines", "order_fees",
//  "passes": [{"code", "pass", "expires_at"}], "payment": {"method", "status", ...},
//  "invoice"?: {"number", "status", "amount", "due_at"} for an invoice order}
nlohmann::json order_json(db::Connection& db, std::int64_t order_id);

}  // namespace encore::server
