// Parsing and writing #/kind/id addresses, applying them, and following what the page shows.
#include "logic/links.hpp"

#include "logic/app_state.hpp"
#include "logic/order_view.hpp"
#include "logic/series_map.hpp"
#include "logic/uri.hpp"

namespace web {

namespace {

struct Prefix {
    LinkKind kind;
    std::string_view text;
};
constexpr Prefix prefixes[] = {{LinkKind::performance, "#/performance/"}, {LinkKind::series, "#/series/"}, {LinkKind::order, "#/order/"}};
constexpr Prefix views[] = {{LinkKind::season, "#/season"}, {LinkKind::account, "#/account"}};  // no id

void show_view(AppState& app, MainView view) {
    close_order(app);
    app.season.view = view;
}

void apply(AppState& app, Services& services, const Link& link) {
    switch (link.kind) {
        case LinkKind::home: break;
        case LinkKind::performance:
            if (app.catalog->find_instance(encore::InstanceId{link.id})) {
                show_performance(app, link.id);
            } else {
                app.notice = "This link is to a performance that is not in the programme; here is what is on.";
            }
            break;
        case LinkKind::series:
            if (app.catalog->find_series(encore::ProductId{link.id})) {
                close_order(app);
                show_product(app, encore::ProductId{link.id});  // the Season view, on the series' composite map
            } else {
                app.notice = "This link is to a series that is not in the programme; here is what is on.";
            }
            break;
        case LinkKind::season: show_view(app, MainView::season); break;
        case LinkKind::account: show_view(app, MainView::account); break;
        case LinkKind::order: open_order(app, services, link.id); break;
    }
}

}  // namespace

Link parse_link(std::string_view hash) {
    for (const Prefix& v : views)
        if (hash == v.text || (hash.size() == v.text.size() + 1 && hash.starts_with(v.text) && hash.back() == '/')) return {v.kind, ""};
    for (const Prefix& p : prefixes)
        if (hash.starts_with(p.text) && hash.size() > p.text.size()) {
            std::string_view raw = hash.substr(p.text.size());
            while (!raw.empty() && raw.back() == '/') raw.remove_suffix(1);
            if (!raw.empty() && raw.find('/') == std::string_view::npos) return {p.kind, percent_decoded(raw)};
        }
    return {};
}

std::string link_hash(const Link& link) {
    for (const Prefix& v : views)
        if (v.kind == link.kind) return std::string(v.text);
    for (const Prefix& p : prefixes)
        if (p.kind == link.kind && !link.id.empty()) return std::string(p.text) + uri_component(link.id);
    return "";
}

void address_arrived(AppState& app, std::string hash) { app.page.links.arrived = std::move(hash); }

void pump_links(AppState& app, Services& services) {
    LinkState& links = app.page.links;
    if (!links.arrived || app.phase != Phase::ready) return;
    Link link = parse_link(*links.arrived);
    const bool first = !links.address_written;
    links.arrived.reset();
    if (first && link.kind != LinkKind::home) links.opened_from_address = true;
    apply(app, services, link);
    links.in_address = link;  // if it could not be shown, take_history_change puts what is shown instead
}

void show_performance(AppState& app, const std::string& instance_id) {
    close_order(app);
    app.season.view = MainView::events;
    choose_instance(app, instance_id);
}

Link current_link(const AppState& app) {
    const OrderViewState& order = app.page.order;
    if (order.phase != OrderViewState::Phase::closed && !order.reference.empty()) return {LinkKind::order, order.reference};
    switch (app.season.view) {
        case MainView::events: return app.instance.empty() ? Link{} : Link{LinkKind::performance, app.instance.value};
        case MainView::season:
            if (app.catalog && app.catalog->find_series(app.season.shown)) return {LinkKind::series, app.season.shown.value};
            return {LinkKind::season, ""};
        case MainView::account: return {LinkKind::account, ""};
    }
    return {};
}

std::optional<HistoryChange> take_history_change(AppState& app) {
    LinkState& links = app.page.links;
    if (links.arrived || app.phase != Phase::ready) return std::nullopt;  // an address is still to be applied
    Link now = current_link(app);
    if (now.kind == LinkKind::home) return std::nullopt;
    if (now == links.in_address) {  // the address already names it (e.g. the page was opened on it)
        links.address_written = true;
        return std::nullopt;
    }
    HistoryChange change{link_hash(now), !links.address_written};
    links.in_address = now;
    links.address_written = true;
    return change;
}

}  // namespace web
