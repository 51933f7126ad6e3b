// SQL for invoices after their order: due times, payment, lapse.
#include "store/invoice_store.hpp"

#include "store/payments.hpp"

namespace encore::server {

bool InvoiceStore::any_due(Instant now) {
    auto select = db_.prepare("SELECT 1 FROM orders WHERE status = 'reserved' AND due_at <= ? LIMIT 1");
    select.bind(1, now.unix_seconds);
    return select.step();
}

std::vector<std::int64_t> InvoiceStore::due(Instant now, int limit) {
    auto select = db_.prepare("SELECT id FROM orders WHERE status = 'reserved' AND due_at <= ? ORDER BY due_at LIMIT ?");
    select.bind(1, now.unix_seconds).bind(2, std::int64_t{limit});
    std::vector<std::int64_t> due;
    while (select.step()) due.push_back(select.integer(0));
    return due;
}

std::optional<Instant> InvoiceStore::due_at(std::int64_t order_id) {
    auto select = db_.prepare("SELECT due_at FROM orders WHERE id = ?");
    select.bind(1, order_id);
    if (!select.step() || select.is_null(0)) return std::nullopt;
    return Instant{select.integer(0)};
}

void InvoiceStore::mark_paid(SeatLedger& ledger, std::int64_t order_id, Instant now) {
    auto update = db_.prepare("UPDATE orders SET status = 'paid', paid_at = ? WHERE id = ?");
    update.bind(1, now.unix_seconds).bind(2, order_id);
    update.run();
    ledger.set_order_state(order_id, SeatState::sold);
    InvoiceProvider(db_).settle(order_id, "paid");
}

void InvoiceStore::lapse(SeatLedger& ledger, std::int64_t order_id) {
    ledger.release_order(order_id);
    for (const char* sql : {
             "DELETE FROM pass_redemptions WHERE order_id = ?1 OR code IN (SELECT code FROM passes WHERE order_id = ?1)",
             "DELETE FROM passes WHERE order_id = ?1",
             "DELETE FROM memberships WHERE order_id = ?1",
             "DELETE FROM subscriptions WHERE order_id = ?1",
             "DELETE FROM offer_uses WHERE order_id = ?1",
             "UPDATE orders SET status = 'lapsed' WHERE id = ?1",
         }) {
        auto statement = db_.prepare(sql);
        statement.bind(1, order_id);
        statement.run();
    }
    InvoiceProvider(db_).settle(order_id, "lapsed");
}

}  // namespace encore::server
