// JSON for pricing: reading a basket, a customer and offer usage (every problem with its path), and
// writing a priced basket. The browser and the server exchange exactly these shapes.
#pragma once
#include <optional>

#include <nlohmann/json_fwd.hpp>

#include "encore/basket.hpp"
#include "encore/offer_limits.hpp"
#include "encore/pricing.hpp"
#include "encore/problems.hpp"

namespace encore {

// Reads {"channel": "web", "lines": [...]}; nullopt with problems if malformed. References (instances,
// seats, products) are checked by price_basket, which reports them per line.
std::optional<Basket> basket_from_json(const nlohmann::json& doc, Problems& problems);
nlohmann::json basket_to_json(const Basket& basket);
// Reads {"tags": [...], "memberships": [...], "passes": [...], "subscriptions": [...], "offer_uses": {...}}.
std::optional<Customer> customer_from_json(const nlohmann::json& doc, Problems& problems);
nlohmann::json customer_to_json(const Customer& customer);
// Reads {"offer-id": tickets used, ...}.
std::optional<OfferUsage> offer_usage_from_json(const nlohmann::json& doc, Problems& problems);
nlohmann::json offer_usage_to_json(const OfferUsage& usage);
// Reads {"offer-id": tickets left, ...}, what the server publishes for offers with a total limit.
std::optional<OfferRemaining> offer_remaining_from_json(const nlohmann::json& doc, Problems& problems);
nlohmann::json offer_remaining_to_json(const OfferRemaining& remaining);
// {"status": "priced", "lines": [...], "totals": {...}} or {"status": "invalid", "problems": [...]}.
nlohmann::json priced_basket_to_json(const PricedBasket& priced);

}  // namespace encore
