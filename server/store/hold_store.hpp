// The holds table and the seats each hold keeps: plain SQL on the caller's connection, inside the
// caller's transaction. Seat rows themselves change only through SeatLedger.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/ids.hpp"
#include "encore/time.hpp"
#include "store/database.hpp"
#include "store/seat_ledger.hpp"

namespace encore::server {

struct HoldRecord {
    std::string token;
    std::optional<std::int64_t> account_id;  // nullopt: an anonymous basket
    std::string client_id;
    Instant created_at;
    Instant expires_at;
    Instant max_expires_at;
    std::string kind = "basket";  // "subscription": a series the box office holds for a customer
};

// The write queue's turns for writing `seats`: performance_turn of each.
std::vector<std::string> performance_turns(const std::vector<SeatRef>& seats);

class HoldStore {
public:
    explicit HoldStore(db::Connection& db) : db_(db) {}

    std::optional<HoldRecord> find(const std::string& token);
    void insert(const HoldRecord& hold);
    void set_expiry(const std::string& token, Instant expires_at);
    void remove(const std::string& token);
    // Ends the hold if it keeps no seat any more (an order took them all).
    void remove_if_empty(const std::string& token);
    // The seats still held under the hold, by instance then seat.
    std::vector<SeatRef> held_seats(const std::string& token);
    // Tokens of holds that have expired by `now` (at most `limit`).
    std::vector<std::string> expired(Instant now, int limit);
    // Tokens of expired holds that keep this seat.
    std::vector<std::string> expired_holding(const SeatRef& seat, Instant now);

private:
    db::Connection& db_;
};

}  // namespace encore::server
