// Reads an order, its passes and its payment into the API's JSON.
#include "store/order_view.hpp"

#include "encore/time.hpp"
#include "store/order_reference.hpp"

namespace encore::server {
namespace {

nlohmann::json passes_json(db::Connection& db, std::int64_t order_id) {
    nlohmann::json passes = nlohmann::json::array();
    auto select = db.prepare("SELECT code, pass_id, expires_at FROM passes WHERE order_id = ? ORDER BY rowid");
    select.bind(1, order_id);
    while (select.step())
        passes.push_back({{"code", select.text(0)}, {"pass", select.text(1)}, {"expires_at", format_instant({select.integer(2)})}});
    return passes;
}

// {"number", "status", "amount", "due_at"} of an invoice order's invoice; null for a card order.
nlohmann::json invoice_json(db::Connection& db, std::int64_t order_id) {
    auto select = db.prepare(
        "SELECT p.reference, p.status, p.amount, o.due_at FROM payments p JOIN orders o ON o.id = p.order_id "
        "WHERE p.order_id = ? AND p.method = 'invoice' ORDER BY p.id DESC LIMIT 1");
    select.bind(1, order_id);
    if (!select.step()) return nullptr;
    nlohmann::json invoice{{"number", select.text(0)}, {"status", select.text(1)}, {"amount", select.integer(2)}};
    if (!select.is_null(3)) invoice["due_at"] = format_instant({select.integer(3)});
    return invoice;
}

nlohmann::json payment_json(db::Connection& db, std::int64_t order_id) {
    auto select = db.prepare(
        "SELECT p.method, p.status, c.brand, c.last4 FROM payments p LEFT JOIN cards c ON c.token = p.card_token "
        "WHERE p.order_id = ? ORDER BY p.id DESC LIMIT 1");
    select.bind(1, order_id);
    if (!select.step()) return nullptr;
    nlohmann::json payment{{"method", select.text(0)}, {"status", select.text(1)}};
    if (!select.is_null(2)) payment["card"] = {{"brand", select.text(2)}, {"last4", select.text(3)}};
    return payment;
}

}  // namespace

std::optional<OrderKey> find_order(db::Connection& db, const std::string& reference) {
    auto select = db.prepare("SELECT id, account_id, status FROM orders WHERE reference = ?1 OR short_reference = ?2");
    select.bind(1, reference).bind(2, normalised_short_reference(reference).value_or(reference));
    if (!select.step()) return std::nullopt;
    return OrderKey{select.integer(0), select.integer(1), select.text(2)};
}

nlohmann::json order_json(db::Connection& db, std::int64_t order_id) {
    auto select = db.prepare(
        "SELECT reference, status, channel, currency, total, priced_json, created_at, due_at, paid_at, short_reference "
        "FROM orders WHERE id = ?");
    select.bind(1, order_id);
    if (!select.step()) return nullptr;
    const auto priced = nlohmann::json::parse(select.text(5));
    nlohmann::json order{{"reference", select.text(0)},
                         {"status", select.text(1)},
                         {"channel", select.text(2)},
                         {"currency", select.text(3)},
                         {"total", select.integer(4)},
                         {"total_text", priced["totals"]["total_text"]},
                         {"created_at", format_instant({select.integer(6)})},
                         {"lines", priced["lines"]},
                         {"order_fees", priced["order_fees"]},
                         {"totals", priced["totals"]}};
    if (!select.is_null(7)) order["due_at"] = format_instant({select.integer(7)});
    if (!select.is_null(8)) order["paid_at"] = format_instant({select.integer(8)});
    order["short_reference"] = select.is_null(9) ? nlohmann::json(nullptr) : nlohmann::json(select.text(9));
    order["passes"] = passes_json(db, order_id);
    order["payment"] = payment_json(db, order_id);
    if (nlohmann::json invoice = invoice_json(db, order_id); !invoice.is_null()) order["invoice"] = std::move(invoice);
    return order;
}

}  // namespace encore::server
