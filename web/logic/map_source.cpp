// Dispatches the seat map's questions to the chosen performance or to the series composite.
#include "logic/map_source.hpp"

#include <algorithm>

#include "logic/seat_preview.hpp"
#include "logic/series_map.hpp"

namespace web {

const encore::Venue* map_venue(const AppState& app) { return series_map_shown(app) ? series_venue(app) : current_venue(app); }

bool map_loaded(const AppState& app) {
    return series_map_shown(app) ? !series_composite(app).states.empty() : !app.seats.empty();
}

const std::vector<encore::SeatState>& map_states(const AppState& app) {
    return series_map_shown(app) ? series_composite(app).states : app.seats;
}

std::optional<encore::SeatState> map_seat_state(const AppState& app, std::uint32_t seat) {
    if (!series_map_shown(app)) return seat_state(app, seat);
    const std::vector<encore::SeatState>& states = series_composite(app).states;
    if (seat >= states.size()) return std::nullopt;
    return states[seat];
}

bool map_can_select(const AppState& app, std::uint32_t seat) {
    if (!series_map_shown(app)) return can_select(app, seat);
    const std::vector<bool>& selectable = series_composite(app).selectable;
    return seat < selectable.size() && selectable[seat];
}

std::vector<bool> map_selectable(const AppState& app) {
    if (series_map_shown(app)) return series_composite(app).selectable;
    std::vector<bool> seats = selectable_seats_here(app);
    const encore::Instance* instance = current_instance(app);
    bool on_sale = instance && on_sale_web(app, *instance);
    for (std::uint32_t i = 0; i < seats.size(); ++i)
        if (seats[i]) seats[i] = on_sale && seat_price(app, i).has_value();
    return seats;
}

bool map_is_selected(const AppState& app, std::uint32_t seat) {
    return series_map_shown(app) ? series_pick_at(app, seat).has_value() : is_selected(app, seat);
}

std::vector<std::uint32_t> map_selection(const AppState& app) {
    if (!series_map_shown(app)) return selection(app);
    std::vector<std::uint32_t> seats;
    const encore::Venue* venue = series_venue(app);
    for (const SeriesPick& p : app.season.series_picks)
        if (p.series == app.season.choice.series && p.group == app.season.choice.group && venue && p.venue == venue->id)
            seats.push_back(p.seat);
    return seats;
}

bool map_toggle(AppState& app, std::uint32_t seat) {
    return series_map_shown(app) ? toggle_series_seat(app, seat) : toggle_seat(app, seat);
}

const encore::SeatLocks& map_seat_locks(const AppState& app) {
    return series_map_shown(app) ? series_composite(app).locks : performance_seat_locks(app);
}

const encore::LockType* map_seat_lock(const AppState& app, std::uint32_t seat) {
    const encore::SeatLocks& locks = map_seat_locks(app);
    return seat < locks.types.size() ? locks.types[seat] : nullptr;
}

bool map_seat_kept(const AppState& app, std::uint32_t seat) {
    const encore::SeatLocks& locks = map_seat_locks(app);
    return seat < locks.kept.size() && locks.kept[seat];
}

std::vector<const encore::LockType*> map_lock_types(const AppState& app) {
    std::vector<const encore::LockType*> out;
    for (const encore::LockType* t : map_seat_locks(app).types)
        if (t && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    std::sort(out.begin(), out.end(), [](const encore::LockType* a, const encore::LockType* b) { return a < b; });  // catalog order
    return out;
}

std::string map_key(const AppState& app) {
    if (!series_map_shown(app)) return "instance:" + app.instance.value;
    const SeriesChoice& c = app.season.choice;
    std::string key = "series:" + c.series.value + "/" + c.group.value + "/";
    for (const encore::InstanceId& i : c.chosen) key += i.value + ",";
    return key + "/" + c.band.value;
}

}  // namespace web
