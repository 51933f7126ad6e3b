// SQL of subscriber records: history rows, their seats, the outbox rows they queue, the projection.
#include "store/subscriber_store.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "encore/renewals_json.hpp"
#include "store/renewal_ledger.hpp"

namespace encore::server {
namespace {

SeatState seat_state_of(SeatStatus status) { return status == SeatStatus::sold ? SeatState::sold : SeatState::reserved; }

HistoryRow parse_row(std::int64_t subscriber_id, std::int64_t sequence, const std::string& text) {
    Problems problems;
    auto row = history_row_from_json(nlohmann::json::parse(text, nullptr, false), problems);
    if (!row)
        throw SubscriberWriteError("subscriber " + std::to_string(subscriber_id) + " history row " + std::to_string(sequence) +
                                   " is not a history row" + (problems.empty() ? "" : ": " + problems.front().message));
    return std::move(*row);
}

std::vector<std::int64_t> ids_of(db::Statement& select) {
    std::vector<std::int64_t> ids;
    while (select.step()) ids.push_back(select.integer(0));
    return ids;
}

}  // namespace

const std::vector<InstanceId>& group_instances(const Catalog& catalog, const ProductId& package, const SeriesGroupId& group) {
    static const std::vector<InstanceId> none;
    const FixedSeries* series = catalog.find_series(package);
    const SeriesGroup* found = series ? series->find_group(group) : nullptr;
    return found ? found->instances : none;
}

SubscriberProjection project(const Catalog& catalog, const SubscriberState& state) {
    SubscriberProjection p{status_name(state.status), state.package.value, static_cast<std::int64_t>(state.rows), std::nullopt};
    if (auto calendar = renewal_calendar(catalog, state)) p.next_due_at = next_due_at(state, *calendar);
    return p;
}

SubscriberRecord SubscriberStore::create(std::int64_t account_id, const std::string& lineage, const std::vector<HistoryRow>& rows,
                                         Instant now, std::optional<std::int64_t> adopt_order) {
    if (rows.empty()) throw SubscriberWriteError("a subscriber record starts with a row");
    auto insert = db_.prepare(
        "INSERT INTO subscribers (account_id, lineage, created_at, status, package_id, rows) VALUES (?, ?, ?, ?, ?, 0) RETURNING id");
    insert.bind(1, account_id).bind(2, lineage).bind(3, now.unix_seconds);
    insert.bind(4, status_name(rows.front().status)).bind(5, rows.front().package.value);
    if (!insert.step()) throw SubscriberWriteError("inserting a subscriber returned no id");
    SubscriberRecord record{insert.integer(0), account_id, lineage, now, {}, {}};
    insert.reset();
    for (const HistoryRow& row : rows) {
        write_row(record, row, adopt_order);
        queue_webhooks(record.id, static_cast<std::int64_t>(record.history.size()));
    }
    reproject(record);
    return record;
}

void SubscriberStore::append(SubscriberRecord& record, const std::vector<HistoryRow>& rows, Instant now) {
    if (rows.empty()) return;
    const SubscriberStatus before = record.state.status;
    for (const HistoryRow& row : rows) {
        if (!action_allowed_from(row.action, record.state.status) || row.status != status_after(row.action, record.state.status))
            throw SubscriberWriteError(std::string(action_name(row.action)) + " cannot follow " + status_name(record.state.status) +
                                       " (subscriber " + std::to_string(record.id) + ")");
        write_row(record, row, std::nullopt);
        queue_webhooks(record.id, static_cast<std::int64_t>(record.history.size()));
    }
    settle_invoices(record, before, now);
    reproject(record);
}

void SubscriberStore::write_row(SubscriberRecord& record, const HistoryRow& row, std::optional<std::int64_t> adopt_order) {
    const auto sequence = static_cast<std::int64_t>(record.history.size() + 1);
    auto insert = db_.prepare(
        "INSERT INTO subscriber_history (subscriber_id, sequence, at, action, actor, row_json) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, record.id).bind(2, sequence).bind(3, row.at.unix_seconds).bind(4, action_name(row.action));
    insert.bind(5, actor_text(row.actor)).bind(6, history_row_to_json(row).dump());
    insert.run();
    apply_seats(record, row, adopt_order);
    fold(record.state, row);
    record.history.push_back(row);
}

void SubscriberStore::apply_seats(const SubscriberRecord& record, const HistoryRow& row, std::optional<std::int64_t> adopt_order) {
    for (const SeatChange& change : row.seats) {
        const std::vector<InstanceId>& instances = group_instances(catalog_, row.package, change.group);
        if (instances.empty() && !row.package.empty() && catalog_.find_series(row.package) && !catalog_.find_series(row.package)->shell)
            throw SubscriberWriteError("group " + change.group.value + " of " + row.package.value + " is not in the catalog");
        for (const InstanceId& instance : instances) {
            switch (change.status) {
                case SeatStatus::sold:
                case SeatStatus::reserved:
                    // A subscription bought: the order's seats (at the performances it chose) are the record's.
                    if (adopt_order) ledger_.adopt_order_seat(instance, change.seat, *adopt_order, record.id);
                    else if (!ledger_.place_subscriber_seat(instance, change.seat, seat_state_of(change.status), record.id))
                        throw SubscriberWriteError("seat " + change.seat.value + " at " + instance.value + " is taken");
                    break;
                case SeatStatus::open:
                case SeatStatus::hold:
                    ledger_.release_subscriber_seat(instance, change.seat, record.id, change.status == SeatStatus::hold);
                    break;
            }
        }
    }
}

const std::vector<std::int64_t>& SubscriberStore::endpoints() {
    if (!endpoints_) {
        auto select = db_.prepare("SELECT id FROM webhook_endpoints WHERE removed_at IS NULL ORDER BY id");
        endpoints_ = ids_of(select);
    }
    return *endpoints_;
}

void SubscriberStore::queue_webhooks(std::int64_t subscriber_id, std::int64_t sequence) {
    if (endpoints().empty()) return;
    auto upsert = db_.prepare(
        "INSERT INTO webhook_outbox (endpoint_id, subscriber_id, next_sequence, last_sequence, next_attempt_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (endpoint_id, subscriber_id) DO UPDATE SET "
        "next_attempt_at = CASE WHEN webhook_outbox.next_sequence > webhook_outbox.last_sequence THEN excluded.next_attempt_at "
        "ELSE webhook_outbox.next_attempt_at END, "
        "last_sequence = excluded.last_sequence");
    for (std::int64_t endpoint : endpoints()) {  // due at once: deliveries run on real time, not the server clock
        upsert.bind(1, endpoint).bind(2, subscriber_id).bind(3, sequence).bind(4, sequence).bind(5, std::int64_t{0});
        upsert.run();
        upsert.reset();
    }
}

void SubscriberStore::settle_invoices(const SubscriberRecord& record, SubscriberStatus before, Instant now) {
    const SubscriberStatus after = record.state.status;
    if (before != SubscriberStatus::pending || after == SubscriberStatus::pending) return;
    RenewalLedger(db_).settle_invoices(record.id, after == SubscriberStatus::renewed ? "paid" : "lapsed", now);
}

void SubscriberStore::reproject(const SubscriberRecord& record) {
    const SubscriberProjection p = project(catalog_, record.state);
    auto update = db_.prepare("UPDATE subscribers SET status = ?, package_id = ?, rows = ?, next_due_at = ? WHERE id = ?");
    update.bind(1, p.status).bind(2, p.package).bind(3, p.rows);
    if (p.next_due_at) update.bind(4, p.next_due_at->unix_seconds);
    else update.bind_null(4);
    update.bind(5, record.id);
    update.run();
}

std::optional<SubscriberRecord> SubscriberStore::load(std::int64_t id) { return load_subscriber(db_, id); }

std::optional<SubscriberRecord> load_subscriber(db::Connection& db, std::int64_t id) {
    auto select = db.prepare("SELECT account_id, lineage, created_at FROM subscribers WHERE id = ?");
    select.bind(1, id);
    if (!select.step()) return std::nullopt;
    SubscriberRecord record{id, select.integer(0), select.text(1), Instant{select.integer(2)}, {}, {}};
    select.reset();
    auto rows = db.prepare("SELECT sequence, row_json FROM subscriber_history WHERE subscriber_id = ? ORDER BY sequence");
    rows.bind(1, id);
    while (rows.step()) record.history.push_back(parse_row(id, rows.integer(0), rows.text(1)));
    Replay replayed = replay(record.history);
    if (!replayed.state) throw SubscriberWriteError("subscriber " + std::to_string(id) + ": " + replayed.problem);
    record.state = std::move(*replayed.state);
    return record;
}

std::vector<std::int64_t> SubscriberStore::of_account(std::int64_t account_id) {
    auto select = db_.prepare("SELECT id FROM subscribers WHERE account_id = ? ORDER BY id");
    select.bind(1, account_id);
    return ids_of(select);
}

std::vector<std::int64_t> SubscriberStore::due(Instant t, int limit) {
    auto select = db_.prepare("SELECT id FROM subscribers WHERE next_due_at <= ? ORDER BY next_due_at, id LIMIT ?");
    select.bind(1, t.unix_seconds).bind(2, std::int64_t{limit});
    return ids_of(select);
}

std::vector<std::int64_t> SubscriberStore::at_package(const ProductId& package, const std::vector<SubscriberStatus>& statuses) {
    std::vector<std::int64_t> ids;
    auto select = db_.prepare("SELECT id FROM subscribers WHERE package_id = ? AND status = ? ORDER BY id");
    for (SubscriberStatus status : statuses) {
        select.bind(1, package.value).bind(2, status_name(status));
        for (std::int64_t id : ids_of(select)) ids.push_back(id);
        select.reset();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

Facts subscriber_facts(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record) {
    Facts facts = seat_facts(db, catalog, record.state.package, record.id);
    auto card = db.prepare("SELECT 1 FROM cards WHERE account_id = ? LIMIT 1");
    card.bind(1, record.account_id);
    facts.card_on_file = card.step();
    return facts;
}

std::vector<OwnedSubscription> paid_subscriptions(db::Connection& db, std::int64_t account_id) {
    std::vector<OwnedSubscription> paid;
    auto select = db.prepare(
        "SELECT h.subscriber_id, h.sequence, h.row_json FROM subscriber_history h JOIN subscribers s ON s.id = h.subscriber_id "
        "WHERE s.account_id = ? ORDER BY h.subscriber_id, h.sequence");
    select.bind(1, account_id);
    std::int64_t current = -1;
    std::vector<HistoryRow> rows;
    auto flush = [&] {
        if (rows.empty()) return;
        if (auto state = replay(rows).state)
            for (const OwnedSubscription& o : state->paid)
                if (std::none_of(paid.begin(), paid.end(), [&](const OwnedSubscription& p) { return p.series == o.series; }))
                    paid.push_back(o);
        rows.clear();
    };
    while (select.step()) {
        if (select.integer(0) != current) {
            flush();
            current = select.integer(0);
        }
        rows.push_back(parse_row(current, select.integer(1), select.text(2)));
    }
    flush();
    return paid;
}

Facts seat_facts(db::Connection& db, const Catalog& catalog, const ProductId& package, std::int64_t subscriber_id,
                 std::optional<std::int64_t> own_order) {
    Facts facts;
    facts.taken = [&db, &catalog, package, subscriber_id, own_order](const SeriesGroupId& group, const SeatId& seat) {
        auto select = db.prepare(
            "SELECT 1 FROM seat_states WHERE instance_id = ? AND seat_id = ? "
            "AND NOT (subscriber_id IS NOT NULL AND subscriber_id = ?) AND NOT (order_id IS NOT NULL AND order_id = ?) AND NOT (" +
            std::string(house_kept) + ")");
        for (const InstanceId& instance : group_instances(catalog, package, group)) {
            select.bind(1, instance.value).bind(2, seat.value).bind(3, subscriber_id).bind(4, own_order.value_or(-1));
            const bool taken = select.step();
            select.reset();
            if (taken) return true;
        }
        return false;
    };
    facts.house_holds = [&db, &catalog, package](const SeriesGroupId& group, const SeatId& seat) {
        auto select = db.prepare("SELECT 1 FROM house_holds WHERE instance_id = ? AND seat_id = ?");
        for (const InstanceId& instance : group_instances(catalog, package, group)) {
            select.bind(1, instance.value).bind(2, seat.value);
            const bool held = select.step();
            select.reset();
            if (held) return true;
        }
        return false;
    };
    return facts;
}

}  // namespace encore::server
