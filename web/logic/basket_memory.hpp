// The basket outlives a reload: its hold token and picks are kept in the page's storage ("encore.basket") on
// every change; a new page reads the hold back (GET /api/holds/{token}), takes the seats still held and extends
// the hold. When the page is closed it tells the server (POST /api/holds/{token}/abandon, sent by the browser
// bridge on pagehide), so the seats go back on sale within the server's grace time instead of 15 minutes,
// unless the page comes back and extends the hold.
#pragma once
#include <optional>
#include <string>

#include "logic/http_client.hpp"
#include "logic/services.hpp"

namespace web {

struct AppState;

struct BasketMemory {
    enum class Phase { waiting, restoring, done } phase = Phase::waiting;
    std::string saved;            // what storage holds now ("" for nothing) ...
    std::string kept;             // ... and the basket it was written for, so it is rewritten only on change
    bool reclaim = false;         // the page came back after being hidden: extend the hold at once
};

inline constexpr const char* basket_storage_key = "encore.basket";
// A stored basket older than this is dropped without a word (its hold cannot still exist).
inline constexpr double basket_memory_max_age_ms = 2 * 60 * 60 * 1000.0;

// Once per frame, after the session and the catalog: restores the stored basket once the catalog is ready,
// then keeps storage in step with the basket. `wall_ms` is Date.now().
void pump_basket_memory(AppState& app, Services& services, double wall_ms);
// What storage keeps for the basket: {"hold","saved_at","picks":[{"instance","seat","ticket_type"}]}; "" when
// the basket is empty and nothing is held.
std::string remembered_basket(const AppState& app, double wall_ms);
// The request the page must send as it is closed (keepalive): abandon the basket's hold; nullopt with no hold.
std::optional<HttpRequest> page_closing_request(const AppState& app);
// The page was shown again from the back/forward cache after a pagehide: extend the hold now.
void page_shown_again(AppState& app);

}  // namespace web
