// Seat state changes with per-instance versions and a change log.
#include "store/seat_ledger.hpp"

#include <algorithm>
#include <chrono>
#include <set>


namespace encore::server {

// A seat_states row the house keeps (blocked by a house hold, nobody's): a subscriber may still have the seat.
const char* const house_kept =
    "state = 'blocked' AND hold_token IS NULL AND order_id IS NULL AND subscriber_id IS NULL AND EXISTS "
    "(SELECT 1 FROM house_holds h WHERE h.instance_id = seat_states.instance_id AND h.seat_id = seat_states.seat_id)";

void SeatLedger::record(const std::string& instance, const std::string& seat, SeatState state) {
    changed_[instance][seat] = state;
}

bool SeatLedger::claim(const InstanceId& instance, const SeatId& seat, SeatState state, const std::string& hold_token,
                       std::optional<std::int64_t> order_id, const std::string& owner) {
    auto insert = db_.prepare(
        "INSERT INTO seat_states (instance_id, seat_id, state, changed_version, hold_token, order_id, owner) "
        "VALUES (?, ?, ?, 0, ?, ?, NULLIF(?, '')) ON CONFLICT DO NOTHING");
    insert.bind(1, instance.value).bind(2, seat.value).bind(3, seat_state_name(state));
    if (hold_token.empty()) insert.bind_null(4);
    else insert.bind(4, hold_token);
    if (order_id) insert.bind(5, *order_id);
    else insert.bind_null(5);
    insert.bind(6, owner);
    insert.run();
    if (db_.changes() != 1) return false;
    record(instance.value, seat.value, state);
    return true;
}

bool SeatLedger::convert_held(const InstanceId& instance, const SeatId& seat, const std::string& hold_token,
                              SeatState state, std::int64_t order_id, const std::string& owner) {
    auto update = db_.prepare(
        "UPDATE seat_states SET state = ?, hold_token = NULL, order_id = ?, owner = COALESCE(NULLIF(?, ''), owner) "
        "WHERE instance_id = ? AND seat_id = ? AND state = 'held' AND hold_token = ?");
    update.bind(1, seat_state_name(state)).bind(2, order_id).bind(3, owner).bind(4, instance.value).bind(5, seat.value);
    update.bind(6, hold_token);
    update.run();
    if (db_.changes() != 1) return false;
    record(instance.value, seat.value, state);
    return true;
}

int SeatLedger::release_where(const char* column, const std::string& text, std::int64_t number) {
    const std::string where = std::string(" WHERE ") + column + " = ?";
    auto select = db_.prepare("SELECT instance_id, seat_id FROM seat_states" + where);
    if (text.empty()) select.bind(1, number);
    else select.bind(1, text);
    int released = 0;
    while (select.step()) {
        record(select.text(0), select.text(1), SeatState::open);
        ++released;
    }
    auto remove = db_.prepare("DELETE FROM seat_states" + where);
    if (text.empty()) remove.bind(1, number);
    else remove.bind(1, text);
    remove.run();
    return released;
}

int SeatLedger::release_hold(const std::string& hold_token) { return release_where("hold_token", hold_token, 0); }

bool SeatLedger::release_held(const InstanceId& instance, const SeatId& seat, const std::string& hold_token) {
    auto remove = db_.prepare(
        "DELETE FROM seat_states WHERE instance_id = ? AND seat_id = ? AND state = 'held' AND hold_token = ?");
    remove.bind(1, instance.value).bind(2, seat.value).bind(3, hold_token);
    remove.run();
    if (db_.changes() != 1) return false;
    record(instance.value, seat.value, SeatState::open);
    return true;
}

int SeatLedger::release_order(std::int64_t order_id) { return release_where("order_id", {}, order_id); }

int SeatLedger::set_order_state(std::int64_t order_id, SeatState state) {
    auto select = db_.prepare("SELECT instance_id, seat_id FROM seat_states WHERE order_id = ?");
    select.bind(1, order_id);
    int changed = 0;
    while (select.step()) {
        record(select.text(0), select.text(1), state);
        ++changed;
    }
    auto update = db_.prepare("UPDATE seat_states SET state = ? WHERE order_id = ?");
    update.bind(1, seat_state_name(state)).bind(2, order_id);
    update.run();
    return changed;
}

bool SeatLedger::place_subscriber_seat(const InstanceId& instance, const SeatId& seat, SeatState state,
                                       std::int64_t subscriber_id) {
    auto insert = db_.prepare(
        "INSERT INTO seat_states (instance_id, seat_id, state, changed_version, subscriber_id) VALUES (?, ?, ?, 0, ?) "
        "ON CONFLICT DO NOTHING");
    insert.bind(1, instance.value).bind(2, seat.value).bind(3, seat_state_name(state)).bind(4, subscriber_id);
    insert.run();
    if (db_.changes() != 1) {  // the seat has a row: the subscriber's own, or one the house keeps for them
        auto update = db_.prepare(
            "UPDATE seat_states SET state = ?1, subscriber_id = ?4 WHERE instance_id = ?2 AND seat_id = ?3 AND (subscriber_id = ?4 OR ("
            + std::string(house_kept) + "))");
        update.bind(1, seat_state_name(state)).bind(2, instance.value).bind(3, seat.value).bind(4, subscriber_id);
        update.run();
        if (db_.changes() != 1) return false;
    }
    record(instance.value, seat.value, state);
    return true;
}

bool SeatLedger::adopt_order_seat(const InstanceId& instance, const SeatId& seat, std::int64_t order_id, std::int64_t subscriber_id) {
    auto update = db_.prepare("UPDATE seat_states SET subscriber_id = ? WHERE instance_id = ? AND seat_id = ? AND order_id = ?");
    update.bind(1, subscriber_id).bind(2, instance.value).bind(3, seat.value).bind(4, order_id);
    update.run();
    return db_.changes() == 1;
}

void SeatLedger::release_subscriber_seat(const InstanceId& instance, const SeatId& seat, std::int64_t subscriber_id,
                                         bool to_house) {
    if (to_house) {
        auto keep = db_.prepare(
            "UPDATE seat_states SET state = 'blocked', subscriber_id = NULL, order_id = NULL, hold_token = NULL "
            "WHERE instance_id = ? AND seat_id = ? AND subscriber_id = ?");
        keep.bind(1, instance.value).bind(2, seat.value).bind(3, subscriber_id);
        keep.run();
        if (db_.changes() == 1) record(instance.value, seat.value, SeatState::blocked);
        return;
    }
    auto remove = db_.prepare("DELETE FROM seat_states WHERE instance_id = ? AND seat_id = ? AND subscriber_id = ?");
    remove.bind(1, instance.value).bind(2, seat.value).bind(3, subscriber_id);
    remove.run();
    if (db_.changes() == 1) record(instance.value, seat.value, SeatState::open);
}

void SeatLedger::release_house_seat(const InstanceId& instance, const SeatId& seat) {
    auto remove = db_.prepare(
        "DELETE FROM seat_states WHERE instance_id = ? AND seat_id = ? AND state = 'blocked' AND hold_token IS NULL "
        "AND order_id IS NULL AND subscriber_id IS NULL");
    remove.bind(1, instance.value).bind(2, seat.value);
    remove.run();
    if (db_.changes() == 1) record(instance.value, seat.value, SeatState::open);
}

namespace {

// Rows per multi-row statement: a power of two up to 64 (n rows take popcount(n) statements), so each
// statement has at most 7 texts in the connection's statement cache and stays far under the limits on
// parameters.
constexpr std::size_t most_rows_per_statement = 64;

std::size_t rows_in_chunk(std::size_t left) {
    std::size_t rows = most_rows_per_statement;
    while (rows > left) rows /= 2;
    return rows;
}

std::string values_list(std::size_t rows, const char* row) {
    std::string list;
    for (std::size_t i = 0; i < rows; ++i) list += (i ? ", " : "") + std::string(row);
    return list;
}

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::map<std::string, std::int64_t> SeatLedger::bump_versions(const std::vector<SeatRef>& seats) {
    std::set<std::string> instances;
    for (const SeatRef& seat : seats) instances.insert(seat.instance.value);
    const std::vector<std::string> sorted(instances.begin(), instances.end());  // one order for every writer
    std::map<std::string, std::int64_t> versions;
    for (std::size_t from = 0, rows = 0; from < sorted.size(); from += rows) {
        rows = rows_in_chunk(sorted.size() - from);
        auto bump = db_.prepare("INSERT INTO instance_versions (instance_id, version) VALUES " + values_list(rows, "(?, 1)") +
                                " ON CONFLICT (instance_id) DO UPDATE SET version = instance_versions.version + 1 "
                                "RETURNING instance_id, version");
        for (std::size_t i = 0; i < rows; ++i) bump.bind(static_cast<int>(i + 1), sorted[from + i]);
        while (bump.step()) versions[bump.text(0)] = bump.integer(1);
    }
    return versions;
}

void SeatLedger::log_all(const std::vector<SeatRef>& seats, SeatState state, const std::map<std::string, std::int64_t>& versions) {
    const std::int64_t changed_at = unix_now();
    for (std::size_t from = 0, rows = 0; from < seats.size(); from += rows) {
        rows = rows_in_chunk(seats.size() - from);
        auto log = db_.prepare("INSERT INTO seat_changes (instance_id, version, seat_id, state, changed_at) VALUES " +
                               values_list(rows, "(?, ?, ?, ?, ?)") +
                               " ON CONFLICT (instance_id, version, seat_id) DO UPDATE SET state = excluded.state, "
                               "changed_at = excluded.changed_at");
        int at = 1;
        for (std::size_t i = from; i < from + rows; ++i) {
            log.bind(at++, seats[i].instance.value);
            log.bind(at++, versions.at(seats[i].instance.value));
            log.bind(at++, seats[i].seat.value);
            log.bind(at++, seat_state_name(state));
            log.bind(at++, changed_at);
        }
        log.run();
    }
}

std::vector<SeatRef> SeatLedger::claim_all(const std::vector<SeatRef>& seats, SeatState state, const std::string& hold_token,
                                           std::optional<std::int64_t> order_id, const std::string& owner) {
    std::vector<SeatRef> wanted, refused;
    std::set<SeatRef> named;
    for (const SeatRef& seat : seats) (named.insert(seat).second ? wanted : refused).push_back(seat);
    if (wanted.empty()) return refused;
    const std::map<std::string, std::int64_t> versions = bump_versions(wanted);
    std::set<SeatRef> claimed;
    for (std::size_t from = 0, rows = 0; from < wanted.size(); from += rows) {
        rows = rows_in_chunk(wanted.size() - from);
        auto insert = db_.prepare(
            "INSERT INTO seat_states (instance_id, seat_id, state, changed_version, hold_token, order_id, owner) VALUES " +
            values_list(rows, "(?, ?, ?, ?, ?, ?, NULLIF(?, ''))") + " ON CONFLICT DO NOTHING RETURNING instance_id, seat_id");
        int at = 1;
        for (std::size_t i = from; i < from + rows; ++i) {
            insert.bind(at++, wanted[i].instance.value);
            insert.bind(at++, wanted[i].seat.value);
            insert.bind(at++, seat_state_name(state));
            insert.bind(at++, versions.at(wanted[i].instance.value));
            if (hold_token.empty()) insert.bind_null(at++);
            else insert.bind(at++, hold_token);
            if (order_id) insert.bind(at++, *order_id);
            else insert.bind_null(at++);
            insert.bind(at++, owner);
        }
        while (insert.step()) claimed.insert({InstanceId{insert.text(0)}, SeatId{insert.text(1)}});
    }
    std::vector<SeatRef> taken;
    for (const SeatRef& seat : wanted) (claimed.contains(seat) ? taken : refused).push_back(seat);
    log_all(taken, state, versions);
    return refused;
}

bool SeatLedger::convert_hold_all(const std::string& hold_token, const std::vector<SeatRef>& seats, SeatState state,
                                  std::int64_t order_id, const std::string& owner) {
    const std::set<SeatRef> wanted(seats.begin(), seats.end());
    if (wanted.size() != seats.size() || wanted.empty()) return false;
    const std::map<std::string, std::int64_t> versions = bump_versions(seats);
    auto update = db_.prepare(
        "UPDATE seat_states SET state = ?, hold_token = NULL, order_id = ?, owner = COALESCE(NULLIF(?, ''), owner), "
        "changed_version = (SELECT v.version FROM instance_versions v WHERE v.instance_id = seat_states.instance_id) "
        "WHERE hold_token = ? AND state = 'held' RETURNING instance_id, seat_id");
    update.bind(1, seat_state_name(state)).bind(2, order_id).bind(3, owner).bind(4, hold_token);
    std::set<SeatRef> converted;
    while (update.step()) converted.insert({InstanceId{update.text(0)}, SeatId{update.text(1)}});
    if (converted != wanted) return false;
    log_all(seats, state, versions);
    return true;
}

void SeatLedger::finish() {
    for (const auto& [instance, seats] : changed_) {
        auto bump = db_.prepare(
            "INSERT INTO instance_versions (instance_id, version) VALUES (?, 1) "
            "ON CONFLICT (instance_id) DO UPDATE SET version = instance_versions.version + 1 RETURNING version");
        bump.bind(1, instance);
        bump.step();
        const std::int64_t version = bump.integer(0);
        bump.reset();
        auto log = db_.prepare(
            "INSERT INTO seat_changes (instance_id, version, seat_id, state, changed_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (instance_id, version, seat_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at");
        const std::int64_t changed_at = unix_now();
        auto stamp = db_.prepare("UPDATE seat_states SET changed_version = ? WHERE instance_id = ? AND seat_id = ?");
        for (const auto& [seat, state] : seats) {
            log.bind(1, instance).bind(2, version).bind(3, seat).bind(4, seat_state_name(state)).bind(5, changed_at);
            log.run();
            log.reset();
            if (state != SeatState::open) {
                stamp.bind(1, version).bind(2, instance).bind(3, seat);
                stamp.run();
                stamp.reset();
            }
        }
    }
    changed_.clear();
}

}  // namespace encore::server
