// SQL of renewal_invoices and renewal_payments.
#include "store/renewal_ledger.hpp"

#include "store/random_text.hpp"

namespace encore::server {

RenewalInvoice RenewalLedger::invoice(std::int64_t subscriber_id, const std::string& package, std::int64_t amount, Instant due_at,
                                      Instant now) {
    RenewalInvoice invoice{"rinv_" + random_hex(8), package, amount, due_at, "pending", now};
    auto insert = db_.prepare(
        "INSERT INTO renewal_invoices (reference, subscriber_id, package_id, amount, due_at, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'pending', ?)");
    insert.bind(1, invoice.reference).bind(2, subscriber_id).bind(3, package).bind(4, amount);
    insert.bind(5, due_at.unix_seconds).bind(6, now.unix_seconds);
    insert.run();
    return invoice;
}

void RenewalLedger::settle_invoices(std::int64_t subscriber_id, const char* status, Instant now) {
    auto update = db_.prepare(
        "UPDATE renewal_invoices SET status = ?, settled_at = ? WHERE subscriber_id = ? AND status = 'pending'");
    update.bind(1, status).bind(2, now.unix_seconds).bind(3, subscriber_id);
    update.run();
}

std::vector<RenewalInvoice> RenewalLedger::invoices(std::int64_t subscriber_id) {
    auto select = db_.prepare(
        "SELECT reference, package_id, amount, due_at, status, created_at FROM renewal_invoices WHERE subscriber_id = ? ORDER BY id");
    select.bind(1, subscriber_id);
    std::vector<RenewalInvoice> out;
    while (select.step())
        out.push_back({select.text(0), select.text(1), select.integer(2), Instant{select.integer(3)}, select.text(4),
                       Instant{select.integer(5)}});
    return out;
}

void RenewalLedger::record_payment(std::int64_t subscriber_id, const RenewalPayment& p) {
    auto insert = db_.prepare(
        "INSERT INTO renewal_payments (subscriber_id, sequence, method, amount, card_token, reference, taken_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, subscriber_id).bind(2, p.sequence).bind(3, p.method).bind(4, p.amount);
    if (p.card_token.empty()) insert.bind_null(5);
    else insert.bind(5, p.card_token);
    insert.bind(6, p.reference).bind(7, p.taken_by).bind(8, p.created_at.unix_seconds);
    insert.run();
}

std::vector<RenewalPayment> RenewalLedger::payments(std::int64_t subscriber_id) {
    auto select = db_.prepare(
        "SELECT sequence, method, amount, COALESCE(card_token, ''), reference, taken_by, created_at FROM renewal_payments "
        "WHERE subscriber_id = ? ORDER BY id");
    select.bind(1, subscriber_id);
    std::vector<RenewalPayment> out;
    while (select.step())
        out.push_back({select.integer(0), select.text(1), select.integer(2), select.text(3), select.text(4), select.text(5),
                       Instant{select.integer(6)}});
    return out;
}

}  // namespace encore::server
