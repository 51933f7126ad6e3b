// Builds the core's Customer and OfferUsage from the tables orders write.
#include "store/customer_record.hpp"

#include <algorithm>

#include "store/subscriber_store.hpp"

namespace encore::server {

Customer load_customer(db::Connection& db, std::int64_t account_id, const std::vector<std::string>& tags) {
    Customer c;
    c.tags = tags;
    // Only what is paid for: a pass or membership on an unpaid invoice gives nothing until it is paid.
    auto memberships = db.prepare(
        "SELECT m.membership_id, m.starts_at, m.ends_at FROM memberships m JOIN orders o ON o.id = m.order_id "
        "WHERE m.account_id = ? AND o.status = 'paid' ORDER BY m.id");
    memberships.bind(1, account_id);
    while (memberships.step())
        c.memberships.push_back({ProductId{memberships.text(0)}, Instant{memberships.integer(1)}, Instant{memberships.integer(2)}});
    auto passes = db.prepare(
        "SELECT p.code, p.pass_id, p.expires_at FROM passes p JOIN orders o ON o.id = p.order_id "
        "WHERE p.account_id = ? AND o.status = 'paid' ORDER BY p.created_at, p.code");
    passes.bind(1, account_id);
    auto redeemed = db.prepare("SELECT instance_id FROM pass_redemptions WHERE code = ? ORDER BY id");
    while (passes.step()) {
        OwnedPass pass{ProductId{passes.text(1)}, passes.text(0), Instant{passes.integer(2)}, {}};
        redeemed.bind(1, pass.code);
        while (redeemed.step()) pass.redeemed.push_back(InstanceId{redeemed.text(0)});
        redeemed.reset();
        c.passes.push_back(std::move(pass));
    }
    // Subscriptions: the packages the account's subscriber records have paid in full (renewals too), and
    // series bought on paid orders of packages that make no record (no season or lineage).
    c.subscriptions = paid_subscriptions(db, account_id);
    auto subscriptions = db.prepare(
        "SELECT s.series_id, s.group_id FROM subscriptions s JOIN orders o ON o.id = s.order_id "
        "WHERE s.account_id = ? AND o.status = 'paid' ORDER BY s.id");
    subscriptions.bind(1, account_id);
    while (subscriptions.step()) {
        const ProductId series{subscriptions.text(0)};
        if (std::none_of(c.subscriptions.begin(), c.subscriptions.end(), [&](const OwnedSubscription& o) { return o.series == series; }))
            c.subscriptions.push_back({series, SeriesGroupId{subscriptions.text(1)}});
    }
    auto uses = db.prepare("SELECT offer_id, SUM(tickets) FROM offer_uses WHERE account_id = ? GROUP BY offer_id ORDER BY offer_id");
    uses.bind(1, account_id);
    while (uses.step()) c.offer_uses.emplace_back(OfferId{uses.text(0)}, static_cast<int>(uses.integer(1)));
    return c;
}

OfferUsage load_offer_usage(db::Connection& db) {
    OfferUsage usage;
    auto uses = db.prepare("SELECT offer_id, tickets FROM offer_use_totals WHERE tickets > 0 ORDER BY offer_id");
    while (uses.step()) usage.tickets.emplace_back(OfferId{uses.text(0)}, static_cast<int>(uses.integer(1)));
    return usage;
}

}  // namespace encore::server
