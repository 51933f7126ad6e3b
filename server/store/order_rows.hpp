// The rows one order writes, inside the caller's BEGIN IMMEDIATE transaction: the order, its seats
// (through SeatLedger), the pass codes it issues and redeems, memberships, subscriptions, offer uses
// and its payment. A refusal comes back as a value, with rows half-written: the caller rolls back.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"
#include "encore/pricing.hpp"
#include "store/payments.hpp"
#include "store/database.hpp"

namespace encore::server {

// An order the core has priced, as the caller asks for it.
struct OrderDraft {
    std::int64_t account_id = 0;
    const Basket& basket;
    const PricedBasket& priced;        // price_basket of `basket`, valid
    const std::vector<std::string>& holds;  // hold tokens whose seats the order may take
    PaymentMethod method = PaymentMethod::invoice;
    std::string card_token;            // card payments only
    Instant now;
    int invoice_days = 0;              // an invoice is due this long after `now` (or at the first performance)
    std::string owner;                 // the seats' owner for per-customer limits ("account:7"), or ""
    std::int64_t acting_staff = 0;     // a member of staff selling for the account (0: the account itself)
    // The stored texts of `basket` and `priced`, when the caller made them before the write ("": made here).
    std::string basket_json = {};
    std::string priced_json = {};
};

struct OrderWritten {
    std::int64_t order_id = 0;
};
// A seat of the basket is taken, or held by a hold the order did not present.
struct SeatNotFree {
    int line = 0;
    InstanceId instance;
    SeatId seat;
};
// The card provider declined; `reason` as PaymentOutcome gives it.
struct PaymentRefused {
    std::string reason;
};

using OrderWrite = std::variant<OrderWritten, SeatNotFree, PaymentRefused>;

// Writes the whole order (status "paid" for a card, "reserved" with a due time for an invoice) under
// a new reference "ord_<24 hex digits>" and a new short reference (order_reference.hpp), and finishes the
// seat ledger when it succeeds. A presented hold left with no seats ends with the order.
OrderWrite write_order(db::Connection& db, const Catalog& catalog, const OrderDraft& draft);

}  // namespace encore::server
