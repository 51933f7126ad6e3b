// SQL of the memberships and passes due for auto-renewal.
#include "store/holding_renewals.hpp"

#include <algorithm>

namespace encore::server {

std::vector<DueHolding> due_holdings(db::Connection& db, Instant t, int limit) {
    std::vector<DueHolding> out;
    auto memberships = db.prepare(
        "SELECT m.id, m.account_id, m.membership_id, m.starts_at, m.ends_at, "
        "(SELECT p.card_token FROM payments p WHERE p.order_id = m.order_id AND p.method = 'card' LIMIT 1) "
        "FROM memberships m JOIN orders o ON o.id = m.order_id "
        "WHERE m.renewal IS NULL AND m.ends_at <= ? AND o.status = 'paid' ORDER BY m.ends_at, m.id LIMIT ?");
    memberships.bind(1, t.unix_seconds).bind(2, std::int64_t{limit});
    while (memberships.step())
        out.push_back({true, memberships.integer(0), "", memberships.integer(1), ProductId{memberships.text(2)},
                       Instant{memberships.integer(3)}, Instant{memberships.integer(4)},
                       memberships.is_null(5) ? std::string() : memberships.text(5)});
    auto passes = db.prepare(
        "SELECT s.code, s.account_id, s.pass_id, s.created_at, s.expires_at, "
        "(SELECT p.card_token FROM payments p WHERE p.order_id = s.order_id AND p.method = 'card' LIMIT 1) "
        "FROM passes s JOIN orders o ON o.id = s.order_id "
        "WHERE s.renewal IS NULL AND s.expires_at <= ? AND o.status = 'paid' ORDER BY s.expires_at, s.code LIMIT ?");
    passes.bind(1, t.unix_seconds).bind(2, std::int64_t{limit});
    while (passes.step())
        out.push_back({false, 0, passes.text(0), passes.integer(1), ProductId{passes.text(2)}, Instant{passes.integer(3)},
                       Instant{passes.integer(4)}, passes.is_null(5) ? std::string() : passes.text(5)});
    std::stable_sort(out.begin(), out.end(), [](const DueHolding& a, const DueHolding& b) { return a.ends < b.ends; });
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    return out;
}

void mark_holding_renewal(db::Connection& db, const DueHolding& holding, const std::string& outcome) {
    if (holding.membership)
        db.prepare("UPDATE memberships SET renewal = ? WHERE id = ?").bind(1, outcome).bind(2, holding.id).run();
    else
        db.prepare("UPDATE passes SET renewal = ? WHERE code = ?").bind(1, outcome).bind(2, holding.code).run();
}

std::optional<std::string> latest_card(db::Connection& db, std::int64_t account_id) {
    auto select = db.prepare("SELECT token FROM cards WHERE account_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1");
    select.bind(1, account_id);
    if (!select.step()) return std::nullopt;
    return select.text(0);
}

}  // namespace encore::server
