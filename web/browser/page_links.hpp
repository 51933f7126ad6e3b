// The address bar and history for the logic's links (logic/links.hpp): the address at start and after
// back/forward goes in; the history entries the logic asks for (pushState / replaceState) come out.
#pragma once
#include "logic/app_state.hpp"

namespace web {

// Once at start: hands in the page's address and listens for back/forward.
void install_page_links(AppState& app);
// Once per frame before the logic's tick: an address reached with back/forward.
void take_page_address(AppState& app);
// After a drawn frame: writes the address of what the page now shows.
void write_page_address(AppState& app);

}  // namespace web
