// Reads, validates (encore::load_catalog) and stores the catalog at start-up.
#include "catalog/catalog_import.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalog/demo_seed.hpp"
#include "context/clock.hpp"
#include "encore/catalog_json.hpp"

namespace encore::server {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CatalogError("cannot read catalog " + path + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw CatalogError("cannot read catalog " + path + ": " + std::strerror(errno));
    return text.str();
}

Catalog validated(std::string_view json, const std::string& origin) {
    CatalogLoad load = load_catalog(json);
    if (load.problems.empty() && load.catalog) return std::move(*load.catalog);
    std::string message = origin + " is not a valid catalog (" + std::to_string(load.problems.size()) +
                          (load.problems.size() == 1 ? " problem):" : " problems):");
    for (const Problem& problem : load.problems)
        message += "\n  " + (problem.path.empty() ? std::string("(document)") : problem.path) + ": " +
                   problem.message + " [" + problem.code + "]";
    throw CatalogError(message);
}

std::shared_ptr<const PublishedCatalog> published(Catalog catalog, std::string json, std::string etag) {
    return std::make_shared<const PublishedCatalog>(PublishedCatalog{std::move(catalog), std::move(json),
                                                                     std::move(etag)});
}

std::shared_ptr<const PublishedCatalog> from_store(const StoredCatalog& stored) {
    return published(validated(stored.json, "the catalog stored in the database"), stored.json, stored.etag);
}

}  // namespace

std::shared_ptr<const PublishedCatalog> startup_catalog(Store& store, const CatalogSource& source) {
    if (auto stored = store.catalog()) {
        if (!source.file.empty())
            std::cerr << "encore-server: the database already has a catalog; --catalog " << source.file
                      << " is not imported\n";
        return from_store(*stored);
    }
    if (source.file.empty()) return nullptr;

    Catalog catalog = validated(read_file(source.file), "catalog " + source.file);
    std::string json = catalog_to_json(catalog).dump();
    StoredCatalog document{json, strong_etag(json)};
    std::vector<InstanceId> instances;
    for (const Instance& instance : catalog.instances) instances.push_back(instance.id);
    std::vector<SeatMark> marks = source.demo_sales ? demo_seat_marks(catalog, system_instant()) : std::vector<SeatMark>{};
    bool imported = false;
    try {
        imported = store.import_first_catalog(document, format_instant(system_instant()), instances, marks);
    } catch (const db::Error&) {
        if (!store.catalog()) throw;  // not another server importing at the same moment
    }
    if (!imported) return from_store(*store.catalog());  // another process imported first; serve what it stored
    std::cerr << "encore-server: imported catalog " << source.file << " (" << instances.size() << " instances"
              << (source.demo_sales ? ", " + std::to_string(marks.size()) + " demo seat states" : "") << ")\n";
    return published(std::move(catalog), std::move(json), std::move(document.etag));
}

bool refresh_catalog(Store& store, CatalogState& state) {
    const auto current = state.current();
    const auto etag = store.catalog_etag();
    if (!etag || (current && current->etag == *etag)) return false;
    auto stored = store.catalog();
    if (!stored) return false;
    state.publish(from_store(*stored));
    return true;
}

}  // namespace encore::server
