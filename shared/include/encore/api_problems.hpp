// The problem codes of the HTTP API: what the server puts in a problem+json "code" and what the web
// client translates into words. One list, so neither side spells a code the other does not know.
#pragma once
#include <optional>
#include <string_view>

namespace encore {

enum class ApiProblem {
    // Plain HTTP
    bad_request,               // the request could not be read as HTTP
    not_found,                 // nothing at this path
    method_not_allowed,        // the path exists but not with this method
    length_required,           // a body without Content-Length
    payload_too_large,         // a body over the size limit
    uri_too_long,              // a request line over the limit
    range_not_satisfiable,     // a byte range outside a static file
    unsupported_media_type,    // a JSON endpoint sent something that is not JSON
    http_error,                // any other HTTP-level failure
    internal_error,            // a bug on our side; the detail never shows internals
    rate_limited,              // too many requests from this client; Retry-After says when
    request_timeout,           // the request's headers or body did not arrive in time
    header_too_large,          // the request line and headers are over the limit
    unsupported_encoding,      // a Content-Encoding the server does not read
    too_many_connections,      // this address has too many connections open at once
    server_busy,               // the server is at capacity for this kind of work; Retry-After says when
    // Request bodies
    malformed_json,            // the body is not JSON
    invalid_request,           // a field is missing, of the wrong type or out of range ("field" names it)
    json_too_deep,             // the body nests arrays and objects deeper than the limit
    // Catalog
    catalog_missing,           // the server has no catalog yet
    catalog_invalid,           // an admin change would make the catalog invalid ("problems" lists why)
    catalog_changed,           // the catalog changed since the If-Match ETag
    instance_in_use,           // an instance with holds or sales cannot be removed
    unknown_section,           // no such catalog section
    invalid_item_id,           // a catalog item id that is not a valid id
    item_not_found,            // no such catalog item
    invalid_instance_id,       // an instance id that is not a valid id
    instance_not_found,        // no such instance
    series_not_found,          // no such fixed series, or no such group in it
    // Accounts
    unauthorized,              // no session, or it expired
    forbidden,                 // signed in, but not allowed to do this
    invalid_credentials,       // wrong email or password
    email_taken,               // an account with this email exists
    // Holds
    seats_unavailable,         // someone else has these seats ("seats" lists them)
    hold_refused,              // the core refuses these seats for this customer ("problems" says why)
    hold_not_found,            // the hold expired or was released
    hold_too_large,            // more seats at one performance than one hold may keep
    seat_limit_reached,        // more seats at one performance than one customer may hold or buy
    too_many_holds,            // this customer or client already has the most live holds allowed
    // Orders and payment
    idempotency_key_missing,   // POST /api/orders needs an Idempotency-Key
    idempotency_key_reused,    // the key was used with a different body
    channel_forbidden,         // the box-office channel is for staff
    invoice_limit_reached,     // more seats in unpaid invoices than one account may reserve
    basket_invalid,            // the core cannot sell this basket ("problems" per line)
    price_changed,             // the server's price differs from the client's expected total
    payment_declined,          // the card was declined
    card_number_invalid,       // not a valid card number
    expiry_invalid,            // expiry not written MM/YY
    card_expired,              // the card's expiry has passed
    cvc_invalid,               // the security code is not 3 or 4 digits
    unknown_card,              // no stored card with this token for this customer
    order_not_found,           // no such order for this caller
    order_not_payable,         // the order is not an unpaid invoice
    // Renewals, staff acts and webhooks
    subscriber_record_not_found,  // no such subscriber record for this caller
    renewal_refused,           // the core refuses this renewal action now ("reason" is its code)
    renewal_not_priced,        // the renewal's basket cannot be priced ("problems" says why)
    customer_not_found,        // no customer account with this id
    series_not_holdable,       // the series has no hold timeout in the future to hold it until
    pass_not_found,            // no pass with this code
    expiry_refused,            // a pass's expiry cannot be moved there ("reason" is the core's code)
    webhook_not_found,         // no webhook endpoint with this id
    delivery_not_found,        // no delivery with this id for the endpoint
};

// "seats_unavailable"
std::string_view api_problem_code(ApiProblem problem);
// The problem for a code, or nullopt for a code this list does not have.
std::optional<ApiProblem> api_problem_from_code(std::string_view code);

}  // namespace encore
