// The per-frame step of the web client's logic.
#include "logic/tick.hpp"

#include <cmath>

#include "logic/account_client.hpp"
#include "logic/basket_memory.hpp"
#include "logic/catalog_client.hpp"
#include "logic/hold_client.hpp"
#include "logic/links.hpp"
#include "logic/map_announcements.hpp"
#include "logic/notices.hpp"
#include "logic/order_view.hpp"
#include "logic/season_client.hpp"

namespace web {

void tick(AppState& app, Services& services, BrowserTime time) {
    app.now = encore::Instant{static_cast<std::int64_t>(std::floor(time.wall_ms / 1000.0)) + server_clock_offset(app)};
    app.clock_ms = time.monotonic_ms;
    restore_session(app, services);
    pump_links(app, services);  // an address opened fresh chooses its performance before the default's seats load
    pump_catalog(app, services.http, time.monotonic_ms);
    pump_basket_memory(app, services, time.wall_ms);
    pump_holds(app, services.http, time.monotonic_ms);
    pump_season(app, services.http, time.monotonic_ms);
    pump_order_view(app, services);
    pump_notice(app, time.monotonic_ms);
    announce_basket_changes(app);  // the live region hears every seat added or removed
}

}  // namespace web
