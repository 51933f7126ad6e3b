// The API's problem codes as text, in the order of the enum.
#include "encore/api_problems.hpp"

#include <utility>

namespace encore {
namespace {

using enum ApiProblem;
constexpr std::pair<ApiProblem, std::string_view> codes[] = {
    {bad_request, "bad_request"},
    {not_found, "not_found"},
    {method_not_allowed, "method_not_allowed"},
    {length_required, "length_required"},
    {payload_too_large, "payload_too_large"},
    {uri_too_long, "uri_too_long"},
    {range_not_satisfiable, "range_not_satisfiable"},
    {unsupported_media_type, "unsupported_media_type"},
    {http_error, "http_error"},
    {internal_error, "internal_error"},
    {rate_limited, "rate_limited"},
    {request_timeout, "request_timeout"},
    {header_too_large, "header_too_large"},
    {unsupported_encoding, "unsupported_encoding"},
    {too_many_connections, "too_many_connections"},
    {server_busy, "server_busy"},
    {malformed_json, "malformed_json"},
    {invalid_request, "invalid_request"},
    {json_too_deep, "json_too_deep"},
    {catalog_missing, "catalog_missing"},
    {catalog_invalid, "catalog_invalid"},
    {catalog_changed, "catalog_changed"},
    {instance_in_use, "instance_in_use"},
    {unknown_section, "unknown_section"},
    {invalid_item_id, "invalid_item_id"},
    {item_not_found, "item_not_found"},
    {invalid_instance_id, "invalid_instance_id"},
    {instance_not_found, "instance_not_found"},
    {series_not_found, "series_not_found"},
    {unauthorized, "unauthorized"},
    {forbidden, "forbidden"},
    {invalid_credentials, "invalid_credentials"},
    {email_taken, "email_taken"},
    {seats_unavailable, "seats_unavailable"},
    {hold_refused, "hold_refused"},
    {hold_not_found, "hold_not_found"},
    {hold_too_large, "hold_too_large"},
    {seat_limit_reached, "seat_limit_reached"},
    {too_many_holds, "too_many_holds"},
    {idempotency_key_missing, "idempotency_key_missing"},
    {idempotency_key_reused, "idempotency_key_reused"},
    {channel_forbidden, "channel_forbidden"},
    {invoice_limit_reached, "invoice_limit_reached"},
    {basket_invalid, "basket_invalid"},
    {price_changed, "price_changed"},
    {payment_declined, "payment_declined"},
    {card_number_invalid, "card_number_invalid"},
    {expiry_invalid, "expiry_invalid"},
    {card_expired, "card_expired"},
    {cvc_invalid, "cvc_invalid"},
    {unknown_card, "unknown_card"},
    {order_not_found, "order_not_found"},
    {order_not_payable, "order_not_payable"},
    {subscriber_record_not_found, "subscriber_record_not_found"},
    {renewal_refused, "renewal_refused"},
    {renewal_not_priced, "renewal_not_priced"},
    {customer_not_found, "customer_not_found"},
    {series_not_holdable, "series_not_holdable"},
    {pass_not_found, "pass_not_found"},
    {expiry_refused, "expiry_refused"},
    {webhook_not_found, "webhook_not_found"},
    {delivery_not_found, "delivery_not_found"},
};

}  // namespace

std::string_view api_problem_code(ApiProblem problem) {
    for (const auto& [p, code] : codes)
        if (p == problem) return code;
    return "internal_error";
}

std::optional<ApiProblem> api_problem_from_code(std::string_view code) {
    for (const auto& [p, text] : codes)
        if (text == code) return p;
    return std::nullopt;
}

}  // namespace encore
