// SQL of an import: accounts by email, then records through SubscriberStore.
#include "store/subscriber_import.hpp"

#include "store/subscriber_store.hpp"

namespace encore::server {
namespace {

// An argon2id string never verifies this: the account has no password until one is set.
constexpr const char* no_password = "!imported";

}  // namespace

ImportWritten write_imported_subscribers(db::Connection& db, const Catalog& catalog, SeatLedger& ledger,
                                         const std::vector<ImportedSubscriber>& subscribers, const Actor& actor, Instant now,
                                         const std::function<void(std::size_t)>& progress) {
    ImportWritten written;
    SubscriberStore records(db, catalog, ledger);
    auto find = db.prepare("SELECT id FROM accounts WHERE email = ?");
    auto add = db.prepare(
        "INSERT INTO accounts (email, name, password_hash, role, tags, created_at) VALUES (?, ?, ?, 'customer', '[]', ?) RETURNING id");
    for (std::size_t i = 0; i < subscribers.size(); ++i) {
        const ImportedSubscriber& s = subscribers[i];
        std::int64_t account = 0;
        find.bind(1, s.email);
        if (find.step()) {
            account = find.integer(0);
        } else {
            add.bind(1, s.email).bind(2, s.name).bind(3, no_password).bind(4, now.unix_seconds);
            add.step();
            account = add.integer(0);
            add.reset();
            ++written.new_accounts;
        }
        find.reset();
        records.create(account, s.lineage, import_history(s, actor, now), now);
        ++written.subscribers;
        if (progress) progress(i + 1);
    }
    return written;
}

std::unordered_set<std::string> occupied_seats(db::Connection& db) {
    std::unordered_set<std::string> seats;
    auto select = db.prepare("SELECT instance_id, seat_id FROM seat_states WHERE NOT (" + std::string(house_kept) + ")");
    while (select.step()) seats.insert(select.text(0) + "\t" + select.text(1));
    return seats;
}

}  // namespace encore::server
