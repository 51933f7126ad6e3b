// Catalog (with ETag), per-instance availability and a series group's availability, as anyone may read them.
#include "catalog/catalog_routes.hpp"

#include <httplib.h>

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/catalog_state.hpp"
#include "encore/availability.hpp"
#include "http/compressed_body.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
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

// The instance's seats in full, or only what changed after `since` when the change log covers it.
nlohmann::json instance_availability(ServerContext& ctx, const Instance& instance, const SeatingPlan& plan,
                                     std::optional<std::string_view> since) {
    if (since)
        if (auto changes = availability_changes(ctx.store.pool(), instance.id, *since)) return *changes;
    InstanceSeatStates stored = ctx.store.seat_states(instance.id);
    std::vector<SeatState> seats(plan.seats.size(), SeatState::open);
    for (const auto& [seat, state] : stored.seats)
        if (auto index = plan.seat_index(seat)) seats[*index] = state;
    return {{"instance", instance.id.value}, {"version", stored.version}, {"seat_count", seats.size()},
            {"seats", encode_seat_states(seats)}};
}

// "3,0,12" -> {"3", "0", "12"}.
std::vector<std::string_view> comma_separated(std::string_view text) {
    std::vector<std::string_view> parts;
    while (true) {
        auto comma = text.find(',');
        parts.push_back(text.substr(0, comma));
        if (comma == std::string_view::npos) return parts;
        text.remove_prefix(comma + 1);
    }
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
    set_compressible_body(req, res, "/api/catalog", std::shared_ptr<const std::string>(current, &current->json),
                          "application/json");
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
    std::optional<std::string> since;
    if (req.has_param("since")) since = req.get_param_value("since");
    send_json(res, 200, instance_availability(ctx, *instance, venue->plan, since));
}

void get_group_availability(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string series_id = req.matches[1], group_id = req.matches[2];
    auto current = ctx.catalog.current();
    if (send_catalog_missing(res, current)) return;
    const Catalog& catalog = current->catalog;
    const FixedSeries* series = encore::is_valid_id(series_id) ? catalog.find_series(ProductId{series_id}) : nullptr;
    const SeriesGroup* group = series && encore::is_valid_id(group_id) ? series->find_group(SeriesGroupId{group_id}) : nullptr;
    if (!group) {
        send_problem(res, 404, ApiProblem::series_not_found, "Series not found",
                     series ? "The series \"" + series->name + "\" has no group \"" + printable(group_id) + "\"."
                            : "There is no fixed series \"" + printable(series_id) + "\" in the catalog.");
        return;
    }
    std::vector<std::string_view> since;
    const std::string since_text = req.has_param("since") ? req.get_param_value("since") : std::string();
    if (!since_text.empty()) since = comma_separated(since_text);
    if (since.size() != group->instances.size()) since.clear();  // not one version per instance: every map in full
    nlohmann::json instances = nlohmann::json::array();
    for (std::size_t i = 0; i < group->instances.size(); ++i) {
        const Instance* instance = catalog.find_instance(group->instances[i]);
        const Venue* venue = instance ? catalog.find_venue(instance->venue) : nullptr;
        if (!venue) continue;  // a valid catalog names only known instances and venues
        instances.push_back(instance_availability(ctx, *instance, venue->plan,
                                                  since.empty() ? std::nullopt : std::optional<std::string_view>(since[i])));
    }
    send_json(res, 200, {{"series", series_id}, {"group", group_id}, {"instances", std::move(instances)}});
}

}  // namespace encore::server
