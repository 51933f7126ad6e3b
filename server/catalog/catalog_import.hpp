// Start-up catalog: the one stored in the database, or a first import of --catalog (validated by the core).
#pragma once
#include <memory>
#include <stdexcept>
#include <string>

#include "catalog/catalog_state.hpp"
#include "store/store.hpp"

namespace encore::server {

// The catalog cannot be used; the message may span several lines (one per problem).
struct CatalogError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CatalogSource {
    std::string file;         // --catalog, empty if none
    bool demo_sales = false;  // --demo-sales
};

// The catalog to serve, or nullptr if the database has none and no file was given. A file is
// imported only into a database without a catalog. Throws CatalogError.
std::shared_ptr<const PublishedCatalog> startup_catalog(Store& store, const CatalogSource& source);

// Publishes the stored catalog if it differs from the one `state` serves (another server on the same
// database changed it); true if it did. Throws CatalogError if the stored one is not valid.
bool refresh_catalog(Store& store, CatalogState& state);

}  // namespace encore::server
