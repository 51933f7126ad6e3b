// Seats the house keeps (003's "a hold exists on the seat"): a subscriber's seat released at the lock
// date returns to HOLD there instead of OPEN. An open seat the house holds shows blocked at once.
#pragma once
#include <cstdint>
#include <vector>

#include "encore/ids.hpp"
#include "encore/time.hpp"
#include "store/seat_ledger.hpp"
#include "store/database.hpp"

namespace encore::server {

struct HouseHold {
    InstanceId instance;
    SeatId seat;
};

std::vector<HouseHold> house_holds(db::Connection& db);
// Makes `seats` the house's holds at the instance: new ones block the seat if it is open, dropped ones
// free the seat if the house was keeping it blocked. Inside the caller's transaction.
void set_house_holds(db::Connection& db, SeatLedger& ledger, const InstanceId& instance, const std::vector<SeatId>& seats,
                     std::int64_t account_id, Instant now);

}  // namespace encore::server
