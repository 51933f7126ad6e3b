// Edits of one item in a catalog JSON document (no validation: the core's loader judges the result).
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace encore::server {

// True for the sections whose items have an "id": price_bands, ticket_types, venues, seasons, ...
bool is_item_section(std::string_view section);
// Replaces the item of `section` with the same "id", or appends it; true if it was new.
bool upsert_item(nlohmann::json& document, const std::string& section, nlohmann::json item);
// Removes the item with this id from `section`; false if there was none.
bool remove_item(nlohmann::json& document, const std::string& section, const std::string& id);
// The item with this id in `section`, or null.
nlohmann::json find_item(const nlohmann::json& document, const std::string& section, const std::string& id);

}  // namespace encore::server
