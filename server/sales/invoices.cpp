// Invoices after the order: marking one paid, and lapsing those unpaid at their due time.
#include "sales/invoices.hpp"

#include "app/clock.hpp"
#include "store/connection_pool.hpp"
#include "store/order_view.hpp"
#include "store/payments.hpp"
#include "store/seat_ledger.hpp"

namespace encore::server {
namespace {

constexpr int lapses_per_pass = 200;

// Removes what a lapsed order created, frees its seats and marks it and its payment lapsed.
void lapse_order(sqlite::Connection& db, SeatLedger& ledger, std::int64_t order_id) {
    ledger.release_order(order_id);
    for (const char* sql : {
             "DELETE FROM pass_redemptions WHERE order_id = ?1 OR code IN (SELECT code FROM passes WHERE order_id = ?1)",
             "DELETE FROM passes WHERE order_id = ?1",
             "DELETE FROM memberships WHERE order_id = ?1",
             "DELETE FROM subscriptions WHERE order_id = ?1",
             "DELETE FROM offer_uses WHERE order_id = ?1",
             "UPDATE orders SET status = 'lapsed' WHERE id = ?1",
         }) {
        auto statement = db.prepare(sql);
        statement.bind(1, order_id);
        statement.run();
    }
    InvoiceProvider(db).settle(order_id, "lapsed");
}

bool any_invoice_due(sqlite::Connection& db, Instant now) {
    auto select = db.prepare("SELECT 1 FROM orders WHERE status = 'reserved' AND due_at <= ? LIMIT 1");
    select.bind(1, now.unix_seconds);
    return select.step();
}

}  // namespace

void lapse_unpaid_invoices(ServerContext& ctx) {
    auto db = ctx.pool.lease();
    if (!any_invoice_due(*db, ctx.clock.now())) return;
    sqlite::Transaction transaction(*db, sqlite::Transaction::Kind::immediate);
    auto select = db->prepare("SELECT id FROM orders WHERE status = 'reserved' AND due_at <= ? ORDER BY due_at LIMIT ?");
    select.bind(1, ctx.clock.now().unix_seconds).bind(2, std::int64_t{lapses_per_pass});
    std::vector<std::int64_t> due;
    while (select.step()) due.push_back(select.integer(0));
    SeatLedger ledger(*db);
    for (std::int64_t order_id : due) lapse_order(*db, ledger, order_id);
    ledger.finish();
    transaction.commit();
}

ApiResponse mark_invoice_paid(ServerContext& ctx, const std::string& reference) {
    auto db = ctx.pool.lease();
    sqlite::Transaction transaction(*db, sqlite::Transaction::Kind::immediate);
    const auto order = find_order(*db, reference);
    if (!order)
        return problem_response(404, "order_not_found", "Order not found", "There is no order " + reference + ".");
    if (order->status == "paid") return {200, {{"order", order_json(*db, order->id)}}};
    auto due = db->prepare("SELECT due_at FROM orders WHERE id = ?");
    due.bind(1, order->id);
    const bool overdue = due.step() && !due.is_null(0) && due.integer(0) <= ctx.clock.now().unix_seconds;
    if (order->status != "reserved" || overdue)
        return problem_response(409, "order_not_payable", "Order cannot be paid",
                                "Order " + reference + " is " + (overdue ? std::string("past its due time") : order->status) +
                                    "; only a reserved invoice before its due time can be marked paid.");
    auto update = db->prepare("UPDATE orders SET status = 'paid', paid_at = ? WHERE id = ?");
    update.bind(1, ctx.clock.now().unix_seconds).bind(2, order->id);
    update.run();
    SeatLedger ledger(*db);
    ledger.set_order_state(order->id, SeatState::sold);
    InvoiceProvider(*db).settle(order->id, "paid");
    ledger.finish();
    ApiResponse paid{200, {{"order", order_json(*db, order->id)}}};
    transaction.commit();
    return paid;
}

}  // namespace encore::server
