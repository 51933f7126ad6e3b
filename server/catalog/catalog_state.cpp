// The in-memory catalog and the ETag rule.
#include "catalog/catalog_state.hpp"

#include <cstdint>
#include <cstdio>

namespace encore::server {

std::shared_ptr<const PublishedCatalog> CatalogState::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

void CatalogState::publish(std::shared_ptr<const PublishedCatalog> catalog) {
    std::lock_guard lock(mutex_);
    current_ = std::move(catalog);
}

std::string strong_etag(std::string_view body) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char byte : body) {
        hash ^= byte;
        hash *= 0x100000001b3ULL;
    }
    char text[20];
    std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace encore::server
