// SQL for the holds table.
#include "store/hold_store.hpp"

#include "store/write_queue.hpp"

namespace encore::server {

std::optional<HoldRecord> HoldStore::find(const std::string& token) {
    auto select = db_.prepare(
        "SELECT account_id, client_id, created_at, expires_at, max_expires_at FROM holds WHERE token = ?");
    select.bind(1, token);
    if (!select.step()) return std::nullopt;
    HoldRecord hold{token, std::nullopt, select.text(1), Instant{select.integer(2)}, Instant{select.integer(3)},
                    Instant{select.integer(4)}};
    if (!select.is_null(0)) hold.account_id = select.integer(0);
    return hold;
}

void HoldStore::insert(const HoldRecord& hold) {
    auto insert = db_.prepare(
        "INSERT INTO holds (token, account_id, client_id, kind, created_at, expires_at, max_expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, hold.token);
    if (hold.account_id) insert.bind(2, *hold.account_id);
    else insert.bind_null(2);
    insert.bind(3, hold.client_id)
        .bind(4, hold.kind)
        .bind(5, hold.created_at.unix_seconds)
        .bind(6, hold.expires_at.unix_seconds)
        .bind(7, hold.max_expires_at.unix_seconds);
    insert.run();
}

void HoldStore::set_expiry(const std::string& token, Instant expires_at) {
    db_.prepare("UPDATE holds SET expires_at = ? WHERE token = ?").bind(1, expires_at.unix_seconds).bind(2, token).run();
}

void HoldStore::remove(const std::string& token) {
    db_.prepare("DELETE FROM holds WHERE token = ?").bind(1, token).run();
}

void HoldStore::remove_if_empty(const std::string& token) {
    db_.prepare("DELETE FROM holds WHERE token = ?1 AND NOT EXISTS (SELECT 1 FROM seat_states WHERE hold_token = ?1)")
        .bind(1, token)
        .run();
}

std::vector<SeatRef> HoldStore::held_seats(const std::string& token) {
    auto select = db_.prepare(
        "SELECT instance_id, seat_id FROM seat_states WHERE hold_token = ? AND state = 'held' "
        "ORDER BY instance_id, seat_id");
    select.bind(1, token);
    std::vector<SeatRef> seats;
    while (select.step()) seats.push_back({InstanceId{select.text(0)}, SeatId{select.text(1)}});
    return seats;
}

std::vector<std::string> HoldStore::expired(Instant now, int limit) {
    auto select = db_.prepare("SELECT token FROM holds WHERE expires_at <= ? ORDER BY expires_at LIMIT ?");
    select.bind(1, now.unix_seconds).bind(2, std::int64_t{limit});
    std::vector<std::string> tokens;
    while (select.step()) tokens.push_back(select.text(0));
    return tokens;
}

std::vector<std::string> HoldStore::expired_holding(const SeatRef& seat, Instant now) {
    auto select = db_.prepare(
        "SELECT h.token FROM seat_states s JOIN holds h ON h.token = s.hold_token "
        "WHERE s.instance_id = ? AND s.seat_id = ? AND h.expires_at <= ?");
    select.bind(1, seat.instance.value).bind(2, seat.seat.value).bind(3, now.unix_seconds);
    std::vector<std::string> tokens;
    while (select.step()) tokens.push_back(select.text(0));
    return tokens;
}

std::vector<std::string> performance_turns(const std::vector<SeatRef>& seats) {
    std::vector<std::string> turns;
    for (const SeatRef& seat : seats) turns.push_back(performance_turn(seat.instance.value));
    return turns;
}

}  // namespace encore::server
