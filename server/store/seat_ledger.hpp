// The one place seat rows change. Inside the caller's BEGIN IMMEDIATE transaction it claims, converts
// and releases seats; finish() bumps each touched instance's version and logs every change, so
// clients can fetch the changes since a version instead of the whole map. The *_all operations do the
// same for many seats in a few statements (a series spans 40 performances): they bump the versions
// first, write the rows with their version and log them at once.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "encore/availability.hpp"
#include "encore/ids.hpp"
#include "store/database.hpp"

namespace encore::server {

struct SeatRef {
    InstanceId instance;
    SeatId seat;
    bool operator==(const SeatRef&) const = default;
    bool operator<(const SeatRef& other) const { return std::tie(instance, seat) < std::tie(other.instance, other.seat); }
};

// The condition (on a seat_states row) of a seat the house keeps and nobody has: blocked by a house
// hold, which a subscriber's seat may sit over (released, it returns to the house).
extern const char* const house_kept;

class SeatLedger {
public:
    explicit SeatLedger(db::Connection& db) : db_(db) {}

    // Takes an open seat (no row yet) into `state`; false if the seat already has a row. The row's
    // primary key (instance, seat) makes a second claim of the same seat impossible. `owner` ("account:7",
    // "client:203.0.113.9", or "" for none) is who per-customer seat limits count it against.
    bool claim(const InstanceId& instance, const SeatId& seat, SeatState state, const std::string& hold_token,
               std::optional<std::int64_t> order_id, const std::string& owner = {});
    // claim for many seats at once; returns the seats it could not take (already taken, or named twice).
    std::vector<SeatRef> claim_all(const std::vector<SeatRef>& seats, SeatState state, const std::string& hold_token,
                                   std::optional<std::int64_t> order_id, const std::string& owner = {});
    // Turns every seat still held under `hold_token` into `state` for an order; false unless those are
    // exactly `seats` (the caller then undoes the write).
    bool convert_hold_all(const std::string& hold_token, const std::vector<SeatRef>& seats, SeatState state,
                          std::int64_t order_id, const std::string& owner = {});
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
    // A subscriber's seat, sold or reserved: takes it when open or kept by the house, or changes it when it
    // is already the subscriber's; false when someone else has it.
    bool place_subscriber_seat(const InstanceId& instance, const SeatId& seat, SeatState state, std::int64_t subscriber_id);
    // The seat of a paid order becomes a subscriber's too (a subscription bought); false if the order has no such seat.
    bool adopt_order_seat(const InstanceId& instance, const SeatId& seat, std::int64_t order_id, std::int64_t subscriber_id);
    // Gives a subscriber's seat up: open again, or kept by the house (blocked) when `to_house`.
    void release_subscriber_seat(const InstanceId& instance, const SeatId& seat, std::int64_t subscriber_id, bool to_house);
    // Frees a seat the house was keeping (blocked, with no hold, order or subscriber).
    void release_house_seat(const InstanceId& instance, const SeatId& seat);
    // Bumps versions and writes the change log for everything changed so far. Call before commit.
    void finish();

private:
    // Bumps the versions of the instances of `seats` now; instance -> its new version.
    std::map<std::string, std::int64_t> bump_versions(const std::vector<SeatRef>& seats);
    // Logs `seats` (changed to `state`) under the versions bump_versions gave.
    void log_all(const std::vector<SeatRef>& seats, SeatState state, const std::map<std::string, std::int64_t>& versions);
    void record(const std::string& instance, const std::string& seat, SeatState state);
    int release_where(const char* column, const std::string& text, std::int64_t number);

    db::Connection& db_;
    std::map<std::string, std::map<std::string, SeatState>> changed_;  // instance -> seat -> new state
};

}  // namespace encore::server
