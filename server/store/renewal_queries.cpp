// SQL of the renewal and box-office reads.
#include "store/renewal_queries.hpp"

#include "encore/renewals_json.hpp"
#include "store/order_reference.hpp"

#include <nlohmann/json.hpp>

namespace encore::server {

std::vector<std::int64_t> subscribers_of_account(db::Connection& db, std::int64_t account_id) {
    auto select = db.prepare("SELECT id FROM subscribers WHERE account_id = ? ORDER BY id");
    select.bind(1, account_id);
    std::vector<std::int64_t> ids;
    while (select.step()) ids.push_back(select.integer(0));
    return ids;
}

std::vector<SubscriberSummary> subscriber_summaries(db::Connection& db, const std::string& package, const std::string& status,
                                                   std::int64_t after, int limit) {
    auto select = db.prepare(
        "SELECT s.id, s.account_id, a.email, a.name, s.lineage, s.status, s.package_id, s.next_due_at FROM subscribers s "
        "JOIN accounts a ON a.id = s.account_id WHERE s.id > ? AND (? = '' OR s.package_id = ?) AND (? = '' OR s.status = ?) "
        "ORDER BY s.id LIMIT ?");
    select.bind(1, after).bind(2, package).bind(3, package).bind(4, status).bind(5, status).bind(6, std::int64_t{limit});
    std::vector<SubscriberSummary> out;
    while (select.step()) {
        SubscriberSummary s{select.integer(0), select.integer(1), select.text(2), select.text(3), select.text(4),
                            select.text(5),    select.text(6),    std::nullopt};
        if (!select.is_null(7)) s.next_due_at = Instant{select.integer(7)};
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<CampaignCount> campaign_counts(db::Connection& db) {
    auto select = db.prepare("SELECT package_id, status, COUNT(*) FROM subscribers GROUP BY package_id, status ORDER BY package_id, status");
    std::vector<CampaignCount> out;
    while (select.step()) out.push_back({select.text(0), select.text(1), select.integer(2)});
    return out;
}

std::vector<Account> find_customers(db::Connection& db, const std::string& text, int limit) {
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    pattern += "%";
    auto select = db.prepare(
        "SELECT id FROM accounts WHERE name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' "
        "OR id IN (SELECT account_id FROM orders WHERE reference = ?2 OR short_reference = ?4) ORDER BY id LIMIT ?3");
    select.bind(1, pattern).bind(2, text).bind(3, std::int64_t{limit}).bind(4, normalised_short_reference(text).value_or(text));
    std::vector<std::int64_t> ids;
    while (select.step()) ids.push_back(select.integer(0));
    std::vector<Account> out;
    for (std::int64_t id : ids)
        if (auto account = find_account(db, id)) out.push_back(std::move(*account));
    return out;
}

std::vector<KeptHold> account_holds(db::Connection& db, std::int64_t account_id, Instant now) {
    auto select = db.prepare("SELECT token, kind, expires_at FROM holds WHERE account_id = ? AND expires_at > ? ORDER BY created_at, token");
    select.bind(1, account_id).bind(2, now.unix_seconds);
    std::vector<KeptHold> out;
    while (select.step()) out.push_back({select.text(0), select.text(1), Instant{select.integer(2)}, {}});
    select.reset();
    HoldStore holds(db);
    for (KeptHold& hold : out) hold.seats = holds.held_seats(hold.token);
    return out;
}

std::optional<PassRecord> find_pass(db::Connection& db, const std::string& code) {
    auto select = db.prepare("SELECT code, pass_id, account_id, expires_at FROM passes WHERE code = ?");
    select.bind(1, code);
    if (!select.step()) return std::nullopt;
    return PassRecord{select.text(0), select.text(1), select.integer(2), Instant{select.integer(3)}};
}

void set_pass_expiry(db::Connection& db, const std::string& code, Instant expires_at) {
    db.prepare("UPDATE passes SET expires_at = ? WHERE code = ?").bind(1, expires_at.unix_seconds).bind(2, code).run();
}

std::vector<std::vector<HistoryRow>> package_histories(db::Connection& db, const std::string& package) {
    auto select = db.prepare(
        "SELECT h.subscriber_id, h.row_json FROM subscriber_history h JOIN subscribers s ON s.id = h.subscriber_id "
        "WHERE s.package_id = ? ORDER BY h.subscriber_id, h.sequence");
    select.bind(1, package);
    std::vector<std::vector<HistoryRow>> out;
    std::int64_t current = -1;
    while (select.step()) {
        if (select.integer(0) != current) current = select.integer(0), out.emplace_back();
        Problems problems;
        if (std::optional<HistoryRow> row = history_row_from_json(nlohmann::json::parse(select.text(1), nullptr, false), problems))
            out.back().push_back(std::move(*row));
    }
    return out;
}

}  // namespace encore::server
