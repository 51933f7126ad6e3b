// SQL of house_holds and the blocked seats they keep.
#include "store/house_holds.hpp"

#include <algorithm>

namespace encore::server {

std::vector<HouseHold> house_holds(db::Connection& db) {
    auto select = db.prepare("SELECT instance_id, seat_id FROM house_holds ORDER BY instance_id, seat_id");
    std::vector<HouseHold> out;
    while (select.step()) out.push_back({InstanceId{select.text(0)}, SeatId{select.text(1)}});
    return out;
}

void set_house_holds(db::Connection& db, SeatLedger& ledger, const InstanceId& instance, const std::vector<SeatId>& seats,
                     std::int64_t account_id, Instant now) {
    std::vector<SeatId> current;
    auto select = db.prepare("SELECT seat_id FROM house_holds WHERE instance_id = ?");
    select.bind(1, instance.value);
    while (select.step()) current.push_back(SeatId{select.text(0)});
    select.reset();
    for (const SeatId& seat : current) {
        if (std::find(seats.begin(), seats.end(), seat) != seats.end()) continue;
        db.prepare("DELETE FROM house_holds WHERE instance_id = ? AND seat_id = ?").bind(1, instance.value).bind(2, seat.value).run();
        ledger.release_house_seat(instance, seat);
    }
    for (const SeatId& seat : seats) {
        if (std::find(current.begin(), current.end(), seat) != current.end()) continue;
        db.prepare("INSERT INTO house_holds (instance_id, seat_id, account_id, created_at) VALUES (?, ?, ?, ?)")
            .bind(1, instance.value)
            .bind(2, seat.value)
            .bind(3, account_id)
            .bind(4, now.unix_seconds)
            .run();
        ledger.claim(instance, seat, SeatState::blocked, "", std::nullopt);  // stays whoever's it is when taken
    }
}

}  // namespace encore::server
