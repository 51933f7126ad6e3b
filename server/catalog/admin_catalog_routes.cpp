// Catalog changes by an admin: edit the JSON document, let encore::load_catalog judge the whole of
// it, then store (one transaction) and publish; a refused change leaves everything as it was.
#include "catalog/admin_catalog_routes.hpp"

#include <httplib.h>

#include <mutex>

#include "catalog/catalog_edit.hpp"
#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "encore/catalog_json.hpp"
#include "encore/ids.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "store/store.hpp"

namespace encore::server {
namespace {

// One catalog change at a time in this process: read the current catalog, change, store, publish.
std::mutex catalog_change_mutex;

nlohmann::json problems_to_json(const Problems& problems) {
    nlohmann::json list = nlohmann::json::array();
    for (const Problem& problem : problems)
        list.push_back({{"path", problem.path}, {"code", problem.code}, {"message", problem.message}});
    return list;
}

std::string base_etag(const std::shared_ptr<const PublishedCatalog>& current) { return current ? current->etag : ""; }

// False after answering 412 if an If-Match header does not name the current catalog.
bool if_match_holds(const httplib::Request& req, const std::string& etag, httplib::Response& res) {
    if (!req.has_header("If-Match")) return true;
    const std::string wanted = req.get_header_value("If-Match");
    if (wanted == "*" ? !etag.empty() : wanted == etag) return true;
    send_problem(res, 412, ApiProblem::catalog_changed, "Catalog changed",
                 "If-Match names " + printable(wanted) + " but the current catalog is " +
                     (etag.empty() ? std::string("missing") : etag) + "; reload it and try again.");
    return false;
}

// Validates, stores and publishes `document`; the new catalog, or nullptr after answering 409/422.
std::shared_ptr<const PublishedCatalog> store_and_publish(ServerContext& ctx, const nlohmann::json& document,
                                                          const std::string& expected_etag, httplib::Response& res) {
    CatalogLoad load = load_catalog(document);
    if (!load.problems.empty() || !load.catalog) {
        send_problem(res, 422, ApiProblem::catalog_invalid, "Catalog invalid",
                     "The catalog would not be valid (" + std::to_string(load.problems.size()) +
                         (load.problems.size() == 1 ? " problem: " : " problems, first: ") +
                         (load.problems.empty() ? std::string("unknown") : load.problems.front().path + ": " +
                                                                               load.problems.front().message) +
                         "); nothing was changed.");
        add_problem_member(res, "problems", problems_to_json(load.problems));
        return nullptr;
    }
    std::string json = catalog_to_json(*load.catalog).dump();
    std::string etag = strong_etag(json);
    std::vector<InstanceId> instances;
    for (const Instance& instance : load.catalog->instances) instances.push_back(instance.id);
    CatalogReplacement replacement =
        ctx.store.replace_catalog({json, etag}, expected_etag, format_instant(ctx.clock.now()), instances);
    if (replacement.outcome == CatalogReplacement::Outcome::stale) {
        send_problem(res, 409, ApiProblem::catalog_changed, "Catalog changed",
                     "The stored catalog changed while this change was made; reload it and try again.");
        return nullptr;
    }
    if (replacement.outcome == CatalogReplacement::Outcome::instances_in_use) {
        nlohmann::json ids = nlohmann::json::array();
        for (const InstanceId& id : replacement.instances_in_use) ids.push_back(id.value);
        send_problem(res, 409, ApiProblem::instance_in_use, "Instance in use",
                     "Instance \"" + replacement.instances_in_use.front().value +
                         "\" has held, sold or blocked seats and cannot be removed; nothing was changed.");
        add_problem_member(res, "instances", std::move(ids));
        return nullptr;
    }
    auto published = std::make_shared<const PublishedCatalog>(
        PublishedCatalog{std::move(*load.catalog), std::move(json), std::move(etag)});
    ctx.catalog.publish(published);
    return published;
}

// Checks {section} and {id} of an item path; false after answering 404 or 400.
bool item_path_valid(const std::string& section, const std::string& id, httplib::Response& res) {
    if (!is_item_section(section)) {
        send_problem(res, 404, ApiProblem::unknown_section, "Unknown catalog section",
                     "\"" + printable(section) +
                         "\" is not a catalog section with items; use price_bands, ticket_types, venues, seasons, "
                         "price_lists, events, instances, fixed_series, flex_passes, memberships, lock_types, "
                         "priority_windows, offers or fees.");
        return false;
    }
    if (!is_valid_id(id)) {
        send_problem(res, 400, ApiProblem::invalid_item_id, "Invalid item id",
                     "An id is 1 to 100 characters long and uses only letters, digits, '-', '_' and '.'.");
        return false;
    }
    return true;
}

// The current catalog as a JSON document to edit, or nullopt after answering 503 or 412.
std::optional<nlohmann::json> editable_catalog(const std::shared_ptr<const PublishedCatalog>& current,
                                               const httplib::Request& req, httplib::Response& res) {
    if (!current) {
        send_problem(res, 503, ApiProblem::catalog_missing, "No catalog loaded",
                     "There is no catalog to change yet; PUT a whole one to /api/admin/catalog first.");
        return std::nullopt;
    }
    if (!if_match_holds(req, current->etag, res)) return std::nullopt;
    return nlohmann::json::parse(current->json);
}

}  // namespace

void put_catalog(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    auto document = read_json_object(req, res);
    if (!document) return;
    std::lock_guard lock(catalog_change_mutex);
    const std::string expected = base_etag(ctx.catalog.current());
    if (!if_match_holds(req, expected, res)) return;
    auto published = store_and_publish(ctx, *document, expected, res);
    if (!published) return;
    res.set_header("ETag", published->etag);
    send_json(res, 200, {{"etag", published->etag}, {"instances", published->catalog.instances.size()}});
}

void put_catalog_item(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    const std::string section = req.matches[1];
    const std::string id = req.matches[2];
    if (!item_path_valid(section, id, res)) return;
    auto item = read_json_object(req, res);
    if (!item) return;
    if (!item->contains("id") || (*item)["id"] != id) {
        send_invalid_field(res, "id", "The item's \"id\" must be \"" + id + "\", the id in the path.");
        return;
    }
    std::lock_guard lock(catalog_change_mutex);
    auto current = ctx.catalog.current();
    auto document = editable_catalog(current, req, res);
    if (!document) return;
    const bool created = upsert_item(*document, section, std::move(*item));
    auto published = store_and_publish(ctx, *document, current->etag, res);
    if (!published) return;
    res.set_header("ETag", published->etag);
    send_json(res, created ? 201 : 200,
              {{"etag", published->etag}, {"item", find_item(nlohmann::json::parse(published->json), section, id)}});
}

void delete_catalog_item(ServerContext& ctx, const Account&, const httplib::Request& req, httplib::Response& res) {
    const std::string section = req.matches[1];
    const std::string id = req.matches[2];
    if (!item_path_valid(section, id, res)) return;
    std::lock_guard lock(catalog_change_mutex);
    auto current = ctx.catalog.current();
    auto document = editable_catalog(current, req, res);
    if (!document) return;
    if (!remove_item(*document, section, id)) {
        send_problem(res, 404, ApiProblem::item_not_found, "Item not found",
                     "There is no item \"" + id + "\" in " + section + ".");
        return;
    }
    auto published = store_and_publish(ctx, *document, current->etag, res);
    if (!published) return;
    res.set_header("ETag", published->etag);
    res.status = 204;
}

}  // namespace encore::server
