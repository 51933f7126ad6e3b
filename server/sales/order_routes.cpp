// HTTP handlers of orders, invoices, stored cards and what a customer owns: authenticate, decode,
// call the order modules, answer. References of other accounts' orders answer 404, never 403.
#include "sales/order_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "accounts/accounts.hpp"
#include "app/clock.hpp"
#include "app/options.hpp"
#include "catalog/catalog_state.hpp"
#include "http/api_response.hpp"
#include "http/problem.hpp"
#include "http/rate_limiter.hpp"
#include "sales/invoices.hpp"
#include "sales/order_request.hpp"
#include "sales/order_writer.hpp"
#include "store/connection_pool.hpp"
#include "store/idempotency.hpp"
#include "store/order_queries.hpp"
#include "store/order_view.hpp"
#include "store/stored_cards.hpp"

namespace encore::server {
namespace {

using nlohmann::json;
using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

constexpr const char* orders_path = "/api/orders";
constexpr const char* order_path = R"(/api/orders/([^/]+))";
constexpr const char* mark_paid_path = R"(/api/orders/([^/]+)/mark-paid)";
constexpr const char* cards_path = "/api/me/cards";

void send_invalid(httplib::Response& res, int status, const std::string& field, const std::string& message) {
    ApiResponse problem = problem_response(status, "invalid_request", "Invalid request",
                                           field.empty() ? message : field + ": " + message);
    problem.body["field"] = field;
    send_response(res, problem);
}

// The body as JSON, or nullopt after answering 400 malformed_json.
std::optional<json> parse_body(const httplib::Request& req, httplib::Response& res) {
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_discarded()) return body;
    send_response(res, problem_response(400, "malformed_json", "Malformed JSON", "The request body is not valid JSON."));
    return std::nullopt;
}

void post_order(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!ctx.limiter.admit("orders", ctx.options.order_requests_per_minute, req, res)) return;
    auto account = require_login(ctx, req, res);
    if (!account) return;
    if (!req.has_header("Idempotency-Key")) {
        send_response(res, problem_response(400, "idempotency_key_missing", "Idempotency-Key missing",
                                            "An order needs an Idempotency-Key header: a new random key for each new order, "
                                            "the same key when retrying it."));
        return;
    }
    const std::string key = req.get_header_value("Idempotency-Key");
    if (!is_valid_idempotency_key(key))
        return send_invalid(res, 400, "Idempotency-Key", "the key must be 1 to 100 letters, digits, '-' or '_'");
    auto body = parse_body(req, res);
    if (!body) return;
    auto decoded = decode_order_request(*body);
    if (auto* problem = std::get_if<RequestProblem>(&decoded)) return send_invalid(res, 422, problem->field, problem->message);
    const OrderRequest& request = std::get<OrderRequest>(decoded);
    if (request.basket.channel == Channel::box_office && account->role == Role::customer) {
        send_response(res, problem_response(403, "channel_forbidden", "Box office channel is for staff",
                                            "Only box-office staff can order on the box_office channel; use \"web\"."));
        return;
    }
    OrderAnswer answer = place_order(ctx, *account, request, key, request_fingerprint(orders_path, body->dump()));
    send_stored_response(res, answer.status, std::move(answer.body));
}

void get_order(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto account = require_login(ctx, req, res);
    if (!account) return;
    const std::string reference = req.matches[1];
    auto db = ctx.pool.lease();
    sqlite::Transaction snapshot(*db, sqlite::Transaction::Kind::deferred);
    auto order = find_order(*db, reference);
    if (!order || (order->account_id != account->id && account->role == Role::customer)) {
        send_response(res, problem_response(404, "order_not_found", "Order not found",
                                            "You have no order " + printable(reference, 40) + "."));
        return;
    }
    send_response(res, {200, {{"order", order_json(*db, order->id)}}});
}

void post_mark_paid(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!require_role(ctx, req, res, Role::staff)) return;
    send_response(res, mark_invoice_paid(ctx, req.matches[1]));
}

