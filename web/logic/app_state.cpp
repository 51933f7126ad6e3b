// What the web client knows and the state changes it allows; every business rule is the core's.
#include "logic/app_state.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "encore/catalog_json.hpp"
#include "encore/seat_selection.hpp"
#include "logic/season_basket.hpp"

namespace web {

void accept_catalog(AppState& app, std::string_view json_text) {
    encore::CatalogLoad load = encore::load_catalog(json_text);
    if (!load.catalog) {
        std::string why = "The catalog has " + std::to_string(load.problems.size()) +
                          (load.problems.size() == 1 ? " problem" : " problems");
        for (std::size_t i = 0; i < load.problems.size() && i < 4; ++i)
            why += (i == 0 ? ": " : "; ") + load.problems[i].message + " (" + load.problems[i].path + ")";
        if (load.problems.size() > 4) why += "; …";
        catalog_failed(app, why);
        return;
    }
    app.catalog = std::move(*load.catalog);
    const encore::Catalog& c = *app.catalog;
    app.ticket_type = c.ticket_types.empty() ? encore::TicketTypeId{} : c.ticket_types.front().id;
    app.phase = Phase::ready;
    app.error.clear();
    app.instance = {};
    app.venue = {};
    app.picks.clear();
    ++app.picks_revision;
    if (const encore::Instance* first = default_instance(app)) choose_instance(app, first->id.value);
}

void catalog_failed(AppState& app, const std::string& why) {
    app.phase = Phase::error;
    app.error = why;
}

const encore::Instance* current_instance(const AppState& app) {
    return app.catalog ? app.catalog->find_instance(app.instance) : nullptr;
}

const encore::Event* current_event(const AppState& app) {
    const encore::Instance* inst = current_instance(app);
    return inst ? app.catalog->find_event(inst->event) : nullptr;
}

const encore::Venue* current_venue(const AppState& app) {
    const encore::Instance* inst = current_instance(app);
    return inst ? app.catalog->find_venue(inst->venue) : nullptr;
}

encore::RuleCheck web_sale_check(const AppState& app, const encore::Instance& instance) {
    return encore::check_on_sale(*app.catalog, instance, encore::Channel::web, customer_entitlements(app));
}

bool on_sale_web(const AppState& app, const encore::Instance& instance) {
    return app.catalog && web_sale_check(app, instance).ok;
}

const encore::Instance* default_instance(const AppState& app) {
    if (!app.catalog || app.catalog->instances.empty()) return nullptr;
    for (const encore::Instance& i : app.catalog->instances)
        if (on_sale_web(app, i) && i.starts_at > app.now) return &i;
    for (const encore::Instance& i : app.catalog->instances)
        if (on_sale_web(app, i)) return &i;
    return &app.catalog->instances.front();
}

// Rows, band indices and bands used, for the venue's plan.
void use_plan_of(AppState& app, const encore::Venue& venue) {
    if (venue.id == app.venue && !app.seat_band.empty()) return;
    const encore::SeatingPlan& plan = venue.plan;
    app.rows.clear();
    app.seat_band.assign(plan.seats.size(), -1);
    std::vector<bool> used(app.catalog->price_bands.size(), false);
    for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
        const encore::Seat& s = plan.seats[i];
        if (app.rows.empty() || plan.seats[app.rows.back().first].section != s.section ||
            plan.seats[app.rows.back().first].row != s.row)
            app.rows.push_back({i, i});
        else
            app.rows.back().last = i;
        auto it = app.catalog->band_index.find(s.band.value);
        if (it != app.catalog->band_index.end()) {
            app.seat_band[i] = static_cast<int>(it->second);
            used[it->second] = true;
        }
    }
    app.bands_in_plan.clear();
    for (std::size_t b = 0; b < used.size(); ++b)
        if (used[b]) app.bands_in_plan.push_back(static_cast<int>(b));
    app.seat_grid = build_seat_grid(plan);
    app.section_shapes = build_section_shapes(plan);
    app.venue = venue.id;
    app.view.fitted = false;
    app.view.user_moved = false;
}

