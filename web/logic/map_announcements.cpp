// Seats and basket changes in words, from the catalog, the map's states (map_source) and the basket's picks.
#include "logic/map_announcements.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "encore/entitlements.hpp"
#include "encore/venue_time.hpp"
#include "logic/app_state.hpp"
#include "logic/display_format.hpp"
#include "logic/map_source.hpp"
#include "logic/series_map.hpp"

namespace web {

namespace {

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string name_on(const encore::SeatingPlan& plan, std::uint32_t seat) {
    const encore::Seat& s = plan.seats[seat];
    std::string words = s.section < plan.sections.size() ? plan.sections[s.section].name : std::string();
    if (!s.row.empty()) words += (words.empty() ? "row " : ", row ") + s.row;
    words += (words.empty() ? "seat " : ", seat ") + s.number;
    return words;
}

std::string band_name(const encore::Catalog& catalog, const encore::Seat& s) {
    const encore::PriceBand* band = catalog.find_band(s.band);
    return band ? band->name : s.band.value;
}

// A pick in words with its price: "Stalls, row G, seat 9, Band B, £45".
std::string pick_words(const AppState& app, const encore::InstanceId& instance_id, const std::string& seat_id) {
    if (!app.catalog) return seat_id;
    const encore::Instance* inst = app.catalog->find_instance(instance_id);
    const encore::Venue* venue = inst ? app.catalog->find_venue(inst->venue) : nullptr;
    std::optional<std::uint32_t> seat = venue ? venue->plan.seat_index(encore::SeatId{seat_id}) : std::nullopt;
    if (!seat) return seat_id;
    std::string words = name_on(venue->plan, *seat) + ", " + band_name(*app.catalog, venue->plan.seats[*seat]);
    std::optional<encore::TicketTypeId> type = app.catalog->default_ticket_type(*inst, *seat);  // a seat just removed
    for (const Pick& p : app.picks)
        if (p.instance == instance_id && p.seat_id.value == seat_id) type = p.ticket_type;
    if (type)
        if (std::optional<encore::Money> price = app.catalog->seat_price(*inst, *seat, *type)) words += ", " + spoken_money(*price);
    if (inst->id != app.instance || series_map_shown(app)) words += ", " + performance_day(*inst) + " " + performance_clock(*inst);
    return words;
}

std::string key_of(const Pick& p) { return p.instance.value + "|" + p.seat_id.value; }

}  // namespace

std::string spoken_money(const encore::Money& amount) {
    std::string text = encore::format_money(amount);
    if (amount.minor % 100 == 0 && text.size() > 3 && text.compare(text.size() - 3, 3, ".00") == 0) text.resize(text.size() - 3);
    return text;
}

std::string spoken_seat_name(const AppState& app, std::uint32_t seat) {
    const encore::Venue* venue = map_venue(app);
    if (!venue || seat >= venue->plan.seats.size()) return "";
    return name_on(venue->plan, seat);
}

std::string spoken_seat_state(const AppState& app, std::uint32_t seat) {
    if (map_is_selected(app, seat)) return "in your basket";
    std::optional<encore::SeatState> state = map_seat_state(app, seat);
    if (!state) return "availability loading";
    if (!encore::is_available(*state)) return lower_first(seat_state_words(*state));
    if (const encore::LockType* lock = map_seat_lock(app, seat); lock && map_seat_kept(app, seat))
        return "kept for " + encore::describe_criterion(lock->who, *app.catalog);
    if (!series_map_shown(app))
        if (const encore::Instance* inst = current_instance(app); inst && !on_sale_web(app, *inst)) return "not on sale now";
    return map_can_select(app, seat) ? "available" : "available, not at this price";
}

std::string spoken_seat_price(const AppState& app, std::uint32_t seat) {
    const encore::Venue* venue = map_venue(app);
    if (!app.catalog || !venue || seat >= venue->plan.seats.size()) return "";
    const encore::Seat& s = venue->plan.seats[seat];
    std::string words = band_name(*app.catalog, s);
    if (series_map_shown(app)) {
        int b = venue->id == app.venue && seat < app.seat_band.size() ? app.seat_band[seat] : -1;
        if (std::optional<std::int64_t> per_show = series_band_price(app, b))
            words += ", " + spoken_money({*per_show, app.catalog->currency}) + " a show";
    } else if (const encore::Instance* inst = current_instance(app)) {
        encore::TicketTypeId type = app.catalog->default_ticket_type(*inst, seat).value_or(app.ticket_type);
        if (std::optional<encore::Money> price = app.catalog->seat_price(*inst, seat, type)) words += ", " + spoken_money(*price);
    }
    return words;
}

std::string spoken_seat_marks(const AppState& app, std::uint32_t seat) {
    const encore::Venue* venue = map_venue(app);
    if (!venue || seat >= venue->plan.seats.size()) return "";
    const std::pair<encore::SeatAttribute, const char*> marks[] = {{encore::seat_wheelchair, "wheelchair space"},
                                                                   {encore::seat_companion, "companion seat"},
                                                                   {encore::seat_restricted_view, "restricted view"},
                                                                   {encore::seat_aisle, "aisle seat"}};
    std::string words;
    for (const auto& [attribute, text] : marks)
        if (venue->plan.seats[seat].has(attribute)) words += (words.empty() ? "" : ", ") + std::string(text);
    return words;
}

std::string spoken_seat(const AppState& app, std::uint32_t seat) {
    std::string words = spoken_seat_name(app, seat);
    if (words.empty()) return words;
    if (std::string price = spoken_seat_price(app, seat); !price.empty()) words += ", " + price;
    words += ", " + spoken_seat_state(app, seat);
    if (std::string marks = spoken_seat_marks(app, seat); !marks.empty()) words += "; " + marks;
    return words;
}

std::string hold_end_clock(const AppState& app) {
    if (app.hold.token.empty() || !app.catalog) return "";
    const encore::Instance* inst = app.picks.empty() ? current_instance(app) : app.catalog->find_instance(app.picks.front().instance);
    int offset = inst ? encore::venue_utc_offset_at(*app.catalog, inst->venue, app.hold.expires_at) : 0;
    std::int64_t local = app.hold.expires_at.unix_seconds + std::int64_t{offset} * 60;
    std::int64_t of_day = ((local % 86400) + 86400) % 86400;
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(of_day / 3600), static_cast<int>(of_day / 60 % 60));
    return text;
}

