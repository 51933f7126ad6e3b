// SQL of scheduler_state, rollovers and rollover_issues.
#include "store/renewal_schedule.hpp"

namespace encore::server {

std::optional<std::string> RenewalSchedule::value(const std::string& name) {
    auto select = db_.prepare("SELECT value FROM scheduler_state WHERE name = ?");
    select.bind(1, name);
    if (!select.step()) return std::nullopt;
    return select.text(0);
}

void RenewalSchedule::set_value(const std::string& name, const std::string& value) {
    db_.prepare("INSERT INTO scheduler_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
        .bind(1, name)
        .bind(2, value)
        .run();
}

std::optional<Instant> RenewalSchedule::processed_until() {
    auto text = value("processed_until");
    if (!text) return std::nullopt;
    return Instant{std::stoll(*text)};
}

void RenewalSchedule::set_processed_until(Instant t) { set_value("processed_until", std::to_string(t.unix_seconds)); }

bool RenewalSchedule::rollover_done(const ProductId& from, const ProductId& to) {
    auto select = db_.prepare("SELECT 1 FROM rollovers WHERE from_package = ? AND to_package = ?");
    select.bind(1, from.value).bind(2, to.value);
    return select.step();
}

void RenewalSchedule::record_rollover(const ProductId& from, const ProductId& to, std::int64_t subscribers,
                                      const std::vector<RolloverIssueRow>& issues, Instant now) {
    db_.prepare(
           "INSERT INTO rollovers (from_package, to_package, processed_at, subscribers) VALUES (?, ?, ?, ?) "
           "ON CONFLICT (from_package, to_package) DO UPDATE SET subscribers = rollovers.subscribers + excluded.subscribers")
        .bind(1, from.value)
        .bind(2, to.value)
        .bind(3, now.unix_seconds)
        .bind(4, subscribers)
        .run();
    auto insert = db_.prepare(
        "INSERT INTO rollover_issues (from_package, to_package, subscriber_id, seat_id, code, message) VALUES (?, ?, ?, ?, ?, ?)");
    for (const RolloverIssueRow& issue : issues) {
        insert.bind(1, from.value).bind(2, to.value).bind(3, issue.subscriber_id).bind(4, issue.seat);
        insert.bind(5, issue.code).bind(6, issue.message).run();
        insert.reset();
    }
}

std::vector<RolloverDone> RenewalSchedule::rollovers() {
    auto select = db_.prepare("SELECT from_package, to_package, processed_at, subscribers FROM rollovers ORDER BY processed_at");
    std::vector<RolloverDone> out;
    while (select.step()) out.push_back({select.text(0), select.text(1), Instant{select.integer(2)}, select.integer(3)});
    return out;
}

std::vector<RolloverIssueRow> RenewalSchedule::rollover_issues(std::optional<std::int64_t> subscriber_id) {
    auto select = db_.prepare(
        "SELECT from_package, to_package, subscriber_id, seat_id, code, message FROM rollover_issues "
        "WHERE CAST(? AS BIGINT) IS NULL OR subscriber_id = ? ORDER BY id");
    if (subscriber_id) select.bind(1, *subscriber_id).bind(2, *subscriber_id);
    else select.bind_null(1).bind_null(2);
    std::vector<RolloverIssueRow> out;
    while (select.step())
        out.push_back({select.text(0), select.text(1), select.integer(2), select.text(3), select.text(4), select.text(5)});
    return out;
}

}  // namespace encore::server
