// Subscriber records (003) inside the caller's BEGIN IMMEDIATE transaction: the append-only history, the
// seats each row changes at every performance of its group, the webhook outbox rows each row queues and
// the projection (status, package, when next due) rewritten from replay/fold with every append.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "encore/catalog.hpp"
#include "encore/renewals.hpp"
#include "encore/subscriber.hpp"
#include "store/seat_ledger.hpp"
#include "store/database.hpp"

namespace encore::server {

struct SubscriberRecord {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    std::string lineage;
    Instant created_at;
    std::vector<HistoryRow> history;  // sequence k is history[k - 1]
    SubscriberState state;            // replay(history)
};

// A stored history that does not replay, or a row whose seat someone else has: the caller rolls back.
struct SubscriberWriteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The projection columns as the history gives them.
struct SubscriberProjection {
    std::string status;
    std::string package;
    std::int64_t rows = 0;
    std::optional<Instant> next_due_at;
    bool operator==(const SubscriberProjection&) const = default;
};
SubscriberProjection project(const Catalog& catalog, const SubscriberState& state);

class SubscriberStore {
public:
    SubscriberStore(db::Connection& db, const Catalog& catalog, SeatLedger& ledger) : db_(db), catalog_(catalog), ledger_(ledger) {}

    // A new record with its first rows (Subscribe or Import first), queued for every webhook endpoint.
    // `adopt_order`: the paid order whose seats become the record's.
    SubscriberRecord create(std::int64_t account_id, const std::string& lineage, const std::vector<HistoryRow>& rows,
                            Instant now, std::optional<std::int64_t> adopt_order = std::nullopt);
    // Appends rows (already checked by the core) and moves the record's state on.
    void append(SubscriberRecord& record, const std::vector<HistoryRow>& rows, Instant now);
    std::optional<SubscriberRecord> load(std::int64_t id);
    // The account's records, oldest first.
    std::vector<std::int64_t> of_account(std::int64_t account_id);
    // Records whose next_due_at has come by `t`, earliest first.
    std::vector<std::int64_t> due(Instant t, int limit);
    // Records at a package in one of `statuses`, oldest first (seniority).
    std::vector<std::int64_t> at_package(const ProductId& package, const std::vector<SubscriberStatus>& statuses);
    // Rewrites the projection of a record from its history.
    void reproject(const SubscriberRecord& record);

private:
    void write_row(SubscriberRecord& record, const HistoryRow& row, std::optional<std::int64_t> adopt_order);
    void apply_seats(const SubscriberRecord& record, const HistoryRow& row, std::optional<std::int64_t> adopt_order);
    void queue_webhooks(std::int64_t subscriber_id, std::int64_t sequence);
    void settle_invoices(const SubscriberRecord& record, SubscriberStatus before, Instant now);
    const std::vector<std::int64_t>& endpoints();

    db::Connection& db_;
    const Catalog& catalog_;
    SeatLedger& ledger_;
    std::optional<std::vector<std::int64_t>> endpoints_;
};

// What the core needs to know about a record besides its history, read from `db` (in the caller's
// transaction): seats someone else has at its package's performances, seats the house holds, and
// whether the account has a stored card.
Facts subscriber_facts(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record);
// Facts about the seats of `package` for a subscriber: taken when someone else has the seat at a
// performance of the group (the subscriber's own seats, and those of `own_order`, are free to them);
// house-held when the house holds it at one of them. Reads `db` each time it is asked.
Facts seat_facts(db::Connection& db, const Catalog& catalog, const ProductId& package, std::int64_t subscriber_id,
                 std::optional<std::int64_t> own_order = std::nullopt);
// A record with its history replayed, or nullopt; throws SubscriberWriteError if the history does not replay.
std::optional<SubscriberRecord> load_subscriber(db::Connection& db, std::int64_t id);
// The packages an account's subscriber records have paid in full (SubscriberState::paid of each).
std::vector<OwnedSubscription> paid_subscriptions(db::Connection& db, std::int64_t account_id);
// The instances of a group of a package, or nothing when either is unknown.
const std::vector<InstanceId>& group_instances(const Catalog& catalog, const ProductId& package, const SeriesGroupId& group);

}  // namespace encore::server