void announce(AppState& app, std::string text) {
    app.page.access.announcement = std::move(text);
    ++app.page.access.announcement_serial;
}

void announce_basket_changes(AppState& app) {
    MapAccessState& a = app.page.access;
    std::vector<std::string> held, picked;
    for (const Pick& p : app.picks) {
        picked.push_back(key_of(p));
        if (p.held) held.push_back(key_of(p));
    }
    if (!a.basket_known) {
        a.basket_known = true;
        a.held = std::move(held);
        a.picked = std::move(picked);
        return;
    }
    if (held == a.held && picked == a.picked) return;
    auto has = [](const std::vector<std::string>& list, const std::string& k) { return std::find(list.begin(), list.end(), k) != list.end(); };
    std::vector<std::string> sentences;
    for (const Pick& p : app.picks)
        if (p.held && !has(a.held, key_of(p))) sentences.push_back(pick_words(app, p.instance, p.seat_id.value) + ", added");
    for (const std::string& k : a.picked)
        if (!has(picked, k)) {
            std::size_t bar = k.find('|');
            sentences.push_back(pick_words(app, encore::InstanceId{k.substr(0, bar)}, k.substr(bar + 1)) + ", removed");
        }
    a.held = std::move(held);
    a.picked = std::move(picked);
    if (sentences.empty()) return;
    std::string text;
    for (const std::string& s : sentences) text += (text.empty() ? "" : ". ") + s;
    if (std::string clock = hold_end_clock(app); !clock.empty() && !app.picks.empty()) text += "; hold ends " + clock;
    if (app.picks.empty()) text += "; your basket is empty";
    announce(app, std::move(text));
}

}  // namespace web
