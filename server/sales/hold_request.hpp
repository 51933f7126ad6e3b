// Decoding the bodies of the hold endpoints into plain values; every refusal names the offending
// field. No catalog or database is consulted here.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "encore/basket.hpp"
#include "store/hold_store.hpp"

namespace encore::server {

inline constexpr std::size_t max_seats_per_hold_request = 50;

// One seat (the same seat id) across the chosen instances of a fixed-series group.
struct SeriesChoice {
    ProductId series;
    SeriesGroupId group;
    SeatId seat;
    std::vector<InstanceId> instances;  // empty: every instance of the group
    PriceBandId band;                   // the band chosen first, for a series that asks for one
};

struct HoldRequest {
    InstanceId instance;                 // ticket form: seats of one instance ...
    std::vector<SeatId> seats;
    std::optional<SeriesChoice> series;  // ... or one series seat
    TicketTypeId ticket_type;            // empty: decided when the basket is built
    std::optional<std::string> hold;     // add to this existing hold
    Basket basket;                       // the rest of the customer's basket, on `channel`
    Channel channel = Channel::web;
};

struct FieldProblem {
    std::string field;            // "seats/3": a JSON pointer without its leading slash; "" for the whole body
    std::string message;          // a sentence naming the field
    bool malformed_json = false;  // the body is not JSON at all ...
    bool too_deep = false;        // ... because it nests deeper than the limit
};

std::variant<HoldRequest, FieldProblem> decode_hold_request(std::string_view body);
// The body of POST /api/holds/{token}/release: {"seats":[{"instance":ID,"seat":ID}, ...]}.
std::variant<std::vector<SeatRef>, FieldProblem> decode_seat_release(std::string_view body);
// A hold token is random_hex(hold_token_bytes): 64 lowercase hex digits.
inline constexpr std::size_t hold_token_bytes = 32;
bool is_hold_token(std::string_view text);

}  // namespace encore::server
