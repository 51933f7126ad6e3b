// The one place seat rows change. Inside the caller's BEGIN IMMEDIATE transaction it claims, converts
// and releases seats; finish() bumps each touched instance's version and logs every change, so
// clients can fetch the changes since a version instead of the whole map.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "encore/availability.hpp"
#include "encore/ids.hpp"
#include "store/sqlite.hpp"

namespace encore::server {

class SeatLedger {
public:
    explicit SeatLedger(sqlite::Connection& db) : db_(db) {}

    // Takes an open seat (no row yet) into `state`; false if the seat already has a row. The row's
    // primary key (instance, seat) makes a second claim of the same seat impossible. `owner` ("account:7",
    // "client:203.0.113.9", or "" for none) is who per-customer seat limits count it against.
    bool claim(const InstanceId& instance, const SeatId& seat, SeatState state, const std::string& hold_token,
               std::optional<std::int64_t> order_id, const std::string& owner = {});
    // Turns a seat held under `hold_token` into `state` for an order; false if that hold does not hold it.
    bool convert_held(const InstanceId& instance, const SeatId& seat, const std::string& hold_token, SeatState state,
                      std::int64_t order_id, const std::string& owner = {});
    // Frees every seat held under a hold token; returns how many.
    int release_hold(const std::string& hold_token);
    // Frees one seat held under `hold_token`; false if that hold does not hold it.
    bool release_held(const InstanceId& instance, const SeatId& seat, const std::string& hold_token);
    // Frees every seat of an order (a lapsed invoice); returns how many.
    int release_order(std::int64_t order_id);
    // Moves every seat of an order to `state` (reserved -> sold when an invoice is paid).
    int set_order_state(std::int64_t order_id, SeatState state);
    // Bumps versions and writes the change log for everything changed so far. Call before commit.
    void finish();

private:
    void record(const std::string& instance, const std::string& seat, SeatState state);
    int release_where(const char* column, const std::string& text, std::int64_t number);

    sqlite::Connection& db_;
    std::map<std::string, std::map<std::string, SeatState>> changed_;  // instance -> seat -> new state
};

}  // namespace encore::server
