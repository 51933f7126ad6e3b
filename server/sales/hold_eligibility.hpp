// Whether the core allows a hold: the requested seats as basket lines after the rest of the customer's
// basket, priced by price_basket for the caller at `now`. The server adds no rule of its own.
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"
#include "sales/hold_request.hpp"

namespace encore::server {

// The core's problems as [{"line","code","message"}] (empty when the hold is allowed). "line" is the
// position in the request's "seats" (0 for a series hold); a problem of the request's own basket
// has "line": null and "basket_line"; one of the whole basket has "line": null.
nlohmann::json hold_refusal(const Catalog& catalog, const HoldRequest& request, const Customer& customer, Instant now);
// The seats a valid request keeps: its seats at its instance, or the series seat at each chosen
// instance of the group (every instance when none are named).
std::vector<SeatRef> seats_to_hold(const Catalog& catalog, const HoldRequest& request);

}  // namespace encore::server
