// Season lines and pass uses in the basket; every judgement (entitlements, which passes, their prices) is the core's.
#include "logic/season_basket.hpp"

#include <algorithm>

#include "logic/basket_pricing.hpp"
#include "logic/display_format.hpp"

namespace web {

namespace {

void basket_changed(AppState& app) { ++app.picks_revision; }

std::size_t first_product_line(const AppState& app) { return app.picks.size() + app.season.series_picks.size(); }

// The ProductPick a basket line index points at, if it is a product line.
const ProductPick* product_at_line(const AppState& app, int line) {
    if (line < 0) return nullptr;
    std::size_t first = first_product_line(app);
    std::size_t index = static_cast<std::size_t>(line);
    return index >= first && index - first < app.season.products.size() ? &app.season.products[index - first] : nullptr;
}

PassUse use_of(const AppState& app, const Pick& pick, const encore::PassRedemption& pass) {
    PassUse use{pick.instance, pick.seat_id, pass.code, 0};
    if (const ProductPick* product = product_at_line(app, pass.basket_line)) use.code.clear(), use.product_key = product->key;
    return use;
}

bool same_seat(const PassUse& use, const Pick& pick) { return use.instance == pick.instance && use.seat == pick.seat_id; }

// Tries the pass on the ticket pick: kept only if the core prices that line with it.
bool try_pass_on(AppState& app, std::size_t pick_index, const encore::PassRedemption& pass, std::string& why) {
    const Pick pick = app.picks[pick_index];
    app.season.pass_uses.push_back(use_of(app, pick, pass));
    basket_changed(app);
    const encore::PricedBasket& priced = priced_basket(app);
    for (const encore::LineProblem& problem : priced.problems)
        if (problem.line == static_cast<int>(pick_index)) {
            if (why.empty()) why = problem.message;
            app.season.pass_uses.pop_back();
            basket_changed(app);
            return false;
        }
    return true;
}

int use_on_free_tickets(AppState& app, const encore::PassRedemption& pass, const std::vector<int>& lines) {
    int used = 0;
    std::string why;
    for (int line : lines) {
        if (line < 0 || static_cast<std::size_t>(line) >= app.picks.size()) continue;
        if (pass_redemption_for(app, app.picks[static_cast<std::size_t>(line)])) continue;
        used += try_pass_on(app, static_cast<std::size_t>(line), pass, why);
    }
    app.season.pass_message = used > 0 ? std::string() : why;
    return used;
}

}  // namespace

const encore::Entitlements& customer_entitlements(const AppState& app) {
    SeasonState::WhoCache& cache = app.season.who_cache;
    const encore::Catalog* catalog = app.catalog ? &*app.catalog : nullptr;
    if (!cache.who || cache.picks_revision != app.picks_revision || cache.customer_revision != app.account.customer_revision ||
        cache.now != app.now.unix_seconds || cache.catalog != catalog) {
        static const encore::Catalog empty;
        cache.who.emplace(catalog ? *catalog : empty, app.account.customer, catalog ? current_basket(app) : encore::Basket{},
                          app.now);
        cache.picks_revision = app.picks_revision, cache.customer_revision = app.account.customer_revision;
        cache.now = app.now.unix_seconds, cache.catalog = catalog;
    }
    return *cache.who;
}

void append_season_lines(const AppState& app, encore::Basket& basket) {
    for (const SeriesPick& s : app.season.series_picks) {
        encore::BasketLine line;
        line.kind = encore::LineKind::series;
        line.product = s.series;
        line.group = s.group;
        line.instances = s.instances;
        line.band = s.band;
        line.seat = s.seat_id;
        line.ticket_type = s.ticket_type;
        basket.lines.push_back(std::move(line));
    }
    for (const ProductPick& p : app.season.products) {
        encore::BasketLine line;
        line.kind = p.kind;
        line.product = p.product;
        basket.lines.push_back(std::move(line));
    }
}

std::optional<encore::PassRedemption> pass_redemption_for(const AppState& app, const Pick& pick) {
    for (const PassUse& use : app.season.pass_uses) {
        if (!same_seat(use, pick)) continue;
        if (!use.code.empty()) return encore::PassRedemption{use.code, -1};
        for (std::size_t i = 0; i < app.season.products.size(); ++i)
            if (app.season.products[i].key == use.product_key)
                return encore::PassRedemption{{}, static_cast<int>(first_product_line(app) + i)};
    }
    return std::nullopt;
}

bool basket_empty(const AppState& app) {
    return app.picks.empty() && app.season.series_picks.empty() && app.season.products.empty();
}

int basket_ticket_count(const AppState& app) {
    std::size_t n = app.picks.size();
    for (const SeriesPick& s : app.season.series_picks) n += s.instances.size();
    return static_cast<int>(n);
}

std::string basket_contents_words(const AppState& app) {
    std::vector<std::string> names;
    for (const ProductPick& p : app.season.products) {
        const encore::FlexPass* pass = app.catalog ? app.catalog->find_pass(p.product) : nullptr;
        const encore::Membership* membership = app.catalog ? app.catalog->find_membership(p.product) : nullptr;
        names.push_back(pass ? pass->name : membership ? membership->name : p.product.value);
    }
    return contents_words(basket_ticket_count(app), names);
}

bool basket_has_seats(const AppState& app) { return !app.picks.empty() || !app.season.series_picks.empty(); }

bool basket_seats_held(const AppState& app) {
    if (!app.hold.queue.empty() || app.hold.in_flight) return false;
    return std::all_of(app.picks.begin(), app.picks.end(), [](const Pick& p) { return p.held; }) &&
           std::all_of(app.season.series_picks.begin(), app.season.series_picks.end(), [](const SeriesPick& s) { return s.held; });
}

bool add_product(AppState& app, encore::LineKind kind, const encore::ProductId& product) {
    if (!app.catalog) return false;
    bool known = kind == encore::LineKind::pass         ? app.catalog->find_pass(product) != nullptr
                 : kind == encore::LineKind::membership ? app.catalog->find_membership(product) != nullptr
                                                        : false;
    if (!known) return false;
    app.season.products.push_back({kind, product, app.season.next_product_key++});
    basket_changed(app);
    return true;
}

void remove_product(AppState& app, std::size_t index) {
    if (index >= app.season.products.size()) return;
    int key = app.season.products[index].key;
    std::erase_if(app.season.pass_uses, [&](const PassUse& u) { return u.code.empty() && u.product_key == key; });
    app.season.products.erase(app.season.products.begin() + static_cast<std::ptrdiff_t>(index));
    basket_changed(app);
}

std::optional<std::size_t> product_in_basket(const AppState& app, const encore::ProductId& product) {
    for (std::size_t i = 0; i < app.season.products.size(); ++i)
        if (app.season.products[i].product == product) return i;
    return std::nullopt;
}

void remove_series_pick(AppState& app, std::size_t index) {
    if (index >= app.season.series_picks.size()) return;
    const SeriesPick& s = app.season.series_picks[index];
    HoldOp op{HoldOp::Kind::release, {}, s.seat_id, SeriesSeatOp{s.series, s.group, s.instances, s.band, s.ticket_type}};
    app.hold.queue.push_back(std::move(op));
    app.season.series_picks.erase(app.season.series_picks.begin() + static_cast<std::ptrdiff_t>(index));
    basket_changed(app);
}

void set_series_ticket_type(AppState& app, std::size_t index, const encore::TicketTypeId& type) {
    if (index >= app.season.series_picks.size()) return;
    app.season.series_picks[index].ticket_type = type;
    basket_changed(app);
}

std::vector<encore::UsablePass> usable_passes_now(const AppState& app) {
    if (!app.catalog) return {};
    return encore::usable_passes(*app.catalog, current_basket(app), app.account.customer, app.now);
}

std::vector<encore::UsablePass> passes_in_use_now(const AppState& app) {
    if (!app.catalog) return {};
    return encore::passes_in_use(*app.catalog, current_basket(app), app.account.customer, app.now);
}

int use_pass(AppState& app, const encore::PassRedemption& pass) {
    for (const encore::UsablePass& usable : usable_passes_now(app))
        if (usable.redeem.code == pass.code && usable.redeem.basket_line == pass.basket_line)
            return use_on_free_tickets(app, pass, usable.lines);
    app.season.pass_message = "That pass cannot pay for any ticket in your basket now.";
    return 0;
}

int use_pass_code(AppState& app, const std::string& typed) {
    std::string code;
    for (char c : typed)
        if (c != ' ') code += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (code.empty()) {
        app.season.pass_message = "Type the code printed on your pass.";
        return 0;
    }
    std::vector<int> free_lines;
    for (std::size_t i = 0; i < app.picks.size(); ++i)
        if (!pass_redemption_for(app, app.picks[i])) free_lines.push_back(static_cast<int>(i));
    if (free_lines.empty()) {
        app.season.pass_message = "Add the tickets you want to pay for with the pass first.";
        return 0;
    }
    return use_on_free_tickets(app, encore::PassRedemption{code, -1}, free_lines);
}

void stop_using_pass(AppState& app, std::size_t pick_index) {
    if (pick_index >= app.picks.size()) return;
    drop_pass_use(app, app.picks[pick_index]);
    basket_changed(app);
}

void drop_pass_use(AppState& app, const Pick& pick) {
    std::erase_if(app.season.pass_uses, [&](const PassUse& u) { return same_seat(u, pick); });
}

void clear_basket(AppState& app) {
    clear_selection(app);
    while (!app.season.series_picks.empty()) remove_series_pick(app, app.season.series_picks.size() - 1);
    app.season.products.clear();
    app.season.pass_uses.clear();
    app.season.pass_message.clear();
    basket_changed(app);
}

void forget_season_seats(AppState& app) {
    app.season.series_picks.clear();
    app.season.pass_uses.clear();
    basket_changed(app);
}

void season_order_placed(AppState& app, const nlohmann::json& order) {
    app.season.issued.clear();
    if (order.is_object() && order.contains("passes") && order["passes"].is_array())
        for (const nlohmann::json& p : order["passes"]) {
            if (!p.is_object() || !p.contains("code") || !p["code"].is_string()) continue;
            IssuedPass issued{p["code"].get<std::string>(), encore::ProductId{p.value("pass", "")}, {}};
            if (p.contains("expires_at") && p["expires_at"].is_string())
                if (auto t = encore::parse_instant(p["expires_at"].get<std::string>())) issued.expires_at = *t;
            app.season.issued.push_back(std::move(issued));
        }
    app.season.products.clear();
    app.season.pass_uses.clear();
    app.season.pass_message.clear();
    app.season.records.stale = true;
    app.season.offers.refresh_now = true;
    app.season.group.poll_now = true;
    basket_changed(app);
}

}  // namespace web
