// JSON for the catalog's product sections: fixed series, passes, memberships, lock types, seat locks,
// priority windows, offers and fees (all optional). Internal to the catalog loader.
#pragma once
#include "encore/catalog.hpp"
#include "json_reader.hpp"

namespace encore::detail {

// Reads the product sections of `doc` into `catalog`, whose basic sections are already read.
void load_products(const json& doc, Catalog& catalog, JsonReader& reader);
// Writes the product sections into `out`.
void products_to_json(const Catalog& catalog, json& out);

}  // namespace encore::detail
