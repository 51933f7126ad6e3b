// The season view: every fixed series, flexible pass and membership the catalog sells, in plain words
// and figures, each with its on-sale status for this customer on a channel. Clients only lay it out.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/availability.hpp"
#include "encore/product_sale.hpp"

namespace encore {

// What holding a product gives, read from the criteria it meets: "Friends' priority booking: book The
// Importance of Being Earnest online from Tue 1 Dec 2026, 10:00 UTC", "No booking fee", "Friends save 10%".
struct Benefit {
    enum class Kind : std::uint8_t { priority_booking = 0, seat_lock = 1, fee_waiver = 2, offer = 3 } kind;
    std::string text;
};

struct SeriesGroupView {
    SeriesGroupId id;
    std::string name;                           // "Tuesday evenings"
    std::vector<std::string> performances;      // "Macbeth, Tue 12 Jan 2027, 19:30", in the group's order
    std::vector<std::string> columns;           // "4 events: £30.00 each", "5 events: from £20.00 each"
    std::optional<std::int64_t> from_per_show;  // the lowest price of a show in its columns
    bool sold_out = false;                      // no seat free at enough of its performances (given availability)
};

struct SeriesView {
    ProductId id;
    std::string name, description;
    std::string events_text;   // "4 to 5 of 5 events"
    std::string from_text;     // "from £25.00 a show"
    std::optional<std::int64_t> from_per_show;
    std::vector<SeriesGroupView> groups;
    std::vector<Benefit> benefits;  // for subscribers
    SaleStatus sale;
};

// One thing a pass covers and what it costs with the pass: {"Macbeth", "free"}, {"Sunday Classics: Mozart", "50% off"}.
struct PassCover {
    std::string what;
    std::string discount;
};

struct PassView {
    ProductId id;
    std::string name, description;
    std::int64_t price = 0;
    std::string price_text;                 // "£140.00"
    std::string allowance_text;             // "4 tickets"
    std::vector<PassCover> covers;
    std::vector<std::string> conditions;    // "Adult or Concession tickets", "one ticket per performance", "one date of each event"
    std::string window_text;                // "for performances from 1 Nov 2026 to 29 Apr 2027"
    std::vector<Benefit> benefits;          // for holders
    SaleStatus sale;
};

struct MembershipView {
    ProductId id;
    std::string name, description;
    std::int64_t price = 0;
    std::string price_text;
    std::string validity_text;              // "12 months from the day you join", "from 1 Sep 2026 to 31 Aug 2027"
    std::vector<Benefit> benefits;
    SaleStatus sale;
};

struct SeasonView {
    std::vector<SeriesView> series;
    std::vector<PassView> passes;
    std::vector<MembershipView> memberships;
};

// The season view for this customer (holdings plus basket) on a channel at who.now(). `availability`
// holds the seat states known for series performances; a series is sold out only when every group's
// performances are all given and no seat is free at enough of them.
SeasonView season_view(const Catalog& catalog, Channel channel, const Entitlements& who,
                       const std::vector<Availability>& availability = {});
// What holding product `id` gives on the channel: the criteria that someone with only this product
// (bought at `now`) meets and someone with nothing does not, in catalog order.
std::vector<Benefit> product_benefits(const Catalog& catalog, const ProductId& id, Channel channel, Instant now);

}  // namespace encore