bool choose_instance(AppState& app, const std::string& instance_id) {
    if (!app.catalog) return false;
    const encore::Instance* inst = app.catalog->find_instance(encore::InstanceId{instance_id});
    if (!inst) return false;
    const encore::Venue* venue = app.catalog->find_venue(inst->venue);
    if (!venue) return false;
    if (inst->id == app.instance && app.availability != Fetch::error) return true;
    app.instance = inst->id;
    use_plan_of(app, *venue);
    app.seats.clear();
    app.availability = Fetch::wanted;
    app.availability_error.clear();
    app.notice.clear();
    app.hovered_seat.reset();
    ++app.availability_serial;
    return true;
}

// "o"/"open", "h"/"held", ... -> state.
static std::optional<encore::SeatState> state_from_text(const std::string& text) {
    if (text.size() == 1) return encore::seat_state_from_code(text[0]);
    return encore::seat_state_from_name(text);
}

// Applies {"since": V, "changes": [{"seat","state"}]} when V is the version we have; false if it cannot be.
static bool apply_changes(AppState& app, const encore::Venue& venue, const nlohmann::json& doc) {
    if (app.seats.size() != venue.plan.seats.size() || !doc["changes"].is_array()) return false;
    if (doc.contains("since") && doc["since"].is_number_integer() && doc["since"].get<std::int64_t>() != app.availability_version)
        return false;
    for (const nlohmann::json& change : doc["changes"]) {
        if (!change.is_object() || !change.contains("seat") || !change["seat"].is_string() || !change.contains("state") ||
            !change["state"].is_string())
            return false;
        std::optional<std::uint32_t> seat = venue.plan.seat_index(encore::SeatId{change["seat"].get<std::string>()});
        std::optional<encore::SeatState> state = state_from_text(change["state"].get<std::string>());
        if (!seat || !state) return false;
        app.seats[*seat] = *state;
    }
    return true;
}

bool accept_availability(AppState& app, std::string_view json_text) {
    const encore::Venue* venue = current_venue(app);
    if (!venue) return true;
    nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        availability_failed(app, "The seat availability answer was not understood.");
        return true;
    }
    if (doc.contains("instance") && doc["instance"].is_string() && doc["instance"].get<std::string>() != app.instance.value)
        return true;  // an answer for another performance
    if (doc.contains("changes")) {
        if (!apply_changes(app, *venue, doc)) return false;  // the caller fetches the full map instead
    } else {
        if (!doc.contains("seats") || !doc["seats"].is_string()) {
            availability_failed(app, "The seat availability answer was not understood.");
            return true;
        }
        auto states = encore::decode_seat_states(doc["seats"].get<std::string>(), venue->plan.seats.size());
        if (!states) {
            availability_failed(app, "The seat availability does not match this venue's seating plan.");
            return true;
        }
        app.seats = std::move(*states);
    }
    app.availability_version = doc.contains("version") && doc["version"].is_number_integer() ? doc["version"].get<std::int64_t>() : 0;
    app.availability = Fetch::ready;
    app.availability_error.clear();
    return true;
}

void availability_failed(AppState& app, const std::string& why) {
    app.availability = Fetch::error;
    app.availability_error = why;
}

std::optional<encore::SeatState> seat_state(const AppState& app, std::uint32_t seat) {
    if (seat >= app.seats.size()) return std::nullopt;
    return app.seats[seat];
}

std::optional<encore::Money> seat_price(const AppState& app, std::uint32_t seat) {
    const encore::Instance* inst = current_instance(app);
    if (!inst) return std::nullopt;
    return app.catalog->seat_price(*inst, seat, app.ticket_type);
}

std::optional<encore::Money> band_price(const AppState& app, int band_index) {
    const encore::Instance* inst = current_instance(app);
    if (!inst || band_index < 0 || band_index >= static_cast<int>(app.catalog->price_bands.size())) return std::nullopt;
    const encore::PriceList* list = app.catalog->find_price_list(inst->price_list);
    if (!list) return std::nullopt;
    std::optional<std::int64_t> amount = list->price(app.catalog->price_bands[band_index].id, app.ticket_type);
    if (!amount) return std::nullopt;
    return encore::Money{*amount, app.catalog->currency};
}

