// One customer's purchase as the load tests make it: hold the seat(s), price the same basket with the
// core for the order's `expected` totals, place the order with an Idempotency-Key and a test card, and
// release the hold if the order fails. Everything the client saw is kept for the audit afterwards.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_client.hpp"
#include "encore/catalog.hpp"
#include "encore/time.hpp"

namespace encore::load {

// What a customer wants: single tickets at one instance, or one seat across a series group.
struct Want {
    bool series = false;
    std::string instance;                 // tickets
    std::vector<std::string> seats;       // tickets: the seats; series: exactly one seat
    std::string series_id, group_id;      // series
    bool direct = false;                  // order without holding first: the order claims the seats itself
};

using SeatKey = std::pair<std::string, std::string>;  // (instance, seat)

struct Attempt {
    int client = 0;
    std::string account_email;
    std::string token;                   // the bearer token of the account
    Want want;
    std::vector<SeatKey> seats;          // every (instance, seat) the purchase covers
    Reply hold;                          // POST /api/holds
    std::string hold_token;
    Reply order;                         // POST /api/orders (status 0 if never sent)
    std::string idempotency_key;
    int order_sends = 0;                 // > 1: the order was re-sent with its key after getting no answer
    nlohmann::json order_body;
    std::string reference;               // set when the order was acknowledged (201)
    Reply release;                       // DELETE /api/holds/{token} after a failed order
    bool acknowledged() const { return !reference.empty(); }
};

// The (instance, seat) pairs a want covers, using the catalog's series groups.
std::vector<SeatKey> seats_of(const Catalog& catalog, const Want& want);

// The order body for a priced basket; nullopt (with `why`) if the core cannot price it.
std::optional<nlohmann::json> order_body(const Catalog& catalog, const Want& want, const std::string& hold_token,
                                         const std::string& card_token, Instant now, std::string* why);

// Holds (unless want.direct), orders (retrying an unanswered order with the same key up to `order_retries` times, waiting
// 100 ms between) and releases on failure.
Attempt purchase(ApiClient& api, const Catalog& catalog, const Want& want, const std::string& card_token,
                 const std::string& idempotency_key, int order_retries = 0);

// The catalog served by GET /api/catalog, loaded by the core; throws if it cannot be.
Catalog fetch_catalog(ApiClient& api);

}  // namespace encore::load
