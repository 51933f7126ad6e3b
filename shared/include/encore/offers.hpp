// Offers (discounts on tickets, chosen by the pricing engine for the best basket total) and fees.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/eligibility.hpp"
#include "encore/ids.hpp"

namespace encore {

enum class OfferKind : std::uint8_t {
    percent_off = 0,  // value = basis points off the ticket price (1000 = 10%)
    amount_off = 1,   // value = minor units off, never below zero
    fixed_price = 2,  // value = the ticket's price, if lower than its price
    fee_waiver = 3,   // the ticket's per-ticket fees are waived
};

// Whether an offer applies to fixed series tickets.
enum class SeriesRule : std::uint8_t { not_series = 0, only_series = 1, either = 2 };

struct Offer {
    OfferId id;
    std::string name;
    OfferKind kind = OfferKind::percent_off;
    std::int64_t value = 0;
    std::vector<EventId> events;               // scope; each empty list = no restriction
    std::vector<InstanceId> instances;
    std::vector<PriceBandId> bands;
    std::vector<TicketTypeId> ticket_types;
    std::array<bool, 2> channels{true, true};  // per Channel
    SeriesRule series_rule = SeriesRule::either;
    std::optional<Criterion> who;              // nullopt = everyone
    int min_quantity = 1;                      // the basket needs this many tickets the offer could apply to
    int limit_per_customer = 0;                // tickets per customer, counting earlier orders; 0 = no limit
    int limit_total = 0;                       // tickets across all customers; 0 = no limit
};

enum class FeePer : std::uint8_t { ticket = 0, order = 1 };
enum class FeeKind : std::uint8_t { fixed = 0, percent = 1 };

// A booking fee: per ticket or per order, fixed or a percentage (basis points of the ticket's price
// after offers, or of the order's ticket subtotal). Waived for customers who meet `waived_for`.
struct Fee {
    FeeId id;
    std::string name;
    FeePer per = FeePer::ticket;
    FeeKind kind = FeeKind::fixed;
    std::int64_t value = 0;
    std::array<bool, 2> channels{true, true};
    std::optional<Criterion> waived_for;
};

}  // namespace encore
