// Builds the core Basket from the picks and prices it with encore::price_basket (no pricing rule lives here).
#include "basket_pricing.hpp"



namespace web {

encore::Basket current_basket(const AppState& app) {
    encore::Basket basket;
    basket.channel = encore::Channel::web;
    for (const Pick& p : app.picks) {
        encore::BasketLine line;
        line.kind = encore::LineKind::ticket;
        line.instance = p.instance;
        line.seat = p.seat_id;
        line.ticket_type = p.ticket_type;
        basket.lines.push_back(std::move(line));
    }
    return basket;
}

const encore::PricedBasket& priced_basket(const AppState& app) {
    static encore::PricedBasket cached;
    static int cached_picks = -1, cached_customer = -1;
    static std::int64_t cached_minute = -1;
    static const encore::Catalog* cached_catalog = nullptr;
    const encore::Catalog* catalog = app.catalog ? &*app.catalog : nullptr;
    std::int64_t minute = app.now.unix_seconds / 60;
    if (cached_picks == app.picks_revision && cached_customer == app.account.customer_revision &&
        cached_minute == minute && cached_catalog == catalog)
        return cached;
    cached_picks = app.picks_revision, cached_customer = app.account.customer_revision;
    cached_minute = minute, cached_catalog = catalog;
    if (!catalog || app.picks.empty()) {  // nothing to price: an empty basket costs nothing
        cached = encore::PricedBasket{};
        cached.valid = true;
        if (catalog) cached.currency = catalog->currency;
        return cached;
    }
    cached = encore::price_basket(*catalog, current_basket(app), app.account.customer, app.now);
    return cached;
}

nlohmann::json expected_totals(const encore::PricedBasket& priced) {
    nlohmann::json lines = nlohmann::json::array();
    for (const encore::PricedLine& line : priced.lines) lines.push_back(line.total);
    return {{"total", priced.total}, {"lines", lines}};
}

std::vector<const encore::TicketType*> ticket_types_for(const AppState& app, const Pick& pick) {
    std::vector<const encore::TicketType*> types;
    if (!app.catalog) return types;
    const encore::Instance* inst = app.catalog->find_instance(pick.instance);
    if (!inst) return types;
    for (const encore::TicketType& t : app.catalog->ticket_types)
        if (app.catalog->seat_price(*inst, pick.seat, t.id)) types.push_back(&t);
    return types;
}

}  // namespace web
