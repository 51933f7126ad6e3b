// Builds the core's Customer and OfferUsage from the tables orders write.
#include "store/customer_record.hpp"

namespace encore::server {

Customer load_customer(sqlite::Connection& db, std::int64_t account_id, const std::vector<std::string>& tags) {
    Customer c;
    c.tags = tags;
    auto memberships = db.prepare("SELECT membership_id, starts_at, ends_at FROM memberships WHERE account_id = ? ORDER BY id");
    memberships.bind(1, account_id);
    while (memberships.step())
        c.memberships.push_back({ProductId{memberships.text(0)}, Instant{memberships.integer(1)}, Instant{memberships.integer(2)}});
    auto passes = db.prepare("SELECT code, pass_id, expires_at FROM passes WHERE account_id = ? ORDER BY created_at, code");
    passes.bind(1, account_id);
    auto redeemed = db.prepare("SELECT instance_id FROM pass_redemptions WHERE code = ? ORDER BY id");
    while (passes.step()) {
        OwnedPass pass{ProductId{passes.text(1)}, passes.text(0), Instant{passes.integer(2)}, {}};
        redeemed.bind(1, pass.code);
        while (redeemed.step()) pass.redeemed.push_back(InstanceId{redeemed.text(0)});
        redeemed.reset();
        c.passes.push_back(std::move(pass));
    }
    auto subscriptions = db.prepare("SELECT series_id, group_id FROM subscriptions WHERE account_id = ? ORDER BY id");
    subscriptions.bind(1, account_id);
    while (subscriptions.step())
        c.subscriptions.push_back({ProductId{subscriptions.text(0)}, SeriesGroupId{subscriptions.text(1)}});
    auto uses = db.prepare("SELECT offer_id, SUM(tickets) FROM offer_uses WHERE account_id = ? GROUP BY offer_id ORDER BY offer_id");
    uses.bind(1, account_id);
    while (uses.step()) c.offer_uses.emplace_back(OfferId{uses.text(0)}, static_cast<int>(uses.integer(1)));
    return c;
}

OfferUsage load_offer_usage(sqlite::Connection& db) {
    OfferUsage usage;
    auto uses = db.prepare("SELECT offer_id, tickets FROM offer_use_totals WHERE tickets > 0 ORDER BY offer_id");
    while (uses.step()) usage.tickets.emplace_back(OfferId{uses.text(0)}, static_cast<int>(uses.integer(1)));
    return usage;
}

}  // namespace encore::server
