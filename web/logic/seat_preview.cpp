// Seat facts from the catalog, the map's seat states and the core (seat locks, describe_criterion, price_basket,
// a series' band price and free count).
#include "logic/seat_preview.hpp"

#include <algorithm>
#include <utility>

#include "encore/entitlements.hpp"
#include "encore/money.hpp"
#include "encore/pricing.hpp"
#include "logic/app_state.hpp"
#include "logic/basket_display.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/display_format.hpp"
#include "logic/map_source.hpp"
#include "logic/season_basket.hpp"
#include "logic/series_map.hpp"

namespace web {

namespace {

std::string cache_key(const AppState& app) {
    return app.instance.value + "|" + std::to_string(app.picks_revision) + "|" + std::to_string(app.account.customer_revision) +
           "|" + std::to_string(app.now.unix_seconds / 60) + "|" + std::to_string(reinterpret_cast<std::uintptr_t>(app.catalog ? &*app.catalog : nullptr));
}

// The core's explanation of the seat's price if it joined the basket (its fees included), or why it cannot.
std::string explanation_for(const AppState& app, std::uint32_t seat) {
    const SeatPreviewState& p = app.page.preview;
    const encore::Instance* inst = current_instance(app);
    const encore::Venue* venue = current_venue(app);
    if (!inst || !venue || seat >= venue->plan.seats.size()) return "";
    std::string key = cache_key(app) + "|" + std::to_string(seat);
    if (key == p.explanation_key) return p.explanation;
    p.explanation_key = key;
    encore::Basket basket = current_basket(app);
    std::size_t index = basket.lines.size();
    for (std::size_t i = 0; i < app.picks.size(); ++i)
        if (app.picks[i].instance == inst->id && app.picks[i].seat == seat) index = i;
    if (index == basket.lines.size()) {
        encore::BasketLine line;
        line.kind = encore::LineKind::ticket;
        line.instance = inst->id;
        line.seat = venue->plan.seats[seat].id;
        line.ticket_type = app.catalog->default_ticket_type(*inst, seat).value_or(app.ticket_type);
        basket.lines.push_back(std::move(line));
    }
    const encore::PricedBasket priced = encore::price_basket(*app.catalog, basket, app.account.customer, app.now, app.season.offers.usage);
    p.explanation.clear();
    if (priced.valid && index < priced.lines.size()) {
        p.explanation = line_explanation(priced.lines[index]);
    } else {
        for (const encore::LineProblem& problem : priced.problems)
            if (problem.line == static_cast<int>(index)) p.explanation = capitalised(problem.message) + ".";
    }
    return p.explanation;
}

// Name, band, price and marks of a seat of the map.
void describe_seat(const AppState& app, const encore::Venue& venue, std::uint32_t seat, bool series, SeatFacts& f) {
    const encore::Seat& s = venue.plan.seats[seat];
    f.name = venue.plan.seat_name(seat);
    int b = venue.id == app.venue && seat < app.seat_band.size() ? app.seat_band[seat] : -1;
    f.band = b >= 0 ? app.catalog->price_bands[static_cast<std::size_t>(b)].name : s.band.value;
    if (series) {
        std::optional<std::int64_t> per_show = series_band_price(app, b);
        f.price = per_show ? encore::format_money({*per_show, app.catalog->currency}) + " a show" : "Not sold in this series";
    } else if (const encore::Instance* inst = current_instance(app)) {
        const encore::TicketTypeId type_id = app.catalog->default_ticket_type(*inst, seat).value_or(app.ticket_type);
        const encore::TicketType* type = app.catalog->find_ticket_type(type_id);
        std::optional<encore::Money> price = app.catalog->seat_price(*inst, seat, type_id);
        f.price = price ? encore::format_money(*price) + (type ? " " + type->name : "") : "Not sold at this performance";
    }
    const std::pair<encore::SeatAttribute, const char*> attribute_words[] = {
        {encore::seat_wheelchair, "Wheelchair space"},
        {encore::seat_companion, "Companion seat (next to a wheelchair space)"},
        {encore::seat_restricted_view, "Restricted view"},
        {encore::seat_aisle, "Aisle seat"}};
    for (const auto& [attribute, words] : attribute_words)
        if (s.has(attribute)) f.marks.push_back(words);
}

}  // namespace

const encore::SeatLocks& performance_seat_locks(const AppState& app) {
    const SeatPreviewState& p = app.page.preview;
    const encore::Instance* inst = current_instance(app);
    if (!inst) {
        p.locks = {};
        p.locks_key.clear();
        return p.locks;
    }
    std::string key = cache_key(app);
    if (key == p.locks_key) return p.locks;
    p.locks_key = std::move(key);
    p.locks.types = encore::seat_lock_types(*app.catalog, *inst, app.now);
    p.locks.kept = encore::locked_seats(*app.catalog, *inst, customer_entitlements(app));
    return p.locks;
}

std::string lock_words(const AppState& app, const encore::LockType& type) {
    return type.name + ": for " + encore::describe_criterion(type.who, *app.catalog);
}

SeatFacts seat_facts(const AppState& app, std::uint32_t seat, bool touch) {
    SeatFacts f;
    const encore::Venue* venue = map_venue(app);
    const bool series = series_map_shown(app);
    const encore::Instance* inst = series ? nullptr : current_instance(app);
    if (!venue || (!series && !inst) || seat >= venue->plan.seats.size()) return f;
    describe_seat(app, *venue, seat, series, f);
    const encore::LockType* lock = map_seat_lock(app, seat);
    if (lock) {
        f.lock = lock_words(app, *lock);
        f.kept_from_customer = map_seat_kept(app, seat);
    }
    f.selected = map_is_selected(app, seat);
    std::optional<encore::SeatState> state = map_seat_state(app, seat);
    if (series && state) f.free_at = capitalised(series_free_text(app, seat));
    const encore::FixedSeries* chosen = series ? chosen_series(app) : nullptr;
    const char* verb = touch ? "Tap again" : "Click";
    if (f.selected) {
        f.state = "In your basket";
        f.action = std::string(verb) + " to remove it.";
    } else if (!state) {
        f.state = "Loading availability…";
    } else if (!encore::is_available(*state)) {
        f.state = std::string(seat_state_words(*state)) + (series ? " at one of the performances" : "");
    } else if (inst && !on_sale_web(app, *inst)) {
        f.state = "Available";
        f.action = not_on_sale_text(app, *inst);
    } else if (f.kept_from_customer) {
        f.state = "Available";
        f.action = "Kept for " + encore::describe_criterion(lock->who, *app.catalog) + ": you cannot book it.";
    } else if (chosen && chosen->choose_band_first && app.season.choice.band.empty()) {
        f.state = "Free at every performance";
        f.action = "Choose a price band first.";
    } else if (f.price.starts_with("Not sold")) {
        f.state = f.price;
    } else {
        f.state = series ? "Free at every performance" : "Available";
        f.can_add = map_can_select(app, seat);
        f.action = f.can_add ? std::string(verb) + (touch ? " to add it to your basket." : " to select it.") : "";
    }
    if (!series && (f.selected || f.can_add)) f.explanation = explanation_for(app, seat);  // a kept seat's action says why
    return f;
}

SeatTap tap_seat(AppState& app, std::uint32_t seat, bool touch) {
    SeatPreviewState& p = app.page.preview;
    if (touch && previewed_seat(app) != seat) {
        p.seat = seat;
        p.map = map_key(app);
        return SeatTap::previewed;
    }
    if (map_is_selected(app, seat)) {
        map_toggle(app, seat);
        clear_seat_preview(app);
        return SeatTap::removed;
    }
    if (const encore::LockType* lock = map_seat_lock(app, seat); lock && map_seat_kept(app, seat)) {
        const encore::Venue* venue = map_venue(app);
        app.notice = (venue ? venue->plan.seat_name(seat) : std::string("This seat")) + " is kept for " +
                     encore::describe_criterion(lock->who, *app.catalog) + " (" + lock->name + ").";
        return SeatTap::refused;
    }
    if (map_toggle(app, seat)) {
        clear_seat_preview(app);
        return SeatTap::added;
    }
    return SeatTap::refused;
}

void clear_seat_preview(AppState& app) {
    app.page.preview.seat.reset();
    app.page.preview.map.clear();
}

std::optional<std::uint32_t> previewed_seat(const AppState& app) {
    const SeatPreviewState& p = app.page.preview;
    if (!p.seat || p.map.empty() || p.map != map_key(app)) return std::nullopt;
    return p.seat;
}

}  // namespace web
