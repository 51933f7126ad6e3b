// An order in words, from the server's order document and the catalog: each performance with its seats,
// ticket types, prices and fees; products bought (passes with their codes, memberships); fees; total; how it
// was paid; and for an invoice its number, how to pay and when, in the venue's local time. The order view and
// its printable copy both show this.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "encore/catalog.hpp"

namespace web {

struct OrderTicket {
    std::string seat;         // "Stalls, Row H, Seat 14"
    std::string ticket_type;  // "Adult"
    std::string price;        // "£55.00"
    std::string note;         // "+ £1.50 booking fee", "booking fee waived (members)", the pass or offer used
};

struct OrderPerformance {
    std::string title;  // "Macbeth"
    std::string when;   // "Tue 12 Jan 2027, 19:30"
    std::string venue;  // "The Encore Theatre"
    std::vector<OrderTicket> tickets;
};

struct OrderRow {
    std::string label;   // "Flex 4 Pass", "Booking fee (2 × £1.50)"
    std::string amount;  // "£80.00", "waived"
    std::string detail;  // a pass's code and expiry, ...
};

struct OrderInvoice {
    std::string number;      // "INV-K7QX4M2P"
    std::string status;      // "To pay", "Paid", "Lapsed"
    std::string due;         // "Mon 7 Dec 2026, 12:00" in the venue's local time
    std::string how_to_pay;  // one true sentence
};

struct OrderSummary {
    std::string reference;   // short reference (long for older orders)
    std::string status;      // "Paid", "Reserved until the invoice is paid", "Lapsed: the invoice was not paid"
    std::string placed;      // "Ordered Mon 30 Nov 2026, 12:00"
    std::vector<OrderPerformance> performances;
    std::vector<OrderRow> products;   // passes, memberships, series bought
    std::vector<OrderRow> fees;
    std::string total;       // "£113.00"
    std::string payment;     // "Paid by Visa card ending 4242" / "By invoice"
    std::optional<OrderInvoice> invoice;
    std::string contents;    // "2 tickets and Flex 4 Pass"
};

OrderSummary summarise_order(const encore::Catalog& catalog, const nlohmann::json& order);
// The confirmation's first line, saying only what was bought: "Thank you — you have bought 2 tickets and Flex 4 Pass",
// or for an invoice "Reserved until the invoice is paid: 2 tickets".
std::string confirmation_headline(const OrderSummary& summary, bool paid);
// The summary as plain lines of text (the printable copy and the tests read it).
std::vector<std::string> order_summary_lines(const OrderSummary& summary);

}  // namespace web
