// Payment providers behind one interface: an invoice (the order is reserved until staff mark it paid or
// it lapses) and the stored-card test provider (approves or declines a card token deterministically).
// Both work inside the caller's transaction, so a declined payment rolls the whole order back.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "encore/availability.hpp"
#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

enum class PaymentMethod { invoice, card };
// "invoice" or "card", as orders.payment_method stores it.
const char* payment_method_name(PaymentMethod method);

struct PaymentRequest {
    std::int64_t order_id = 0;
    std::int64_t account_id = 0;
    std::string order_reference;
    std::int64_t amount = 0;
    std::string card_token;  // card payments only
    Instant now;
    std::string order_short_reference;  // an invoice is numbered "INV-" + this (else after the long reference)
};

struct PaymentOutcome {
    bool accepted = false;
    std::string status;  // the payment's status when accepted: "approved" or "pending"
    std::string reason;  // why not: "card_declined", "insufficient_funds", "unknown_card"
};

class PaymentProvider {
public:
    explicit PaymentProvider(db::Connection& db) : db_(db) {}
    virtual ~PaymentProvider() = default;
    virtual PaymentMethod method() const = 0;
    // The state the order's seats take: sold once a card is charged, reserved while an invoice is unpaid.
    virtual SeatState seat_state() const = 0;
    // Takes (or starts) payment of an order and records it in `payments`.
    virtual PaymentOutcome pay(const PaymentRequest& request) = 0;

protected:
    db::Connection& db_;
};

class InvoiceProvider final : public PaymentProvider {
public:
    using PaymentProvider::PaymentProvider;
    PaymentMethod method() const override { return PaymentMethod::invoice; }
    SeatState seat_state() const override { return SeatState::reserved; }
    PaymentOutcome pay(const PaymentRequest& request) override;

    // An invoice is due `invoice_days` after the order, or at the first performance if that is sooner.
    static Instant due_at(Instant now, int invoice_days, std::optional<Instant> first_performance);
    // The order's pending invoice payment becomes "paid" or "lapsed".
    void settle(std::int64_t order_id, const char* status);
};

struct ChargeResult {
    bool approved = false;
    std::string reason;     // when declined
    std::string reference;  // the provider's charge reference when approved
};

class TestCardProvider final : public PaymentProvider {
public:
    using PaymentProvider::PaymentProvider;
    PaymentMethod method() const override { return PaymentMethod::card; }
    SeatState seat_state() const override { return SeatState::sold; }
    PaymentOutcome pay(const PaymentRequest& request) override;

    // Charges a card the account stored; needs no HTTP request, so renewals can charge a card on file.
    ChargeResult charge(std::int64_t account_id, const std::string& card_token, std::int64_t amount,
                        const std::string& reference);
};

}  // namespace encore::server
