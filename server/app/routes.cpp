// API handlers: health, catalog (with ETag), per-instance availability, and the API's 404/405 answers.
#include "app/routes.hpp"

#include "accounts/account_routes.hpp"
#include "accounts/admin_routes.hpp"
#include "app/context.hpp"
#include "catalog/admin_catalog_routes.hpp"
#include "http/method_answers.hpp"
#include "http/openapi_route.hpp"
#include "sales/hold_routes.hpp"
#include "sales/order_routes.hpp"

#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "catalog/catalog_state.hpp"
#include "encore/availability.hpp"
#include "http/problem.hpp"
#include "http/uncompressed_body.hpp"
#include "store/availability_changes.hpp"
#include "store/store.hpp"

namespace encore::server {
namespace {

constexpr const char* json_type = "application/json";
constexpr const char* allowed_methods = "GET, HEAD, OPTIONS";

// Patterns of the API's endpoints; every one of them is read-only so far.
constexpr const char* health_path = "/api/health";
constexpr const char* catalog_path = "/api/catalog";
constexpr const char* availability_path = R"(/api/instances/([^/]*)/availability)";
constexpr const char* any_api_path = R"(/api(/.*)?)";

void send_json(httplib::Response& res, const nlohmann::json& body) {
    res.set_header("Cache-Control", "no-cache");
    set_uncompressed_body(res, body.dump(), json_type);
}

bool send_catalog_missing(httplib::Response& res, const std::shared_ptr<const PublishedCatalog>& catalog) {
    if (catalog) return false;
    send_problem(res, 503, "catalog_missing", "No catalog loaded",
                 "The server has no catalog yet; start it with --catalog FILE to import one.");
    return true;
}

// True if an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks) or is "*".
bool if_none_match_hits(std::string_view header, std::string_view etag) {
    while (!header.empty()) {
        auto comma = header.find(',');
        std::string_view candidate = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
        while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
        if (candidate.starts_with("W/")) candidate.remove_prefix(2);
        if (candidate == "*" || candidate == etag) return true;
    }
    return false;
}

void health(Store& store, const CatalogState& catalog, httplib::Response& res) {
    auto current = catalog.current();
    send_json(res, {{"status", "ok"},
                    {"schema_version", store.schema_version()},
                    {"catalog", current != nullptr},
                    {"instances", current ? current->catalog.instances.size() : 0}});
}

void get_catalog(const CatalogState& catalog, const httplib::Request& req, httplib::Response& res) {
    auto current = catalog.current();
    if (send_catalog_missing(res, current)) return;
    res.set_header("ETag", current->etag);
    res.set_header("Cache-Control", "no-cache");
    if (if_none_match_hits(req.get_header_value("If-None-Match"), current->etag)) {
        res.status = 304;
        return;
    }
    set_uncompressed_body(res, std::shared_ptr<const std::string>(current, &current->json), json_type);
}

void get_availability(Store& store, const CatalogState& catalog, const httplib::Request& req,
                      httplib::Response& res) {
    const std::string id = req.matches[1];
    if (!encore::is_valid_id(id)) {
        send_problem(res, 400, "invalid_instance_id", "Invalid instance id",
                     "An instance id is 1 to 100 characters long and uses only letters, digits, '-', '_' and '.'.");
        return;
    }
    auto current = catalog.current();
    if (send_catalog_missing(res, current)) return;
    const Instance* instance = current->catalog.find_instance(InstanceId{id});
    const Venue* venue = instance ? current->catalog.find_venue(instance->venue) : nullptr;
    if (!venue) {
        send_problem(res, 404, "instance_not_found", "Instance not found",
                     "There is no instance \"" + id + "\" in the catalog.");
        return;
    }
    if (req.has_param("since"))
        if (auto changes = availability_changes(store.pool(), instance->id, req.get_param_value("since"))) {
            send_json(res, *changes);
            return;
        }
    const SeatingPlan& plan = venue->plan;
    InstanceSeatStates stored = store.seat_states(instance->id);
    std::vector<SeatState> seats(plan.seats.size(), SeatState::open);
    for (const auto& [seat, state] : stored.seats)
        if (auto index = plan.seat_index(seat)) seats[*index] = state;
    send_json(res, {{"instance", id},
                    {"version", stored.version},
                    {"seat_count", seats.size()},
                    {"seats", encode_seat_states(seats)}});
}

void install_api_not_found(httplib::Server& server) {
    auto not_found = [](const httplib::Request& req, httplib::Response& res) {
        send_http_problem(res, 404, "not_found", "There is no API endpoint at " + printable(req.path) + ".");
    };
    server.Get(any_api_path, not_found).Post(any_api_path, not_found).Put(any_api_path, not_found);
    server.Patch(any_api_path, not_found).Delete(any_api_path, not_found).Options(any_api_path, not_found);
}

}  // namespace

void install_api_routes(httplib::Server& server, ServerContext& ctx) {
    Store& store = ctx.store;
    const CatalogState& catalog = ctx.catalog;
    server.Get(health_path, [&](const httplib::Request&, httplib::Response& res) { health(store, catalog, res); });
    server.Get(catalog_path, [&](const httplib::Request& req, httplib::Response& res) {
        get_catalog(catalog, req, res);
    });
    server.Get(availability_path, [&](const httplib::Request& req, httplib::Response& res) {
        get_availability(store, catalog, req, res);
    });
    for (const char* pattern : {health_path, catalog_path, availability_path}) install_method_answers(server, pattern, allowed_methods);
    install_account_routes(server, ctx);
    install_admin_catalog_routes(server, ctx);
    install_admin_routes(server, ctx);
    install_hold_routes(server, ctx);
    install_order_routes(server, ctx);
    install_openapi_route(server);
    install_api_not_found(server);
}

}  // namespace encore::server
