// The season lines in the basket: series seats (with the pricing-set column in force and the saving on single
// tickets) and passes and memberships being bought; "Use a pass" (only when the customer has a pass the basket
// can use); and on the order's confirmation the codes of the passes it issued.
#pragma once
#include <string>

#include "encore/pricing.hpp"
#include "logic/app_state.hpp"

namespace web {

// Cards after the ticket cards, in basket line order.
void season_basket_cards(AppState& app, const encore::PricedBasket& priced);
// Drawn under the basket's list, or `compact` in the narrower column beside it.
void use_a_pass_section(AppState& app, bool compact);
// The height use_a_pass_section takes (0 when it is not shown), for laying out the basket.
float use_a_pass_height(const AppState& app);
// "with Flex 4 Pass" for a ticket pick paid with a pass, else "".
std::string pick_pass_note(const AppState& app, const Pick& pick);
void issued_passes(const AppState& app);

}  // namespace web
