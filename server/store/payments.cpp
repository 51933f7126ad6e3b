// The invoice and test-card providers: payments rows, due dates and deterministic card outcomes.
#include "store/payments.hpp"

#include <algorithm>

#include "store/random_text.hpp"

namespace encore::server {
namespace {

constexpr std::int64_t seconds_per_day = 24 * 60 * 60;

void record_payment(db::Connection& db, const PaymentRequest& request, const char* method, const std::string& status,
                    const std::string& reference) {
    auto insert = db.prepare(
        "INSERT INTO payments (order_id, method, status, amount, card_token, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, request.order_id).bind(2, method).bind(3, status).bind(4, request.amount);
    if (request.card_token.empty()) insert.bind_null(5);
    else insert.bind(5, request.card_token);
    insert.bind(6, reference).bind(7, request.now.unix_seconds);
    insert.run();
}

}  // namespace

const char* payment_method_name(PaymentMethod method) { return method == PaymentMethod::card ? "card" : "invoice"; }

PaymentOutcome InvoiceProvider::pay(const PaymentRequest& request) {
    const std::string number = request.order_short_reference.empty() ? "inv_" + request.order_reference.substr(4)
                                                                      : "INV-" + request.order_short_reference;
    record_payment(db_, request, "invoice", "pending", number);
    return {true, "pending", {}};
}

Instant InvoiceProvider::due_at(Instant now, int invoice_days, std::optional<Instant> first_performance) {
    Instant due{now.unix_seconds + invoice_days * seconds_per_day};
    return first_performance ? std::min(due, *first_performance) : due;
}

void InvoiceProvider::settle(std::int64_t order_id, const char* status) {
    auto update = db_.prepare("UPDATE payments SET status = ? WHERE order_id = ? AND method = 'invoice' AND status = 'pending'");
    update.bind(1, status).bind(2, order_id);
    update.run();
}

ChargeResult TestCardProvider::charge(std::int64_t account_id, const std::string& card_token, std::int64_t amount,
                                      const std::string& reference) {
    auto select = db_.prepare(
        "SELECT p.outcome FROM cards c JOIN test_provider_cards p ON p.token = c.token "
        "WHERE c.token = ? AND c.account_id = ?");
    select.bind(1, card_token).bind(2, account_id);
    if (!select.step()) return {false, "unknown_card", {}};
    const std::string outcome = select.text(0);
    if (outcome.starts_with("decline:")) return {false, outcome.substr(8), {}};
    if (amount < 0) return {false, "invalid_amount", {}};
    return {true, {}, "ch_" + random_hex(12) + (reference.empty() ? "" : "_" + reference)};
}

PaymentOutcome TestCardProvider::pay(const PaymentRequest& request) {
    ChargeResult result = charge(request.account_id, request.card_token, request.amount, request.order_reference);
    if (!result.approved) return {false, {}, result.reason};
    record_payment(db_, request, "card", "approved", result.reference);
    return {true, "approved", {}};
}

}  // namespace encore::server
