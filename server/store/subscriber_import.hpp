// The write half of importing existing subscribers (the core checked every row first): each one's
// customer account (found by email, or created without a password: they sign in once one is set),
// its Import and Rollover rows, its reserved seats and outbox rows, in the caller's transaction.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "encore/subscriber_import.hpp"
#include "store/seat_ledger.hpp"
#include "store/database.hpp"

namespace encore::server {

struct ImportWritten {
    std::int64_t subscribers = 0;
    std::int64_t new_accounts = 0;
};

// Calls `progress(done)` after each subscriber.
ImportWritten write_imported_subscribers(db::Connection& db, const Catalog& catalog, SeatLedger& ledger,
                                         const std::vector<ImportedSubscriber>& subscribers, const Actor& actor, Instant now,
                                         const std::function<void(std::size_t)>& progress);
// Every (instance, seat) a subscriber cannot have (not open, and not just kept by the house), as
// "<instance>\t<seat>".
std::unordered_set<std::string> occupied_seats(db::Connection& db);

}  // namespace encore::server
