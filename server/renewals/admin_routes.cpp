// Webhook endpoint and house hold administration.
#include "renewals/admin_routes.hpp"

#include <httplib.h>

#include <optional>

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "http/api_response.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "renewals/path_id.hpp"
#include "renewals/webhook_signature.hpp"
#include "store/connection_pool.hpp"
#include "store/house_holds.hpp"
#include "store/random_text.hpp"
#include "store/seat_ledger.hpp"
#include "store/webhook_store.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

constexpr std::size_t min_secret = 16, max_secret = 200, max_description = 200;


json endpoint_json(const WebhookEndpoint& endpoint) {
    return {{"id", endpoint.id}, {"url", endpoint.url}, {"description", endpoint.description},
            {"created_at", format_instant(endpoint.created_at)}};
}

json delivery_json(const WebhookDelivery& d) {
    json attempts = json::array();
    for (const WebhookAttempt& a : d.attempts)
        attempts.push_back({{"attempt", a.attempt}, {"at", format_instant(a.at)},
                            {"http_status", a.http_status ? json(*a.http_status) : json(nullptr)},
                            {"error", a.error}, {"duration_ms", a.duration_ms}});
    return {{"id", d.id}, {"subscriber_record", d.subscriber_id}, {"sequence", d.sequence}, {"type", d.event_type},
            {"status", d.status}, {"created_at", format_instant(d.created_at)},
            {"delivered_at", d.delivered_at ? json(format_instant(*d.delivered_at)) : json(nullptr)}, {"attempts", attempts}};
}

void send_webhook_not_found(httplib::Response& res, const std::string& id) {
    send_problem(res, 404, ApiProblem::webhook_not_found, "Webhook not found", "There is no webhook endpoint " + printable(id, 40) + ".");
}

bool printable_text(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace

void post_webhook(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"url", "secret", "description"}, res)) return;
    auto url = read_string_field(*body, "url", res);
    if (!url) return;
    if (!parse_webhook_url(*url))
        return send_invalid_field(res, "url", "\"url\" must be an http:// or https:// address such as \"https://crm.example.org/encore\".");
    std::string secret = "whsec_" + random_hex(24);
    if (body->contains("secret")) {
        auto given = read_string_field(*body, "secret", res);
        if (!given) return;
        if (given->size() < min_secret || given->size() > max_secret || !printable_text(*given))
            return send_invalid_field(res, "secret", "\"secret\" must be 16 to 200 printable characters (or leave it out to get one).");
        secret = *given;
    }
    std::string description;
    if (body->contains("description")) {
        auto given = read_string_field(*body, "description", res);
        if (!given) return;
        if (given->size() > max_description || !printable_text(*given))
            return send_invalid_field(res, "description", "\"description\" must be at most 200 printable characters.");
        description = *given;
    }
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    const WebhookEndpoint endpoint = WebhookStore(*db).add_endpoint(*url, secret, description, ctx.clock.now());
    transaction.commit();
    json answer = endpoint_json(endpoint);
    answer["secret"] = endpoint.secret;
    send_json(res, 201, {{"webhook", answer}});
}

void get_webhooks(ServerContext& ctx, const Account&, const httplib::Request&, httplib::Response& res) {
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    WebhookStore store(*db);
    json list = json::array();
    for (const WebhookEndpoint& endpoint : store.endpoints()) {
        json item = endpoint_json(endpoint);
        item["queued"] = store.queued(endpoint.id);
        list.push_back(std::move(item));
    }
    send_json(res, 200, {{"webhooks", list}});
}

void delete_webhook(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    const std::string text = req.matches[1];
    const auto id = path_id(text);
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    if (!id || !WebhookStore(*db).remove_endpoint(*id, ctx.clock.now())) return send_webhook_not_found(res, text);
    transaction.commit();
    res.status = 204;
}