// The core's selectable_seats for the chosen performance and this customer, kept until the seats or the
// customer's entitlements change.
static const std::vector<bool>& selectable_here(const AppState& app, const encore::Instance& instance) {
    SeasonState::SelectableCache& cache = app.season.performance_selectable;
    std::string key = instance.id.value + "|" + std::to_string(app.picks_revision) + "|" +
                      std::to_string(app.account.customer_revision) + "|" + std::to_string(app.now.unix_seconds) + "|" +
                      encore::encode_seat_states(app.seats);
    if (key != cache.key) {
        cache.seats = encore::selectable_seats(*app.catalog, instance, app.seats, customer_entitlements(app));
        cache.key = std::move(key);
    }
    return cache.seats;
}

bool can_select(const AppState& app, std::uint32_t seat) {
    const encore::Instance* inst = current_instance(app);
    if (!inst || seat >= app.seats.size() || !on_sale_web(app, *inst) || !seat_price(app, seat)) return false;
    const std::vector<bool>& selectable = selectable_here(app, *inst);
    return seat < selectable.size() && selectable[seat];
}

const std::vector<bool>& selectable_seats_here(const AppState& app) {
    static const std::vector<bool> none;
    const encore::Instance* inst = current_instance(app);
    return inst && !app.seats.empty() ? selectable_here(app, *inst) : none;
}

int available_count(const AppState& app) {
    return static_cast<int>(std::count_if(app.seats.begin(), app.seats.end(),
                                          [](encore::SeatState s) { return encore::is_available(s); }));
}

std::vector<std::uint32_t> selection(const AppState& app) {
    std::vector<std::uint32_t> seats;
    for (const Pick& p : app.picks)
        if (p.instance == app.instance) seats.push_back(p.seat);
    return seats;
}

bool is_selected(const AppState& app, std::uint32_t seat) {
    for (const Pick& p : app.picks)
        if (p.seat == seat && p.instance == app.instance) return true;
    return false;
}

void remove_pick(AppState& app, std::size_t index) {
    if (index >= app.picks.size()) return;
    drop_pass_use(app, app.picks[index]);
    app.hold.queue.push_back({HoldOp::Kind::release, app.picks[index].instance, app.picks[index].seat_id, std::nullopt});
    app.picks.erase(app.picks.begin() + static_cast<std::ptrdiff_t>(index));
    ++app.picks_revision;
}

bool toggle_seat(AppState& app, std::uint32_t seat) {
    const encore::Venue* venue = current_venue(app);
    if (app.instance.empty() || !venue || seat >= venue->plan.seats.size()) return false;
    for (std::size_t i = 0; i < app.picks.size(); ++i)
        if (app.picks[i].seat == seat && app.picks[i].instance == app.instance) {
            remove_pick(app, i);
            return true;
        }
    if (!can_select(app, seat)) return false;
    const encore::Instance* instance = app.catalog->find_instance(app.instance);
    const auto type = instance ? app.catalog->default_ticket_type(*instance, seat) : std::nullopt;
    Pick pick{app.instance, seat, venue->plan.seats[seat].id, type.value_or(app.ticket_type), false};
    app.hold.queue.push_back({HoldOp::Kind::add, pick.instance, pick.seat_id, std::nullopt});
    app.picks.push_back(std::move(pick));
    ++app.picks_revision;
    app.notice.clear();
    return true;
}

void clear_selection(AppState& app) {
    while (!app.picks.empty()) remove_pick(app, app.picks.size() - 1);
}

void forget_basket(AppState& app) {
    forget_season_seats(app);
    app.picks.clear();
    ++app.picks_revision;
    app.hold = HoldState{.last_activity_ms = app.hold.last_activity_ms};
}

encore::Money selection_total(const AppState& app) {
    encore::Money total{0, app.catalog ? app.catalog->currency : encore::Currency{}};
    for (std::uint32_t seat : selection(app))
        if (std::optional<encore::Money> price = seat_price(app, seat)) total = total + *price;
    return total;
}

std::string pick_name(const AppState& app, const Pick& pick) {
    if (!app.catalog) return pick.seat_id.value;
    const encore::Instance* inst = app.catalog->find_instance(pick.instance);
    const encore::Venue* venue = inst ? app.catalog->find_venue(inst->venue) : nullptr;
    return venue && pick.seat < venue->plan.seats.size() ? venue->plan.seat_name(pick.seat) : pick.seat_id.value;
}

}  // namespace web
