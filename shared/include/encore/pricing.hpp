// Pricing: one pure function from (catalog, basket, customer, now) to a priced basket where every
// line says what produced its price, or to the precise reasons the basket cannot be sold.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"

namespace encore {

struct AppliedFee {
    FeeId fee;
    std::string name;
    std::int64_t amount = 0;  // what is charged (0 when waived)
    bool waived = false;
    std::string waived_by;    // offer id or the waiver's criterion, for the explanation
};

// One priced thing: a ticket (a series line has one per instance) or a product bought.
struct PricedItem {
    InstanceId instance;
    SeatId seat;
    PriceBandId band;
    TicketTypeId ticket_type;
    ProductId product;                // pass or membership bought, or the series
    std::int64_t base = 0;            // standard, series or product price before any discount
    std::int64_t price = 0;           // after the pass or the offer, before fees
    PriceListId price_list;           // the list the base came from
    PricingSetId pricing_set;         // series: the pricing set ...
    std::string pricing_column;       // ... and the column ("4", "3-10") chosen by the number of events
    std::string pass_code;            // redeemed with this pass ("basket:N" for a pass in this basket)
    ProductId pass;
    OfferId offer;                    // the offer applied, if any
    std::int64_t offer_discount = 0;
    std::vector<AppliedFee> fees;     // per-ticket fees
    std::string explanation;          // one sentence a customer can read
};

// A series line's pricing-set column in force and what the same tickets would cost bought singly.
struct SeriesLineSummary {
    PricingSetId pricing_set;
    std::string column;                         // the column's event count as written ("5", "4-5") or "default"
    std::string column_label;                   // "5 events: £25.00 each", or "5 events: £125.00" when prices differ
    int events = 0;
    std::optional<std::int64_t> singles_total;  // same seat and ticket type from each performance's standard
                                                // price list; nullopt when one of them is not sold singly
    std::int64_t saving = 0;                    // singles_total minus the series prices (0 when unknown; may be < 0)
};

struct PricedLine {
    int index = 0;
    LineKind kind = LineKind::ticket;
    std::string description;
    std::vector<PricedItem> items;
    std::int64_t total = 0;  // items' prices plus their fees
    std::optional<SeriesLineSummary> series;  // series lines only
};

// Why a line (or the whole basket, line = -1) cannot be sold.
struct LineProblem {
    int line = -1;
    std::string code;     // e.g. "series_event_count", "locked_seat", "priority_window_closed", "pass_exhausted"
    std::string message;  // a sentence a customer understands
    bool operator==(const LineProblem&) const = default;
};

struct PricedBasket {
    bool valid = false;
    Currency currency;
    std::vector<PricedLine> lines;
    std::vector<AppliedFee> order_fees;
    std::int64_t base_total = 0;      // sum of items' base prices
    std::int64_t discount_total = 0;  // base_total - sum of items' prices
    std::int64_t fee_total = 0;       // per-ticket and per-order fees charged
    std::int64_t total = 0;           // what the customer pays
    std::vector<LineProblem> problems;  // set when !valid
};

// Prices a basket. Never throws for any basket; an invalid basket has problems and no totals.
PricedBasket price_basket(const Catalog& catalog, const Basket& basket, const Customer& customer, Instant now,
                          const OfferUsage& usage = {});

}  // namespace encore
