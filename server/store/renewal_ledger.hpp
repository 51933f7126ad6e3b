// Money around renewals, inside the caller's transaction: the invoice a declined auto-renewal leaves
// (settled when the subscriber renews, lapsed when the renewal closes) and every payment taken.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

struct RenewalInvoice {
    std::string reference;  // "rinv_<16 hex>"
    std::string package;
    std::int64_t amount = 0;
    Instant due_at;
    std::string status;  // pending, paid, lapsed
    Instant created_at;
};

struct RenewalPayment {
    std::int64_t sequence = 0;  // the history row it came with
    std::string method;         // card, recorded
    std::int64_t amount = 0;
    std::string card_token;
    std::string reference;
    std::string taken_by;       // actor text
    Instant created_at;
};

class RenewalLedger {
public:
    explicit RenewalLedger(db::Connection& db) : db_(db) {}

    RenewalInvoice invoice(std::int64_t subscriber_id, const std::string& package, std::int64_t amount, Instant due_at, Instant now);
    // Pending invoices of the subscriber become "paid" or "lapsed".
    void settle_invoices(std::int64_t subscriber_id, const char* status, Instant now);
    std::vector<RenewalInvoice> invoices(std::int64_t subscriber_id);
    void record_payment(std::int64_t subscriber_id, const RenewalPayment& payment);
    std::vector<RenewalPayment> payments(std::int64_t subscriber_id);

private:
    db::Connection& db_;
};

}  // namespace encore::server
