// Seat facts from the catalog, the seat states and the core (seat locks, describe_criterion, price_basket).
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

namespace web {

namespace {

std::string cache_key(const AppState& app) {
    return app.instance.value + "|" + std::to_string(app.picks_revision) + "|" + std::to_string(app.account.customer_revision) +
           "|" + std::to_string(app.now.unix_seconds / 60) + "|" + std::to_string(reinterpret_cast<std::uintptr_t>(app.catalog ? &*app.catalog : nullptr));
}

// Seat locks of the chosen performance for this customer (their holdings plus the basket), cached.
const SeatPreviewState& locks(const AppState& app) {
    const SeatPreviewState& p = app.page.preview;
    const encore::Instance* inst = current_instance(app);
    if (!inst) {
        p.lock_types.clear(), p.kept_from_customer.clear(), p.locks_key.clear();
        return p;
    }
    std::string key = cache_key(app);
    if (key == p.locks_key) return p;
    p.locks_key = std::move(key);
    p.lock_types = encore::seat_lock_types(*app.catalog, *inst, app.now);
    const encore::Basket basket = current_basket(app);
    const encore::Entitlements who(*app.catalog, app.account.customer, basket, app.now);
    p.kept_from_customer = encore::locked_seats(*app.catalog, *inst, who);
    return p;
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
    const encore::PricedBasket priced = encore::price_basket(*app.catalog, basket, app.account.customer, app.now);
    p.explanation.clear();
    if (priced.valid && index < priced.lines.size()) {
        p.explanation = line_explanation(priced.lines[index]);
    } else {
        for (const encore::LineProblem& problem : priced.problems)
            if (problem.line == static_cast<int>(index)) p.explanation = capitalised(problem.message) + ".";
    }
    return p.explanation;
}

}  // namespace

const encore::LockType* seat_lock(const AppState& app, std::uint32_t seat) {
    const SeatPreviewState& p = locks(app);
    return seat < p.lock_types.size() ? p.lock_types[seat] : nullptr;
}

bool seat_kept_from_customer(const AppState& app, std::uint32_t seat) {
    const SeatPreviewState& p = locks(app);
    return seat < p.kept_from_customer.size() && p.kept_from_customer[seat];
}

const std::vector<const encore::LockType*>& seat_locks_here(const AppState& app) { return locks(app).lock_types; }

const std::vector<bool>& seats_kept_here(const AppState& app) { return locks(app).kept_from_customer; }

std::string lock_words(const AppState& app, const encore::LockType& type) {
    return type.name + ": for " + encore::describe_criterion(type.who, *app.catalog);
}

std::vector<const encore::LockType*> lock_types_here(const AppState& app) {
    const SeatPreviewState& p = locks(app);
    std::vector<const encore::LockType*> out;
    for (const encore::LockType* t : p.lock_types)
        if (t && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    std::sort(out.begin(), out.end(), [](const encore::LockType* a, const encore::LockType* b) { return a < b; });  // catalog order
    return out;
}

SeatFacts seat_facts(const AppState& app, std::uint32_t seat, bool touch) {
    SeatFacts f;
    const encore::Venue* venue = current_venue(app);
    const encore::Instance* inst = current_instance(app);
    if (!venue || !inst || seat >= venue->plan.seats.size()) return f;
    const encore::Seat& s = venue->plan.seats[seat];
    f.name = venue->plan.seat_name(seat);
    int b = seat < app.seat_band.size() ? app.seat_band[seat] : -1;
    f.band = b >= 0 ? app.catalog->price_bands[static_cast<std::size_t>(b)].name : s.band.value;
    const encore::TicketTypeId type_id = app.catalog->default_ticket_type(*inst, seat).value_or(app.ticket_type);
    const encore::TicketType* type = app.catalog->find_ticket_type(type_id);
    std::optional<encore::Money> price = app.catalog->seat_price(*inst, seat, type_id);
    f.price = price ? encore::format_money(*price) + (type ? " " + type->name : "") : "Not sold at this performance";
    const std::pair<encore::SeatAttribute, const char*> attribute_words[] = {
        {encore::seat_wheelchair, "Wheelchair space"},
        {encore::seat_companion, "Companion seat (next to a wheelchair space)"},
        {encore::seat_restricted_view, "Restricted view"},
        {encore::seat_aisle, "Aisle seat"}};
    for (const auto& [attribute, words] : attribute_words)
        if (s.has(attribute)) f.marks.push_back(words);
    if (const encore::LockType* lock = seat_lock(app, seat)) {
        f.lock = lock_words(app, *lock);
        f.kept_from_customer = seat_kept_from_customer(app, seat);
    }
    f.selected = is_selected(app, seat);
    std::optional<encore::SeatState> state = seat_state(app, seat);
    const char* verb = touch ? "Tap again" : "Click";
    if (f.selected) {
        f.state = "In your basket";
        f.action = std::string(verb) + " to remove it.";
    } else if (!state) {
        f.state = "Loading availability…";
    } else if (!encore::is_available(*state)) {
        f.state = seat_state_words(*state);
    } else if (!on_sale_web(app, *inst)) {
        f.state = "Available";
        f.action = not_on_sale_text(app, *inst);
    } else if (f.kept_from_customer) {
        f.state = "Available";
        f.action = "Kept for " + encore::describe_criterion(seat_lock(app, seat)->who, *app.catalog) + ": you cannot book it.";
    } else if (!price) {
        f.state = "Not sold at this performance";
    } else {
        f.state = "Available";
        f.can_add = can_select(app, seat);
        f.action = f.can_add ? std::string(verb) + (touch ? " to add it to your basket." : " to select it.") : "";
    }
    if (f.selected || f.can_add) f.explanation = explanation_for(app, seat);  // a kept seat's action says why
    return f;
}

SeatTap tap_seat(AppState& app, std::uint32_t seat, bool touch) {
    SeatPreviewState& p = app.page.preview;
    if (touch && previewed_seat(app) != seat) {
        p.seat = seat;
        p.instance = app.instance;
        return SeatTap::previewed;
    }
    if (is_selected(app, seat)) {
        toggle_seat(app, seat);
        clear_seat_preview(app);
        return SeatTap::removed;
    }
    if (const encore::LockType* lock = seat_lock(app, seat); lock && seat_kept_from_customer(app, seat)) {
        const encore::Venue* venue = current_venue(app);
        app.notice = (venue ? venue->plan.seat_name(seat) : std::string("This seat")) + " is kept for " +
                     encore::describe_criterion(lock->who, *app.catalog) + " (" + lock->name + ").";
        return SeatTap::refused;
    }
    if (toggle_seat(app, seat)) {
        clear_seat_preview(app);
        return SeatTap::added;
    }
    return SeatTap::refused;
}

void clear_seat_preview(AppState& app) {
    app.page.preview.seat.reset();
    app.page.preview.instance = {};
}

std::optional<std::uint32_t> previewed_seat(const AppState& app) {
    const SeatPreviewState& p = app.page.preview;
    if (!p.seat || p.instance != app.instance || app.instance.empty()) return std::nullopt;
    return p.seat;
}

}  // namespace web
