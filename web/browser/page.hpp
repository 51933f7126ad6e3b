// The page's one web client: its state, and the browser's fetch(), localStorage and crypto as the services
// its logic uses (the page has one seat picker).
#pragma once
#include "logic/app_state.hpp"
#include "logic/services.hpp"

namespace web {

AppState& the_app();
Services& page_services();

}  // namespace web
