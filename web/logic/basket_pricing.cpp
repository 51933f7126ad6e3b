// Builds the core Basket from the picks and the season lines and prices it with encore::price_basket (no pricing
// rule lives here).
#include "logic/basket_pricing.hpp"

#include "logic/season_basket.hpp"

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
        line.redeem = pass_redemption_for(app, p);
        basket.lines.push_back(std::move(line));
    }
    append_season_lines(app, basket);
    return basket;
}

const encore::PricedBasket& priced_basket(const AppState& app) {
    PricedBasketCache& cache = app.priced;
    const encore::Catalog* catalog = app.catalog ? &*app.catalog : nullptr;
    std::int64_t minute = app.now.unix_seconds / 60;
    if (cache.picks_revision == app.picks_revision && cache.customer_revision == app.account.customer_revision &&
        cache.minute == minute && cache.catalog == catalog)
        return cache.basket;
    cache.picks_revision = app.picks_revision, cache.customer_revision = app.account.customer_revision;
    cache.minute = minute, cache.catalog = catalog;
    if (!catalog || basket_empty(app)) {  // nothing to price: an empty basket costs nothing
        cache.basket = encore::PricedBasket{};
        cache.basket.valid = true;
        if (catalog) cache.basket.currency = catalog->currency;
        return cache.basket;
    }
    cache.basket = encore::price_basket(*catalog, current_basket(app), app.account.customer, app.now, app.season.offers.usage);
    return cache.basket;
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
