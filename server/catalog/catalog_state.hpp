// The validated catalog kept in memory, with its served JSON and ETag, swapped whole under a mutex.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "encore/catalog.hpp"

namespace encore::server {

struct PublishedCatalog {
    Catalog catalog;
    std::string json;  // the normalised document served at /api/catalog
    std::string etag;  // quoted strong ETag of json
};

class CatalogState {
public:
    // The current catalog, or nullptr if none is loaded.
    std::shared_ptr<const PublishedCatalog> current() const;
    void publish(std::shared_ptr<const PublishedCatalog> catalog);

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const PublishedCatalog> current_;
};

// A strong ETag derived from the bytes: "\"<16 hex digits of FNV-1a 64>\"".
std::string strong_etag(std::string_view body);

}  // namespace encore::server