void get_webhook_deliveries(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    const std::string text = req.matches[1];
    const auto id = path_id(text);
    const std::string status = req.has_param("status") ? req.get_param_value("status") : "";
    if (!status.empty() && status != "pending" && status != "delivered" && status != "failed")
        return send_invalid_request(res, 422, "status", "status must be pending, delivered or failed");
    int limit = 100;
    if (req.has_param("limit")) {
        const auto value = path_id(req.get_param_value("limit"));
        if (!value || *value > 1000) return send_invalid_request(res, 422, "limit", "limit must be a whole number from 1 to 1000");
        limit = static_cast<int>(*value);
    }
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    WebhookStore store(*db);
    if (!id || !store.endpoint(*id)) return send_webhook_not_found(res, text);
    json deliveries = json::array();
    for (const WebhookDelivery& d : store.deliveries(*id, status, limit)) deliveries.push_back(delivery_json(d));
    send_json(res, 200, {{"webhook", *id}, {"queued", store.queued(*id)}, {"deliveries", deliveries}});
}

void post_webhook_redelivery(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    const std::string endpoint_text = req.matches[1], delivery_text = req.matches[2];
    const auto endpoint = path_id(endpoint_text);
    const auto delivery = path_id(delivery_text);
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    WebhookStore store(*db);
    if (!endpoint || !store.endpoint(*endpoint)) return send_webhook_not_found(res, endpoint_text);
    if (!delivery || !store.request_redelivery(*endpoint, *delivery)) {
        send_problem(res, 404, ApiProblem::delivery_not_found, "Delivery not found",
                     "Webhook " + std::to_string(*endpoint) + " has no delivery " + printable(delivery_text, 40) + ".");
        return;
    }
    json found;
    for (const WebhookDelivery& d : store.deliveries(*endpoint, "", 1000))
        if (d.id == *delivery) found = delivery_json(d);
    transaction.commit();
    send_json(res, 202, {{"delivery", found}});
}

void get_house_holds(ServerContext& ctx, const Account&, const httplib::Request&, httplib::Response& res) {
    auto db = ctx.pool.lease();
    json list = json::array();
    for (const HouseHold& hold : house_holds(*db)) list.push_back({{"instance", hold.instance.value}, {"seat", hold.seat.value}});
    send_json(res, 200, {{"house_holds", list}});
}

void put_house_holds(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    auto published = ctx.catalog.current();
    if (!published) {
        send_problem(res, 503, ApiProblem::catalog_missing, "No catalog loaded", "The server has no catalog yet.");
        return;
    }
    const std::string instance_text = req.matches[1];
    const Instance* instance = published->catalog.find_instance(InstanceId{instance_text});
    if (!instance) {
        send_problem(res, 404, ApiProblem::instance_not_found, "Instance not found",
                     "There is no instance \"" + printable(instance_text, 100) + "\" in the catalog.");
        return;
    }
    const Venue* venue = published->catalog.find_venue(instance->venue);
    auto body = read_json_object(req, res);
    if (!body || !only_members(*body, {"seats"}, res)) return;
    const auto seats = body->find("seats");
    if (seats == body->end() || !seats->is_array() || seats->size() > 5000)
        return send_invalid_field(res, "seats", "\"seats\" must be a list of seat ids (at most 5000; an empty list clears them).");
    std::vector<SeatId> wanted;
    for (std::size_t i = 0; i < seats->size(); ++i) {
        const json& seat = (*seats)[i];
        if (!seat.is_string() || !venue || !venue->plan.seat_index(SeatId{seat.get<std::string>()}))
            return send_invalid_field(res, "seats/" + std::to_string(i), "each seat must be a seat of the performance's plan.");
        wanted.push_back(SeatId{seat.get<std::string>()});
    }
    auto db = ctx.pool.lease();
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    SeatLedger ledger(*db);
    set_house_holds(*db, ledger, instance->id, wanted, caller.id, ctx.clock.now());
    ledger.finish();
    transaction.commit();
    json list = json::array();
    for (const SeatId& seat : wanted) list.push_back(seat.value);
    send_json(res, 200, {{"instance", instance->id.value}, {"seats", list}});
}

}  // namespace encore::server
