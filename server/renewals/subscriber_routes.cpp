// Subscriber record handlers: find the record (a customer only their own), view it, or act on it.
#include "renewals/subscriber_routes.hpp"

#include <httplib.h>

#include <charconv>
#include <optional>

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "http/api_response.hpp"
#include "http/problem.hpp"
#include "renewals/path_id.hpp"
#include "renewals/subscriber_actions.hpp"
#include "renewals/subscriber_view.hpp"
#include "store/connection_pool.hpp"
#include "store/idempotency.hpp"
#include "store/renewal_queries.hpp"
#include "store/subscriber_store.hpp"

namespace encore::server {
namespace {

using nlohmann::json;


void send_not_found(httplib::Response& res, const std::string& id) {
    send_response(res, problem_response(404, ApiProblem::subscriber_record_not_found, "Subscriber record not found",
                                        "There is no subscriber record " + printable(id, 40) + " for you."));
}

// Answers with what `view` makes of the record in one snapshot, or 404 / 503.
template <class View>
void with_record(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res, Viewer viewer,
                 View view) {
    auto published = ctx.catalog.current();
    if (!published) {
        send_response(res, problem_response(503, ApiProblem::catalog_missing, "No catalog loaded", "The server has no catalog yet."));
        return;
    }
    const std::string text = req.matches[1];
    const auto id = path_id(text);
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    auto record = id ? load_subscriber(*db, *id) : std::nullopt;
    if (!record || (viewer == Viewer::customer && record->account_id != caller.id)) return send_not_found(res, text);
    send_response(res, {200, view(*db, published->catalog, *record)});
}

void act(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res, Viewer viewer) {
    const std::string text = req.matches[1];
    const auto id = path_id(text);
    if (!id) return send_not_found(res, text);
    std::optional<ActionKey> key;
    if (req.has_header("Idempotency-Key")) {
        key = ActionKey{req.get_header_value("Idempotency-Key"), {}};
        if (!is_valid_idempotency_key(key->key))
            return send_invalid_request(res, 400, "Idempotency-Key", "the key must be 1 to 100 letters, digits, '-' or '_'");
    }
    auto body = read_json_body(req, res);
    if (!body) return;
    auto decoded = decode_action_request(*body, viewer);
    if (auto* problem = std::get_if<RequestProblem>(&decoded)) return send_invalid_request(res, 422, problem->field, problem->message);
    if (key) key->fingerprint = request_fingerprint(req.path, body->dump());
    send_response(res, perform_action(ctx, caller, *id, std::get<ActionRequest>(decoded), viewer, key));
}

}  // namespace

void get_my_subscriber_records(ServerContext& ctx, const Account& caller, const httplib::Request&, httplib::Response& res) {
    auto published = ctx.catalog.current();
    if (!published) {
        send_response(res, problem_response(503, ApiProblem::catalog_missing, "No catalog loaded", "The server has no catalog yet."));
        return;
    }
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    const Instant now = ctx.clock.now();
    json records = json::array();
    for (std::int64_t id : subscribers_of_account(*db, caller.id))
        if (auto record = load_subscriber(*db, id)) records.push_back(subscriber_view(*db, published->catalog, *record, Viewer::customer, now));
    send_response(res, {200, {{"subscriber_records", records}}});
}

void get_my_subscriber_record(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    const Instant now = ctx.clock.now();
    with_record(ctx, caller, req, res, Viewer::customer, [&](db::Connection& db, const Catalog& catalog, const SubscriberRecord& r) {
        return json{{"subscriber_record", subscriber_view(db, catalog, r, Viewer::customer, now)}};
    });
}

void get_my_subscriber_history(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    with_record(ctx, caller, req, res, Viewer::customer,
                [](db::Connection&, const Catalog&, const SubscriberRecord& r) { return history_view(r, Viewer::customer); });
}

void post_my_subscriber_action(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    act(ctx, caller, req, res, Viewer::customer);
}

void get_staff_subscriber_record(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    const Instant now = ctx.clock.now();
    with_record(ctx, caller, req, res, Viewer::staff, [&](db::Connection& db, const Catalog& catalog, const SubscriberRecord& r) {
        return json{{"subscriber_record", subscriber_view(db, catalog, r, Viewer::staff, now)},
                    {"history", history_view(r, Viewer::staff)["history"]}};
    });
}

void post_staff_subscriber_action(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res) {
    act(ctx, caller, req, res, Viewer::staff);
}

void get_staff_subscriber_records(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    constexpr int default_limit = 100, most = 1000;
    int limit = default_limit;
    if (req.has_param("limit")) {
        const std::string text = req.get_param_value("limit");
        int value = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc{} || end != text.data() + text.size() || value < 1 || value > most)
            return send_invalid_request(res, 422, "limit", "limit must be a whole number from 1 to 1000");
        limit = value;
    }
    std::int64_t after = 0;
    if (req.has_param("after")) {
        const auto value = path_id(req.get_param_value("after"));
        if (!value) return send_invalid_request(res, 422, "after", "after must be a subscriber record id");
        after = *value;
    }
    const std::string package = req.has_param("package") ? req.get_param_value("package") : "";
    const std::string status = req.has_param("status") ? req.get_param_value("status") : "";
    if (!status.empty() && !status_from_name(status))
        return send_invalid_request(res, 422, "status", "status must be New, Pending, Renewed, Lapsed, Declined, NonRenewed or Inactive");
    auto db = ctx.pool.lease();
    db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
    json records = json::array();
    std::int64_t last = 0;
    for (const SubscriberSummary& s : subscriber_summaries(*db, package, status, after, limit)) {
        last = s.id;
        records.push_back({{"id", s.id}, {"customer", {{"id", s.account_id}, {"email", s.email}, {"name", s.name}}},
                           {"lineage", s.lineage}, {"status", s.status}, {"package", s.package},
                           {"next_due_at", s.next_due_at ? json(format_instant(*s.next_due_at)) : json(nullptr)}});
    }
    json answer{{"subscriber_records", records}};
    answer["next_after"] = static_cast<int>(records.size()) == limit ? json(last) : json(nullptr);
    send_response(res, {200, answer});
}

}  // namespace encore::server
