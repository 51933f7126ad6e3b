// The caller's own records, each read in one snapshot, and card tokenisation.
#include "sales/customer_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "http/api_response.hpp"
#include "http/json_exchange.hpp"
#include "store/connection_pool.hpp"
#include "store/order_queries.hpp"
#include "store/stored_cards.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

// Answers 200 with what `query` reads from a connection in one snapshot.
template <class Query>
void send_snapshot(ServerContext& ctx, httplib::Response& res, Query query) {
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    send_response(res, {200, query(*db)});
}

const Catalog& catalog_of(const std::shared_ptr<const PublishedCatalog>& published) {
    static const Catalog empty;
    return published ? published->catalog : empty;
}

}  // namespace

void post_card(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    store_card_from_body(ctx, caller.id, req, res);
}

void store_card_from_body(ServerContext& ctx, std::int64_t account_id, const httplib::Request& req, httplib::Response& res,
                          const std::function<void(db::Connection&, const StoredCard&)>& also) {
    auto body = read_json_body(req, res);
    if (!body) return;
    if (!body->is_object()) return send_invalid_request(res, 422, "", "the body must be a JSON object");
    if (!only_members(*body, {"number", "expiry", "cvc"}, res)) return;
    CardDetails card;
    for (auto [field, target] : {std::pair{"number", &card.number}, {"expiry", &card.expiry}, {"cvc", &card.cvc}}) {
        auto it = body->find(field);
        if (it == body->end() || !it->is_string() || it->get_ref<const std::string&>().size() > 40)
            return send_invalid_request(res, 422, field, std::string("\"") + field + "\" must be a string");
        *target = it->get<std::string>();
    }
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    auto stored = store_test_card(*db, account_id, card, ctx.clock.now());
    if (auto* problem = std::get_if<CardProblem>(&stored)) {
        ApiResponse refusal = problem_response(422, problem->code, "Card refused", problem->message);
        refusal.body["field"] = problem->field;
        send_response(res, refusal);
        return;
    }
    const StoredCard& saved = std::get<StoredCard>(stored);
    if (also) also(*db, saved);
    transaction.commit();
    send_response(res, {201, {{"card", {{"token", saved.token}, {"brand", saved.brand}, {"last4", saved.last4},
                                        {"expires", saved.expires}}}}});
}

void get_cards(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    send_snapshot(ctx, res, [&](db::Connection& db) {
        json cards = json::array();
        for (const StoredCard& card : list_cards(db, caller.id))
            cards.push_back({{"token", card.token}, {"brand", card.brand}, {"last4", card.last4}, {"expires", card.expires}});
        return json{{"cards", cards}};
    });
}

void get_my_orders(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    send_snapshot(ctx, res, [&](db::Connection& db) { return account_orders(db, caller.id); });
}

void get_my_passes(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    send_snapshot(ctx, res, [&](db::Connection& db) {
        return account_passes(db, catalog_of(ctx.catalog.current()), caller.id, ctx.clock.now());
    });
}

void get_my_memberships(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    send_snapshot(ctx, res, [&](db::Connection& db) {
        return account_memberships(db, catalog_of(ctx.catalog.current()), caller.id, ctx.clock.now());
    });
}

void get_my_subscriptions(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    send_snapshot(ctx, res, [&](db::Connection& db) {
        return account_subscriptions(db, catalog_of(ctx.catalog.current()), caller.id);
    });
}

void get_my_customer(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    send_snapshot(ctx, res, [&](db::Connection& db) { return account_customer(db, caller); });
}

}  // namespace encore::server
