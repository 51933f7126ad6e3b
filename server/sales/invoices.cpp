// Invoices after the order: marking one paid, and lapsing those unpaid at their due time.
#include "sales/invoices.hpp"

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "store/connection_pool.hpp"
#include "store/invoice_store.hpp"
#include "store/order_view.hpp"
#include "store/seat_ledger.hpp"
#include "store/series_subscribers.hpp"

namespace encore::server {
namespace {

constexpr int lapses_per_pass = 200;

}  // namespace

void lapse_unpaid_invoices(ServerContext& ctx) {
    const Instant now = ctx.clock.now();
    auto db = ctx.pool.lease();
    InvoiceStore invoices(*db);
    if (!invoices.any_due(now)) return;  // the common case takes no write lock
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    SeatLedger ledger(*db);
    for (std::int64_t order_id : invoices.due(now, lapses_per_pass)) invoices.lapse(ledger, order_id);
    ledger.finish();
    transaction.commit();
}

ApiResponse mark_invoice_paid(ServerContext& ctx, const std::string& reference, const Account& staff) {
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    const auto order = find_order(*db, reference);
    if (!order)
        return problem_response(404, ApiProblem::order_not_found, "Order not found", "There is no order " + reference + ".");
    if (order->status == "paid") return {200, {{"order", order_json(*db, order->id)}}};
    InvoiceStore invoices(*db);
    const auto due = invoices.due_at(order->id);
    const bool overdue = due && due->unix_seconds <= ctx.clock.now().unix_seconds;
    if (order->status != "reserved" || overdue)
        return problem_response(409, ApiProblem::order_not_payable, "Order cannot be paid",
                                "Order " + reference + " is " + (overdue ? std::string("past its due time") : order->status) +
                                    "; only a reserved invoice before its due time can be marked paid.");
    SeatLedger ledger(*db);
    invoices.mark_paid(ledger, order->id, ctx.clock.now());
    if (auto published = ctx.catalog.current())
        subscribe_stored_order(*db, published->catalog, ledger, order->id, Actor{ActorKind::staff, std::to_string(staff.id)},
                               ctx.clock.now());
    ledger.finish();
    ApiResponse paid{200, {{"order", order_json(*db, order->id)}}};
    transaction.commit();
    return paid;
}

}  // namespace encore::server
