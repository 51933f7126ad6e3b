// Each count is one index range: seat_states_by_owner, holds_by_account / holds_by_client and
// orders_unpaid_by_account (migration 3).
#include "store/seat_limits.hpp"

namespace encore::server {

std::string account_owner(std::int64_t account_id) { return "account:" + std::to_string(account_id); }

std::string client_owner(std::string_view client_address) { return "client:" + std::string(client_address); }

std::map<std::string, int> owned_seats_by_instance(db::Connection& db, const std::string& owner) {
    auto count = db.prepare("SELECT instance_id, COUNT(*) FROM seat_states WHERE owner = ? GROUP BY instance_id");
    count.bind(1, owner);
    std::map<std::string, int> owned;
    while (count.step()) owned[count.text(0)] = static_cast<int>(count.integer(1));
    return owned;
}

int live_holds_of_account(db::Connection& db, std::int64_t account_id, Instant now) {
    auto count = db.prepare(
        "SELECT COUNT(*) FROM holds h WHERE h.account_id = ? AND h.kind = 'basket' AND h.expires_at > ? "
        "AND EXISTS (SELECT 1 FROM seat_states s WHERE s.hold_token = h.token)");
    count.bind(1, account_id).bind(2, now.unix_seconds).step();
    return static_cast<int>(count.integer(0));
}

int live_holds_of_client(db::Connection& db, const std::string& client_id, Instant now) {
    auto count = db.prepare(
        "SELECT COUNT(*) FROM holds h WHERE h.client_id = ? AND h.account_id IS NULL AND h.expires_at > ? "
        "AND EXISTS (SELECT 1 FROM seat_states s WHERE s.hold_token = h.token)");
    count.bind(1, client_id).bind(2, now.unix_seconds).step();
    return static_cast<int>(count.integer(0));
}

int unpaid_invoice_seats(db::Connection& db, std::int64_t account_id) {
    auto count = db.prepare(
        "SELECT COUNT(*) FROM seat_states WHERE order_id IN "
        "(SELECT id FROM orders WHERE account_id = ? AND status = 'reserved')");
    count.bind(1, account_id).step();
    return static_cast<int>(count.integer(0));
}

}  // namespace encore::server
