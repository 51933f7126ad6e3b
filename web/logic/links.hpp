// Every performance, series and order has a link of its own in the address bar (#/performance/<id>,
// #/series/<id>, #/order/<reference>), and so do the Season and Your account views (#/season, #/account):
// choosing one changes the address (a history entry, so back and forward work), and an address opened fresh or
// reached with back/forward shows that item (a series in the Season view, on its composite map). The browser
// bridge (web/browser/page_links) hands addresses in and applies the history changes asked for here.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "logic/services.hpp"

namespace web {

struct AppState;

enum class LinkKind { home, performance, series, season, account, order };

struct Link {
    LinkKind kind = LinkKind::home;
    std::string id;  // instance id, series id or order reference; "" for the season and account views
    bool operator==(const Link&) const = default;
};

// "#/performance/macbeth-1" -> {performance, "macbeth-1"} (percent-decoded), "#/season" -> {season}; anything else
// -> home.
Link parse_link(std::string_view hash);
// {performance, "macbeth-1"} -> "#/performance/macbeth-1" (percent-encoded), {account} -> "#/account"; home -> "".
std::string link_hash(const Link& link);

struct LinkState {
    std::optional<std::string> arrived;  // an address from the page (at start, back/forward) not applied yet
    Link in_address;                     // what the address bar shows
    bool opened_from_address = false;    // the page was opened on a link (not the default performance)
    bool address_written = false;        // the address was set at least once (later changes add history)
};

// The page's address at start, or after back/forward.
void address_arrived(AppState& app, std::string hash);
// Once per frame before the catalog pump: applies an arrived address once the catalog is ready.
void pump_links(AppState& app, Services& services);
// The customer chose a performance (list, picker): What's on shows it, instead of an order or the season view.
void show_performance(AppState& app, const std::string& instance_id);
// The link of what the page shows now: the open order, else the view's: What's on's performance, the Season view's
// series (or the view itself when it shows a pass, a membership or nothing), Your account.
Link current_link(const AppState& app);

struct HistoryChange {
    std::string hash;
    bool replace = false;  // true: change the current entry (the first address), false: add an entry
};
// What the address bar must change to, if anything; marks it done.
std::optional<HistoryChange> take_history_change(AppState& app);

}  // namespace web
