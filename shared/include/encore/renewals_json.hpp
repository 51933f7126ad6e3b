// Subscriber history rows, states and webhook events as JSON: what the server stores per row and what
// a CRM receives ("SubscriberCreated" / "SubscriberUpdated"), in one shape for both.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "encore/problems.hpp"
#include "encore/subscriber.hpp"

namespace encore {

// {"action": "Lapse", "at": "...", "actor": "system", "status": "Lapsed", "package", "group", "seats": [...], ...}
nlohmann::json history_row_to_json(const HistoryRow& row);
// The row back; nullopt with problems (JSON paths) if malformed.
std::optional<HistoryRow> history_row_from_json(const nlohmann::json& doc, Problems& problems);
// {"status": "Pending", "since", "package", "group", "seats", "renewing_from", "auto_renew", "payment_plan", "paid"}.
nlohmann::json subscriber_state_to_json(const SubscriberState& state);
// A webhook body: {"type": "SubscriberUpdated", "subscriber", "customer", "sequence", "history": row, "state": state}.
// `sequence` is the row's number in the subscriber's history (1 = first), so a receiver can order and dedupe.
nlohmann::json webhook_event(const std::string& subscriber_id, const std::string& customer_id, std::size_t sequence,
                             const HistoryRow& row, const SubscriberState& after);

}  // namespace encore
