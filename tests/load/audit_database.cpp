// Database half of the audit: queries over seat_states, holds and orders, in one read transaction, on
// the SQLite file or the PostgreSQL database the servers used (through the store's db::open).
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "audit.hpp"
#include "store/database.hpp"

namespace encore::load {
namespace {

namespace db = encore::server::db;

// Every row of a query as `columns` text columns (NULL as "").
std::vector<std::vector<std::string>> rows(db::Connection& connection, const std::string& sql, int columns) {
    std::vector<std::vector<std::string>> out;
    try {
        auto select = connection.prepare(sql);
        while (select.step()) {
            std::vector<std::string> row;
            for (int i = 0; i < columns; ++i) row.push_back(select.is_null(i) ? "" : select.text(i));
            out.push_back(std::move(row));
        }
    } catch (const db::Error& error) {
        throw std::runtime_error("audit query failed: " + std::string(error.what()) + " in " + sql);
    }
    return out;
}

std::string seat_text(const SeatKey& seat) { return seat.first + "/" + seat.second; }

}  // namespace

std::string AuditResult::summary(std::size_t max_listed) const {
    std::ostringstream out;
    if (violations.empty()) {
        out << "clean: " << acknowledged_orders << " acknowledged orders with " << acknowledged_seats
            << " seats; database: " << orders << " orders, " << sold_seats << " sold seats, " << seat_rows
            << " seat rows";
        return out.str();
    }
    // A count per kind (the text before the first ':'), so a verdict never depends on which ones are listed.
    std::map<std::string, int> kinds;
    for (const std::string& v : violations) ++kinds[v.substr(0, v.find(':'))];
    out << violations.size() << " violations by kind:";
    for (const auto& [kind, count] : kinds) out << "\n  " << count << " x " << kind;
    out << "\nfirst ones:";
    for (std::size_t i = 0; i < violations.size() && i < max_listed; ++i) out << "\n  - " << violations[i];
    if (violations.size() > max_listed) out << "\n  ... and " << violations.size() - max_listed << " more";
    return out.str();
}

void audit_database(const std::string& db_location, const std::vector<Attempt>& attempts, const AuditOptions& options,
                    AuditResult& result) {
    auto connection = db::open(db_location);
    // One snapshot for every query below, even while the servers write; rolled back at the end.
    db::Transaction snapshot(*connection, db::Transaction::Kind::deferred);
    if (connection->engine() == db::Engine::postgresql)  // a plain snapshot: never cancelled by the servers' writes
        connection->execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    struct Reader {
        db::Connection& connection;
        std::vector<std::vector<std::string>> rows(const std::string& sql, int columns) {
            return load::rows(connection, sql, columns);
        }
    } db{*connection};
    auto& bad = result.violations;

    if (connection->engine() == db::Engine::sqlite) {  // PostgreSQL has no whole-database check to ask for
        auto check = db.rows("PRAGMA integrity_check", 1);
        if (check.size() != 1 || check[0][0] != "ok")
            bad.push_back("PRAGMA integrity_check: " + (check.empty() ? std::string("no answer") : check[0][0]));
    }

    for (const auto& row : db.rows("SELECT instance_id, seat_id, COUNT(*), MIN(state), MAX(state) FROM seat_states "
                                   "GROUP BY instance_id, seat_id HAVING COUNT(*) > 1", 5))
        bad.push_back("double sale: seat " + row[0] + "/" + row[1] + " has " + row[2] + " rows (" + row[3] +
                      (row[3] == row[4] ? "" : ", " + row[4]) + ")");

    // Seat rows and who they belong to.
    std::map<std::string, std::string> order_ref_by_id, order_account_by_ref, order_status_by_ref;
    for (const auto& row : db.rows("SELECT o.id, o.reference, a.email, o.status FROM orders o "
                                   "JOIN accounts a ON a.id = o.account_id", 4)) {
        order_ref_by_id[row[0]] = row[1];
        order_account_by_ref[row[1]] = row[2];
        order_status_by_ref[row[1]] = row[3];
    }
    std::set<std::string> live_holds;
    for (const auto& row : db.rows("SELECT token FROM holds", 1)) live_holds.insert(row[0]);
    std::map<std::string, std::multiset<SeatKey>> seats_by_order_ref;
    std::map<std::string, std::multiset<SeatKey>> seats_by_hold;
    result.seat_rows = result.sold_seats = 0;
    for (const auto& row : db.rows("SELECT instance_id, seat_id, state, COALESCE(hold_token, ''), "
                                   "COALESCE(CAST(order_id AS TEXT), '') FROM seat_states", 5)) {
        ++result.seat_rows;
        const SeatKey seat{row[0], row[1]};
        const std::string &state = row[2], &hold = row[3], &order = row[4];
        if (state == "blocked") continue;
        if (hold.empty() == order.empty()) {
            bad.push_back("seat " + seat_text(seat) + " (" + state + ") belongs to " +
                          (hold.empty() ? "neither a hold nor an order" : "both a hold and an order"));
            continue;
        }
        if (!hold.empty()) {
            if (state != "held") bad.push_back("seat " + seat_text(seat) + " is " + state + " under a hold");
            if (!live_holds.count(hold)) bad.push_back("seat " + seat_text(seat) + " is held by a hold that does not exist");
            if (options.final_state && options.expect_no_held_seats) bad.push_back("seat " + seat_text(seat) + " is still held after every client finished");
            seats_by_hold[hold].insert(seat);
            continue;
        }
        auto ref = order_ref_by_id.find(order);
        if (ref == order_ref_by_id.end()) {
            bad.push_back("seat " + seat_text(seat) + " belongs to order id " + order + ", which does not exist");
            continue;
        }
        if (state == "sold") ++result.sold_seats;
        seats_by_order_ref[ref->second].insert(seat);
    }
    result.orders = static_cast<long>(order_ref_by_id.size());

    // Acknowledged orders are stored, with exactly their seats, sold, for their account.
    std::set<std::string> acknowledged;
    std::set<std::string> accounts_with_orders;
    result.acknowledged_orders = result.acknowledged_seats = 0;
    for (const auto& attempt : attempts) {
        if (!attempt.acknowledged()) continue;
        if (!acknowledged.insert(attempt.reference).second) {
            bad.push_back("order " + attempt.reference + " was acknowledged to two different purchases");
            continue;
        }
        ++result.acknowledged_orders;
        result.acknowledged_seats += static_cast<long>(attempt.seats.size());
        accounts_with_orders.insert(attempt.account_email);
        auto owner = order_account_by_ref.find(attempt.reference);
        if (owner == order_account_by_ref.end()) {
            bad.push_back("acknowledged order " + attempt.reference + " is not in the database");
            continue;
        }
        if (owner->second != attempt.account_email)
            bad.push_back("order " + attempt.reference + " belongs to " + owner->second + ", not to " + attempt.account_email);
        if (order_status_by_ref[attempt.reference] != "paid")
            bad.push_back("card order " + attempt.reference + " is " + order_status_by_ref[attempt.reference] + ", not paid");
        const std::multiset<SeatKey> expected(attempt.seats.begin(), attempt.seats.end());
        const auto& stored = seats_by_order_ref[attempt.reference];
        if (stored != expected)
            bad.push_back("order " + attempt.reference + " has " + std::to_string(stored.size()) + " seat rows, expected " +
                          std::to_string(expected.size()) + (attempt.want.series ? " (series: all instances or none)" : ""));
    }
    if (!options.final_state) return;
    for (const auto& [id, reference] : order_ref_by_id)
        if (!acknowledged.count(reference))
            bad.push_back("order " + reference + " is in the database but no client saw it acknowledged");
    for (const auto& [reference, seats] : seats_by_order_ref)
        if (!acknowledged.count(reference))
            bad.push_back(std::to_string(seats.size()) + " seats belong to order " + reference + ", which no client saw acknowledged");
    if (result.sold_seats != result.acknowledged_seats)
        bad.push_back(std::to_string(result.sold_seats) + " seats are sold but the acknowledged orders have " +
                      std::to_string(result.acknowledged_seats));

    // Failed purchases left nothing behind.
    std::map<std::string, long> orders_by_email, holds_by_email;
    for (const auto& row : db.rows("SELECT a.email, COUNT(o.id) FROM accounts a JOIN orders o ON o.account_id = a.id GROUP BY a.email", 2))
        orders_by_email[row[0]] = std::stol(row[1]);
    for (const auto& row : db.rows("SELECT a.email, COUNT(h.token) FROM accounts a JOIN holds h ON h.account_id = a.id GROUP BY a.email", 2))
        holds_by_email[row[0]] = std::stol(row[1]);
    for (const auto& attempt : attempts) {
        if (attempt.acknowledged()) continue;
        // The client's DELETE of its hold was answered, and not with a 5xx (which says nothing was done).
        const bool released = attempt.release.status != 0 && attempt.release.status < 500;
        if (released && seats_by_hold.count(attempt.hold_token))
            bad.push_back("failed purchase by " + attempt.account_email + " left " +
                          std::to_string(seats_by_hold[attempt.hold_token].size()) + " held seat rows behind");
        if (released && live_holds.count(attempt.hold_token))
            bad.push_back("failed purchase by " + attempt.account_email + " left its hold behind");
        if (accounts_with_orders.count(attempt.account_email)) continue;
        if (orders_by_email[attempt.account_email] > 0)
            bad.push_back("client " + attempt.account_email + " saw no order acknowledged but has " +
                          std::to_string(orders_by_email[attempt.account_email]) + " orders");
        if (options.expect_no_held_seats && holds_by_email[attempt.account_email] > 0)
            bad.push_back("client " + attempt.account_email + " failed but still has " +
                          std::to_string(holds_by_email[attempt.account_email]) + " holds");
    }
}

}  // namespace encore::load
