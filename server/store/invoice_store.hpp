// Unpaid invoices in the orders table, inside the caller's transaction: which are due, marking one
// paid (its seats sold) and lapsing one (its seats freed and what its order created removed). Seat
// rows change through the caller's SeatLedger, which the caller finishes.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "encore/time.hpp"
#include "store/seat_ledger.hpp"
#include "store/database.hpp"

namespace encore::server {

class InvoiceStore {
public:
    explicit InvoiceStore(db::Connection& db) : db_(db) {}

    // True if a reserved order's due time has passed by `now`.
    bool any_due(Instant now);
    // Ids of reserved orders due by `now`, earliest due first (at most `limit`).
    std::vector<std::int64_t> due(Instant now, int limit);
    // The order's due time, or nullopt if it has none (a card order).
    std::optional<Instant> due_at(std::int64_t order_id);
    // The order becomes paid at `now`, its seats sold and its invoice payment "paid".
    void mark_paid(SeatLedger& ledger, std::int64_t order_id, Instant now);
    // Frees the order's seats, removes its passes, redemptions, memberships, subscriptions and offer
    // uses, and marks it and its invoice payment lapsed.
    void lapse(SeatLedger& ledger, std::int64_t order_id);

private:
    db::Connection& db_;
};

}  // namespace encore::server
