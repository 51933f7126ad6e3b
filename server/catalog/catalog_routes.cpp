// Catalog (with ETag) and per-instance availability, as anyone may read them.
#include "catalog/catalog_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "catalog/catalog_state.hpp"
#include "encore/availability.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "http/uncompressed_body.hpp"
#include "store/availability_changes.hpp"
#include "store/store.hpp"

namespace encore::server {
namespace {

bool send_catalog_missing(httplib::Response& res, const std::shared_ptr<const PublishedCatalog>& catalog) {
    if (catalog) return false;
    send_problem(res, 503, ApiProblem::catalog_missing, "No catalog loaded",
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

}  // namespace

void get_catalog(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto current = ctx.catalog.current();
    if (send_catalog_missing(res, current)) return;
    res.set_header("ETag", current->etag);
    res.set_header("Cache-Control", "no-cache");
    if (if_none_match_hits(req.get_header_value("If-None-Match"), current->etag)) {
        res.status = 304;
        return;
    }
    set_uncompressed_body(res, std::shared_ptr<const std::string>(current, &current->json), "application/json");
}

void get_availability(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    if (!encore::is_valid_id(id)) {
        send_problem(res, 400, ApiProblem::invalid_instance_id, "Invalid instance id",
                     "An instance id is 1 to 100 characters long and uses only letters, digits, '-', '_' and '.'.");
        return;
    }
    auto current = ctx.catalog.current();
    if (send_catalog_missing(res, current)) return;
    const Instance* instance = current->catalog.find_instance(InstanceId{id});
    const Venue* venue = instance ? current->catalog.find_venue(instance->venue) : nullptr;
    if (!venue) {
        send_problem(res, 404, ApiProblem::instance_not_found, "Instance not found",
                     "There is no instance \"" + id + "\" in the catalog.");
        return;
    }
    if (req.has_param("since"))
        if (auto changes = availability_changes(ctx.store.pool(), instance->id, req.get_param_value("since"))) {
            send_json(res, 200, *changes);
            return;
        }
    const SeatingPlan& plan = venue->plan;
    InstanceSeatStates stored = ctx.store.seat_states(instance->id);
    std::vector<SeatState> seats(plan.seats.size(), SeatState::open);
    for (const auto& [seat, state] : stored.seats)
        if (auto index = plan.seat_index(seat)) seats[*index] = state;
    send_json(res, 200,
              {{"instance", id}, {"version", stored.version}, {"seat_count", seats.size()}, {"seats", encode_seat_states(seats)}});
}

}  // namespace encore::server
