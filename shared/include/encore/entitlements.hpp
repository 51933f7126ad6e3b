// What a customer is entitled to at a moment: what they own plus what is in their basket, and the
// booking rules that depend on it (criteria, on-sale and priority windows, seat locks).
// The server calls these to decide whether a seat may be held; pricing calls them for every line.
#pragma once
#include <string>
#include <vector>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"

namespace encore {

class Entitlements {
public:
    Entitlements(const Catalog& catalog, const Customer& customer, const Basket& basket, Instant now);

    // Owns product `id` (a pass not yet expired, a membership not yet ended, a series subscription
    // whose season has not ended) or is buying it in this basket.
    bool holds(const ProductId& id) const;
    // A membership (`id`, or any when empty) covers instant `at`, owned or bought in this basket.
    bool membership_active(const ProductId& id, Instant at) const;
    // Subscribes to fixed series `id` (owned until its season ends) or buys it in this basket.
    bool subscribes(const ProductId& id) const;
    bool has_tag(const std::string& tag) const;
    Instant now() const { return now_; }

private:
    struct Period {
        ProductId membership;
        Instant starts, ends;
    };
    std::vector<ProductId> held_;
    std::vector<Period> memberships_;
    std::vector<ProductId> series_;
    std::vector<std::string> tags_;
    Instant now_;
};

// "members", "holders of the Flex 5 Pass or members" ... a short readable form for explanations.
std::string describe_criterion(const Criterion& criterion, const Catalog& catalog);
// Whether the customer meets a criterion; `at` is the performance's start (membership dates), or now.
bool meets(const Criterion& criterion, const Entitlements& who, Instant at);

// The outcome of a booking rule: ok, or a machine code and a sentence for the customer.
struct RuleCheck {
    bool ok = true;
    std::string code;
    std::string message;
};

// May this customer buy tickets for the instance on the channel now (general sale or a priority window)?
RuleCheck check_on_sale(const Catalog& catalog, const Instance& instance, Channel channel, const Entitlements& who);
// May this customer book this seat at this instance (seat locks)?
RuleCheck check_seat_lock(const Catalog& catalog, const Instance& instance, const SeatId& seat,
                          const Entitlements& who);
// Per seat of the instance's plan (plan order): kept from this customer now by a seat lock (check_seat_lock's rule).
std::vector<bool> locked_seats(const Catalog& catalog, const Instance& instance, const Entitlements& who);
// Per seat of the instance's plan (plan order): the lock type of a seat lock covering it at this instance at
// `now` (not yet released), whoever the customer is; nullptr for a seat no lock covers. Who may book such a
// seat is describe_criterion(type->who); whether this customer may, locked_seats / check_seat_lock.
std::vector<const LockType*> seat_lock_types(const Catalog& catalog, const Instance& instance, Instant now);

}  // namespace encore
