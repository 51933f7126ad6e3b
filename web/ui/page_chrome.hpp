// The page's fixed chrome: the top bar (brand, season, account button), the chosen performance's header above
// the map (title, time, availability or when sale opens), and the catalog's loading / failure card.
#pragma once
#include "logic/app_state.hpp"
#include "logic/layout.hpp"
#include "logic/services.hpp"

namespace web {

void draw_top_bar(AppState& app, Services& services, const Rect& area);
void draw_map_header(AppState& app, const Rect& area, LayoutKind kind);
// Shown over the map while the catalog loads or when it failed.
void draw_catalog_status(AppState& app, const Rect& area);

}  // namespace web
