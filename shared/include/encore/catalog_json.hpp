// The catalog's JSON form (wire format version 1): loading with full validation, and writing back.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "encore/catalog.hpp"
#include "encore/problems.hpp"

namespace encore {

inline constexpr int catalog_format_version = 1;

struct CatalogLoad {
    std::optional<Catalog> catalog;  // set only when problems is empty
    Problems problems;               // every problem found, each with its JSON path
};

// Parses and validates catalog JSON text. Never throws; malformed input yields problems.
CatalogLoad load_catalog(std::string_view json_text);
inline CatalogLoad load_catalog(const std::string& json_text) { return load_catalog(std::string_view(json_text)); }
inline CatalogLoad load_catalog(const char* json_text) { return load_catalog(std::string_view(json_text)); }
// Validates an already-parsed JSON document.
CatalogLoad load_catalog(const nlohmann::json& doc);
// The catalog as JSON, in the same shape load_catalog reads.
nlohmann::json catalog_to_json(const Catalog& catalog);

}  // namespace encore
