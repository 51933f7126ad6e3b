// Read-only queries behind the renewal and box-office endpoints: a customer's records, the campaign's
// list and counts, finding customers, the holds kept for a customer, and a pass by its code (whose
// expiry staff may move).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/subscriber.hpp"
#include "encore/time.hpp"
#include "store/account_store.hpp"
#include "store/hold_store.hpp"
#include "store/database.hpp"

namespace encore::server {

std::vector<std::int64_t> subscribers_of_account(db::Connection& db, std::int64_t account_id);

struct SubscriberSummary {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    std::string email, name, lineage, status, package;
    std::optional<Instant> next_due_at;
};
// Records after id `after`, filtered by package and status when not empty, by id.
std::vector<SubscriberSummary> subscriber_summaries(db::Connection& db, const std::string& package, const std::string& status,
                                                   std::int64_t after, int limit);

struct CampaignCount {
    std::string package, status;
    std::int64_t subscribers = 0;
};
std::vector<CampaignCount> campaign_counts(db::Connection& db);
// The history of every record now at `package`, each in sequence order (for the campaign's days).
std::vector<std::vector<HistoryRow>> package_histories(db::Connection& db, const std::string& package);

// Accounts whose name or email contains `text` (any case), or whose order has this reference.
std::vector<Account> find_customers(db::Connection& db, const std::string& text, int limit);

struct KeptHold {
    std::string token, kind;
    Instant expires_at;
    std::vector<SeatRef> seats;
};
// Live holds made for an account (a basket's, or a series the box office holds for them).
std::vector<KeptHold> account_holds(db::Connection& db, std::int64_t account_id, Instant now);

struct PassRecord {
    std::string code, pass;
    std::int64_t account_id = 0;
    Instant expires_at;
};
std::optional<PassRecord> find_pass(db::Connection& db, const std::string& code);
// Moves a pass's expiry; its auto-renewal then falls at the new expiry unless it already happened.
void set_pass_expiry(db::Connection& db, const std::string& code, Instant expires_at);

}  // namespace encore::server
