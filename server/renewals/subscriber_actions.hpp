// A customer's or a member of staff's action on a subscriber record: decoded from the body, then done in
// one BEGIN IMMEDIATE transaction — the core decides (apply_action), the renewal is priced by the core,
// the money is taken (a stored card, or staff recording a payment), and the history rows, their seats,
// the payment and the outbox rows are written together, or nothing is.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "context/server_context.hpp"
#include "encore/renewals.hpp"
#include "http/api_response.hpp"
#include "renewals/subscriber_view.hpp"
#include "sales/order_request.hpp"
#include "store/account_store.hpp"

namespace encore::server {

struct ActionRequest {
    RenewalAction action;                     // kind, instalments, group, seats, note; the actor comes from the caller
    std::string card_token;                   // pay with this stored card of the record's customer
    bool recorded_payment = false;            // staff only: the money was taken at the box office
    std::string payment_reference;            // staff: the receipt or till reference of a recorded payment
    std::optional<std::int64_t> expected_amount;  // what the page showed for this action; 409 price_changed if not
};

// {"action": "renew" | "decline" | "change_seats" | "auto_renew_on" | "auto_renew_off" | "pay_instalment",
//  "instalments", "group", "seats", "note", "expected_amount",
//  "payment": {"method": "card", "card_token"} | {"method": "recorded", "reference"} (staff)}.
std::variant<ActionRequest, RequestProblem> decode_action_request(const nlohmann::json& body, Viewer viewer);

// An optional Idempotency-Key of the caller's and the request's fingerprint: the first answer is stored
// with the action and replayed for a retry, so a retried payment is never taken twice.
struct ActionKey {
    std::string key;
    std::string fingerprint;
};

// 200 {"subscriber_record": view, "appended": [rows]}; 404 subscriber_record_not_found (also for another
// customer's record); 422 renewal_refused / renewal_not_priced / invalid_request / idempotency_key_reused;
// 402 payment_declined; 409 price_changed or seats_unavailable.
ApiResponse perform_action(ServerContext& ctx, const Account& caller, std::int64_t record_id, const ActionRequest& request,
                           Viewer viewer, const std::optional<ActionKey>& key = std::nullopt);

}  // namespace encore::server
