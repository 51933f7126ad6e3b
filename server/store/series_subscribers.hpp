// A paid order's series lines become subscriber records (003: only a package with both a season and a
// lineage makes one): one record per package and group of the order, with the order's seats, by `actor`.
#pragma once
#include <cstdint>
#include <vector>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"
#include "encore/subscriber.hpp"
#include "store/seat_ledger.hpp"
#include "store/database.hpp"

namespace encore::server {

// Inside the caller's transaction; `line_totals[i]` is what basket line i cost. Throws
// SubscriberWriteError if the core refuses a subscription the order has already sold.
void subscribe_series_lines(db::Connection& db, const Catalog& catalog, SeatLedger& ledger, std::int64_t account_id,
                            std::int64_t order_id, const Basket& basket, const std::vector<std::int64_t>& line_totals,
                            const Actor& actor, Instant now);
// The same for an order already stored (an invoice just paid), read from its basket and priced JSON.
void subscribe_stored_order(db::Connection& db, const Catalog& catalog, SeatLedger& ledger, std::int64_t order_id,
                            const Actor& actor, Instant now);

}  // namespace encore::server
