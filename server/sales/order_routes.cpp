// HTTP for orders and invoices: decode, call the order modules, answer. References of other
// accounts' orders answer 404, never 403.
#include "sales/order_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "http/api_response.hpp"
#include "http/problem.hpp"
#include "sales/invoices.hpp"
#include "sales/order_request.hpp"
#include "sales/order_writer.hpp"
#include "store/connection_pool.hpp"
#include "store/idempotency.hpp"
#include "store/order_reference.hpp"
#include "store/order_view.hpp"
#include "store/random_text.hpp"

namespace encore::server {
namespace {

// The path an order request's idempotency fingerprint starts with.
constexpr const char* orders_path = "/api/orders";

// "ord_" and 24 hex digits, or a short reference (order_reference.hpp), as order_rows.cpp makes them:
// anything else (such as bytes that are not UTF-8) is answered before it reaches a query or a message.
bool is_order_reference(const std::string& reference) {
    if (reference.size() == 28 && reference.starts_with("ord_")) return is_random_hex(std::string_view(reference).substr(4), 12);
    return reference.size() <= 2 * short_reference_length && normalised_short_reference(reference).has_value();
}

void send_no_order(httplib::Response& res, const std::string& reference) {
    send_response(res, problem_response(404, ApiProblem::order_not_found, "Order not found",
                                        "You have no order " + printable(reference, 40) + "."));
}

}  // namespace

void post_order(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    order_from_request(ctx, caller, caller, req, res);
}

void order_from_request(ServerContext& ctx, const Account& buyer, const Account& seller, const httplib::Request& req,
                        httplib::Response& res, const std::function<void(db::Connection&, const std::string&)>& also) {
    if (!req.has_header("Idempotency-Key")) {
        send_response(res, problem_response(400, ApiProblem::idempotency_key_missing, "Idempotency-Key missing",
                                            "An order needs an Idempotency-Key header: a new random key for each new order, "
                                            "the same key when retrying it."));
        return;
    }
    const std::string key = req.get_header_value("Idempotency-Key");
    if (!is_valid_idempotency_key(key))
        return send_invalid_request(res, 400, "Idempotency-Key", "the key must be 1 to 100 letters, digits, '-' or '_'");
    auto body = read_json_body(req, res);
    if (!body) return;
    auto decoded = decode_order_request(*body);
    if (auto* problem = std::get_if<RequestProblem>(&decoded)) return send_invalid_request(res, 422, problem->field, problem->message);
    const OrderRequest& request = std::get<OrderRequest>(decoded);
    if (request.basket.channel == Channel::box_office && seller.role == Role::customer) {
        send_response(res, problem_response(403, ApiProblem::channel_forbidden, "Box office channel is for staff",
                                            "Only box-office staff can order on the box_office channel; use \"web\"."));
        return;
    }
    OrderAnswer answer = place_order(ctx, buyer, request, key, request_fingerprint(orders_path, body->dump()),
                                     seller.id == buyer.id ? 0 : seller.id, also);
    send_stored_response(res, answer.status, std::move(answer.body));
}

void get_order(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    const std::string reference = req.matches[1];
    if (!is_order_reference(reference)) return send_no_order(res, reference);
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    auto order = find_order(*db, reference);
    if (!order || (order->account_id != caller.id && caller.role == Role::customer)) {
        send_response(res, problem_response(404, ApiProblem::order_not_found, "Order not found",
                                            "You have no order " + printable(reference, 40) + "."));
        return;
    }
    send_response(res, {200, {{"order", order_json(*db, order->id)}}});
}

void post_mark_paid(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    const std::string reference = req.matches[1];
    if (!is_order_reference(reference)) return send_no_order(res, reference);
    send_response(res, mark_invoice_paid(ctx, reference, caller));
}

}  // namespace encore::server
