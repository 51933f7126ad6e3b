// The basket priced by the core exactly as the server will price the order: the picks become web ticket
// lines (with the pass each is paid with), then the series seats, passes and memberships being bought; the
// signed-in customer's passes and memberships count, offers limited in total count what the server says is
// left, and the result is cached until any of them (or the minute) changes.
#pragma once
#include <nlohmann/json.hpp>

#include "encore/pricing.hpp"
#include "logic/app_state.hpp"

namespace web {

// {"channel":"web","lines":[{"kind":"ticket","instance","seat","ticket_type","redeem"?}..., series..., products...]}.
encore::Basket current_basket(const AppState& app);
// price_basket(catalog, current_basket, customer, now); an empty, valid basket without a catalog or picks.
// Kept in app.priced until the picks, the customer, the catalog or the minute change.
const encore::PricedBasket& priced_basket(const AppState& app);
// {"total": minor, "lines": [minor per line]}: what the order's "expected" field promises.
nlohmann::json expected_totals(const encore::PricedBasket& priced);
// Ticket types the catalog prices for a pick's seat at its performance, catalog order.
std::vector<const encore::TicketType*> ticket_types_for(const AppState& app, const Pick& pick);

}  // namespace web