void post_card(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!ctx.limiter.admit("orders", ctx.options.order_requests_per_minute, req, res)) return;
    auto account = require_login(ctx, req, res);
    if (!account) return;
    auto body = parse_body(req, res);
    if (!body) return;
    if (!body->is_object()) return send_invalid(res, 422, "", "the body must be a JSON object");
    CardDetails card;
    for (auto [field, target] : {std::pair{"number", &card.number}, {"expiry", &card.expiry}, {"cvc", &card.cvc}}) {
        auto it = body->find(field);
        if (it == body->end() || !it->is_string() || it->get_ref<const std::string&>().size() > 40)
            return send_invalid(res, 422, field, std::string("\"") + field + "\" must be a string");
        *target = it->get<std::string>();
    }
    auto db = ctx.pool.lease();
    sqlite::Transaction transaction(*db, sqlite::Transaction::Kind::immediate);
    auto stored = store_test_card(*db, account->id, card, ctx.clock.now());
    if (auto* problem = std::get_if<CardProblem>(&stored)) {
        ApiResponse refusal = problem_response(422, problem->code, "Card refused", problem->message);
        refusal.body["field"] = problem->field;
        send_response(res, refusal);
        return;
    }
    transaction.commit();
    const StoredCard& saved = std::get<StoredCard>(stored);
    send_response(res, {201, {{"card", {{"token", saved.token}, {"brand", saved.brand}, {"last4", saved.last4},
                                        {"expires", saved.expires}}}}});
}

// GET /api/me/<what>: the caller's own records, read in one snapshot.
Handler me_handler(ServerContext& ctx, std::function<json(sqlite::Connection&, const Account&, Instant)> query) {
    return [&ctx, query = std::move(query)](const httplib::Request& req, httplib::Response& res) {
        auto account = require_login(ctx, req, res);
        if (!account) return;
        auto db = ctx.pool.lease();
        sqlite::Transaction snapshot(*db, sqlite::Transaction::Kind::deferred);
        send_response(res, {200, query(*db, *account, ctx.clock.now())});
    };
}

const Catalog& catalog_of(const std::shared_ptr<const PublishedCatalog>& published) {
    static const Catalog empty;
    return published ? published->catalog : empty;
}

}  // namespace

void install_order_routes(httplib::Server& server, ServerContext& ctx) {
    server.Post(orders_path, [&ctx](const httplib::Request& req, httplib::Response& res) { post_order(ctx, req, res); });
    server.Get(order_path, [&ctx](const httplib::Request& req, httplib::Response& res) { get_order(ctx, req, res); });
    server.Post(mark_paid_path, [&ctx](const httplib::Request& req, httplib::Response& res) { post_mark_paid(ctx, req, res); });
    server.Post(cards_path, [&ctx](const httplib::Request& req, httplib::Response& res) { post_card(ctx, req, res); });
    server.Get(cards_path, me_handler(ctx, [](sqlite::Connection& db, const Account& account, Instant) {
        json cards = json::array();
        for (const StoredCard& card : list_cards(db, account.id))
            cards.push_back({{"token", card.token}, {"brand", card.brand}, {"last4", card.last4}, {"expires", card.expires}});
        return json{{"cards", cards}};
    }));
    server.Get("/api/me/orders", me_handler(ctx, [](sqlite::Connection& db, const Account& account, Instant) {
        return account_orders(db, account.id);
    }));
    server.Get("/api/me/passes", me_handler(ctx, [&ctx](sqlite::Connection& db, const Account& account, Instant now) {
        return account_passes(db, catalog_of(ctx.catalog.current()), account.id, now);
    }));
    server.Get("/api/me/memberships", me_handler(ctx, [&ctx](sqlite::Connection& db, const Account& account, Instant now) {
        return account_memberships(db, catalog_of(ctx.catalog.current()), account.id, now);
    }));
    server.Get("/api/me/subscriptions", me_handler(ctx, [&ctx](sqlite::Connection& db, const Account& account, Instant) {
        return account_subscriptions(db, catalog_of(ctx.catalog.current()), account.id);
    }));
    server.Get("/api/me/customer", me_handler(ctx, [](sqlite::Connection& db, const Account& account, Instant) {
        return account_customer(db, account);
    }));
}

}  // namespace encore::server
