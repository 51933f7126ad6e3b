// Memberships and passes whose auto-renewal instant (002: a membership's end, a pass's expiry) has come,
// and what was done about each, inside the caller's transaction. Only paid holdings renew.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/ids.hpp"
#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

struct DueHolding {
    bool membership = false;   // else a pass
    std::int64_t id = 0;       // memberships.id; for a pass, 0 (its code names it)
    std::string code;          // the pass's code
    std::int64_t account_id = 0;
    ProductId product;
    Instant starts;            // a membership's start
    Instant ends;              // a membership's end or a pass's expiry: the renewal instant
    std::string card_token;    // the card that paid for it, if it was a card order
};

// Paid memberships and passes due by `t` that have not been processed, earliest first.
std::vector<DueHolding> due_holdings(db::Connection& db, Instant t, int limit);
// What auto-renew did: "renewed <order>", "invoiced <order>", "none: <why>".
void mark_holding_renewal(db::Connection& db, const DueHolding& holding, const std::string& outcome);
// The account's most recently stored card, if any.
std::optional<std::string> latest_card(db::Connection& db, std::int64_t account_id);

}  // namespace encore::server
