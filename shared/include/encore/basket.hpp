// A customer's basket and what they already own: the inputs of pricing besides the catalog and `now`.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "encore/catalog.hpp"

namespace encore {

// Redeeming a flexible pass on a ticket: the code of a pass the customer owns, or a pass bought in
// this same basket (the index of its line).
struct PassRedemption {
    std::string code;
    int basket_line = -1;
};

enum class LineKind : std::uint8_t {
    ticket = 0,      // one seat at one instance
    series = 1,      // one seat (the same seat id) at every chosen instance of a fixed-series group
    pass = 2,        // buying a flexible pass
    membership = 3,  // buying a membership
};
// "ticket", "series", "pass", "membership".
const char* line_kind_name(LineKind k);

struct BasketLine {
    LineKind kind = LineKind::ticket;
    InstanceId instance;                    // ticket
    SeatId seat;                            // ticket, series
    TicketTypeId ticket_type;               // ticket, series (empty: the series' default ticket type)
    std::optional<PassRedemption> redeem;   // ticket
    ProductId product;                      // series, pass, membership
    SeriesGroupId group;                    // series
    std::vector<InstanceId> instances;      // series: the chosen instances; empty = every instance of the group
    PriceBandId band;                       // series with "choose your price band first": the band chosen
};

struct Basket {
    Channel channel = Channel::web;
    std::vector<BasketLine> lines;
    bool renewal = false;  // a subscriber renewing (renewal_basket): the series' own on-sale dates do not apply
};

struct OwnedMembership {
    ProductId membership;
    Instant starts;  // valid from ...
    Instant ends;    // ... until (exclusive)
};

struct OwnedPass {
    ProductId pass;
    std::string code;
    Instant expires_at;
    std::vector<InstanceId> redeemed;  // one entry per ticket already redeemed
};

struct OwnedSubscription {
    ProductId series;
    SeriesGroupId group;
};

// What the customer already owns, as the server knows it: only what is paid for. A pass, membership
// or subscription bought on an unpaid invoice (or a part-paid payment plan) is not here until it is paid.
struct Customer {
    std::vector<std::string> tags;
    std::vector<OwnedMembership> memberships;
    std::vector<OwnedPass> passes;
    std::vector<OwnedSubscription> subscriptions;
    std::vector<std::pair<OfferId, int>> offer_uses;  // tickets this customer already had each offer on
};

// Tickets already sold with each offer, across all customers (for offers' total limits).
struct OfferUsage {
    std::vector<std::pair<OfferId, int>> tickets;
};

}  // namespace encore
