// Item edits on the catalog document: find by "id" within a section's array.
#include "catalog/catalog_edit.hpp"

#include <algorithm>
#include <array>

namespace encore::server {
namespace {

constexpr std::array<std::string_view, 14> item_sections{
    "price_bands", "ticket_types", "venues",      "seasons",   "price_lists",      "events", "instances",
    "fixed_series", "flex_passes", "memberships", "lock_types", "priority_windows", "offers", "fees"};

nlohmann::json::iterator find_in(nlohmann::json& items, const std::string& id) {
    return std::find_if(items.begin(), items.end(), [&](const nlohmann::json& item) {
        return item.is_object() && item.contains("id") && item["id"] == id;
    });
}

}  // namespace

bool is_item_section(std::string_view section) {
    return std::find(item_sections.begin(), item_sections.end(), section) != item_sections.end();
}

bool upsert_item(nlohmann::json& document, const std::string& section, nlohmann::json item) {
    nlohmann::json& items = document[section];
    if (!items.is_array()) items = nlohmann::json::array();
    const std::string id = item["id"].get<std::string>();
    auto existing = find_in(items, id);
    if (existing != items.end()) {
        *existing = std::move(item);
        return false;
    }
    items.push_back(std::move(item));
    return true;
}

bool remove_item(nlohmann::json& document, const std::string& section, const std::string& id) {
    auto items = document.find(section);
    if (items == document.end() || !items->is_array()) return false;
    auto existing = find_in(*items, id);
    if (existing == items->end()) return false;
    items->erase(existing);
    return true;
}

nlohmann::json find_item(const nlohmann::json& document, const std::string& section, const std::string& id) {
    auto items = document.find(section);
    if (items == document.end() || !items->is_array()) return nullptr;
    for (const auto& item : *items)
        if (item.is_object() && item.contains("id") && item["id"] == id) return item;
    return nullptr;
}

}  // namespace encore::server
