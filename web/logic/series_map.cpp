// The season view's choices and the composite map of a series group; the composite, the selectable seats and
// the prices are the core's.
#include "logic/series_map.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "encore/composite.hpp"
#include "encore/pricing.hpp"
#include "encore/seat_selection.hpp"
#include "encore/series_seats.hpp"
#include "logic/season_basket.hpp"

namespace web {

namespace {

std::string instances_key(const std::vector<encore::InstanceId>& ids) {
    std::string key;
    for (const encore::InstanceId& i : ids) key += i.value + ",";
    return key;
}

std::string who_key(const AppState& app) {
    return std::to_string(app.picks_revision) + "|" + std::to_string(app.account.customer_revision) + "|" +
           std::to_string(app.now.unix_seconds);
}

std::optional<encore::SeatState> state_from_text(const std::string& text) {
    if (text.size() == 1) return encore::seat_state_from_code(text[0]);
    return encore::seat_state_from_name(text);
}

// Applies one entry of the group answer to our copy of that performance; false if it cannot be.
bool apply_entry(const encore::Catalog& catalog, encore::Availability& copy, const nlohmann::json& entry) {
    const encore::Instance* instance = catalog.find_instance(copy.instance);
    const encore::Venue* venue = instance ? catalog.find_venue(instance->venue) : nullptr;
    if (!venue || !entry.is_object()) return false;
    const encore::SeatingPlan& plan = venue->plan;
    if (entry.contains("changes")) {
        if (copy.seats.size() != plan.seats.size() || !entry["changes"].is_array()) return false;
        if (!entry.contains("since") || !entry["since"].is_number_integer() || entry["since"].get<std::int64_t>() != copy.version)
            return false;
        for (const nlohmann::json& change : entry["changes"]) {
            if (!change.is_object() || !change.contains("seat") || !change["seat"].is_string() || !change.contains("state") ||
                !change["state"].is_string())
                return false;
            std::optional<std::uint32_t> seat = plan.seat_index(encore::SeatId{change["seat"].get<std::string>()});
            std::optional<encore::SeatState> state = state_from_text(change["state"].get<std::string>());
            if (!seat || !state) return false;
            copy.seats[*seat] = *state;
        }
    } else {
        if (!entry.contains("seats") || !entry["seats"].is_string()) return false;
        auto states = encore::decode_seat_states(entry["seats"].get<std::string>(), plan.seats.size());
        if (!states) return false;
        copy.seats = std::move(*states);
    }
    copy.version = entry.contains("version") && entry["version"].is_number_integer() ? entry["version"].get<std::int64_t>() : 0;
    return true;
}

// The first seat of the plan in the band that the group's every venue has, for pricing a band.
std::optional<encore::SeatId> seat_of_band(const encore::Catalog& catalog, const encore::SeriesGroup& group,
                                           const encore::PriceBandId& band) {
    std::vector<const encore::Venue*> venues = encore::group_venues(catalog, group);
    if (venues.empty()) return std::nullopt;
    for (const encore::Seat& seat : venues.front()->plan.seats)
        if (seat.band == band && encore::seat_in_venues(venues, seat.id)) return seat.id;
    return std::nullopt;
}

}  // namespace

const encore::SeasonView& season_view_now(const AppState& app) {
    SeasonState::ViewCache& cache = app.season.season_view;
    static const encore::SeasonView nothing;
    if (!app.catalog) return nothing;
    std::string key = std::to_string(app.picks_revision) + "|" + std::to_string(app.account.customer_revision) + "|" +
                      std::to_string(app.now.unix_seconds / 60) + "|" + std::to_string(reinterpret_cast<std::uintptr_t>(&*app.catalog));
    if (key != cache.key) {
        cache.view = encore::season_view(*app.catalog, encore::Channel::web, customer_entitlements(app));
        cache.key = std::move(key);
    }
    return cache.view;
}

void show_product(AppState& app, const encore::ProductId& product) {
    SeasonState& s = app.season;
    s.view = MainView::season;
    if (s.shown == product) return;
    s.shown = product;
    s.best.proposal.clear();
    s.best.message.clear();
    const encore::FixedSeries* series = app.catalog ? app.catalog->find_series(product) : nullptr;
    if (!series || series->groups.empty()) return;
    s.choice = SeriesChoice{series->id, {}, {}, {}};
    const encore::SeriesGroup* first = &series->groups.front();
    for (const encore::SeriesGroup& g : series->groups) {
        bool all_to_come = std::all_of(g.instances.begin(), g.instances.end(), [&](const encore::InstanceId& id) {
            const encore::Instance* i = app.catalog->find_instance(id);
            return i && i->starts_at > app.now;
        });
        if (all_to_come) {
            first = &g;
            break;
        }
    }
    choose_group(app, first->id);
}

const encore::FixedSeries* chosen_series(const AppState& app) {
    return app.catalog ? app.catalog->find_series(app.season.choice.series) : nullptr;
}

const encore::SeriesGroup* chosen_group(const AppState& app) {
    const encore::FixedSeries* series = chosen_series(app);
    return series ? series->find_group(app.season.choice.group) : nullptr;
}

void choose_group(AppState& app, const encore::SeriesGroupId& group_id) {
    const encore::FixedSeries* series = chosen_series(app);
    const encore::SeriesGroup* group = series ? series->find_group(group_id) : nullptr;
    if (!group) return;
    SeasonState& s = app.season;
    if (s.choice.group == group_id && s.group.series == series->id && s.group.group == group_id) return;
    s.choice.group = group_id;
    s.choice.band = {};
    s.choice.chosen = group->instances;
    s.best.proposal.clear();
    s.best.message.clear();
    GroupSeats& g = s.group;
    g.series = series->id;
    g.group = group_id;
    g.state = Load::wanted;
    g.error.clear();
    g.performances.clear();
    for (const encore::InstanceId& i : group->instances) g.performances.push_back({i, 0, {}});
    g.refresh_full = false;
    ++g.serial;
    ++g.revision;
    if (const encore::Venue* venue = series_venue(app)) use_plan_of(app, *venue);
    app.hovered_seat.reset();
}

void choose_band(AppState& app, const encore::PriceBandId& band) {
    if (app.season.choice.band == band) return;
    app.season.choice.band = band;
    app.season.best.proposal.clear();
}

bool toggle_performance(AppState& app, const encore::InstanceId& instance) {
    const encore::FixedSeries* series = chosen_series(app);
    const encore::SeriesGroup* group = chosen_group(app);
    if (!series || !group) return false;
    std::vector<encore::InstanceId>& chosen = app.season.choice.chosen;
    auto it = std::find(chosen.begin(), chosen.end(), instance);
    if (it != chosen.end()) {
        if (static_cast<int>(chosen.size()) - 1 < series->events_required.minimum()) return false;
        chosen.erase(it);
    } else {
        if (std::find(group->instances.begin(), group->instances.end(), instance) == group->instances.end()) return false;
        std::vector<encore::InstanceId> in_order;
        for (const encore::InstanceId& i : group->instances)
            if (i == instance || std::find(chosen.begin(), chosen.end(), i) != chosen.end()) in_order.push_back(i);
        chosen = std::move(in_order);
    }
    app.season.best.proposal.clear();
    return true;
}

bool performance_chosen(const AppState& app, const encore::InstanceId& instance) {
    const auto& chosen = app.season.choice.chosen;
    return std::find(chosen.begin(), chosen.end(), instance) != chosen.end();
}

bool can_choose_performances(const AppState& app) {
    const encore::FixedSeries* series = chosen_series(app);
    const encore::SeriesGroup* group = chosen_group(app);
    return series && group && series->events_required.minimum() < static_cast<int>(group->instances.size());
}

bool accept_group_availability(AppState& app, std::string_view json_text) {
    GroupSeats& g = app.season.group;
    if (!app.catalog) return true;
    nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("instances") || !doc["instances"].is_array()) {
        group_availability_failed(app, "The seat availability answer was not understood.");
        return true;
    }
    if (doc.value("series", "") != g.series.value || doc.value("group", "") != g.group.value) return true;  // another group's
    bool all_applied = true;
    for (const nlohmann::json& entry : doc["instances"]) {
        if (!entry.is_object() || !entry.contains("instance") || !entry["instance"].is_string()) continue;
        auto it = std::find_if(g.performances.begin(), g.performances.end(), [&](const encore::Availability& a) {
            return a.instance.value == entry["instance"].get<std::string>();
        });
        if (it == g.performances.end()) continue;
        if (!apply_entry(*app.catalog, *it, entry)) all_applied = false;
    }
    bool complete = std::all_of(g.performances.begin(), g.performances.end(),
                                [](const encore::Availability& a) { return !a.seats.empty(); });
    ++g.revision;
    if (complete) {
        g.state = Load::ready;
        g.error.clear();
    } else if (g.state != Load::ready) {
        group_availability_failed(app, "The seats of this series' performances could not be read.");
    }
    return all_applied;
}

void group_availability_failed(AppState& app, const std::string& why) {
    app.season.group.state = Load::error;
    app.season.group.error = why;
}

bool series_map_shown(const AppState& app) {
    return app.season.view == MainView::season && chosen_group(app) && app.season.choice.series == app.season.shown;
}

const SeasonState::CompositeCache& series_composite(const AppState& app) {
    SeasonState::CompositeCache& cache = app.season.composite;
    const GroupSeats& g = app.season.group;
    const SeriesChoice& choice = app.season.choice;
    std::string key = choice.series.value + "/" + choice.group.value + "/" + choice.band.value + "/" +
                      instances_key(choice.chosen) + "/" + std::to_string(g.revision) + "/" + std::to_string(g.serial) + "/" +
                      (g.state == Load::ready ? "ready" : "not") + "/" + who_key(app);
    if (key == cache.key) return cache;
    cache.key = std::move(key);
    cache.composite = {};
    cache.states.clear();
    cache.selectable.clear();
    cache.locks = {};
    if (!app.catalog || g.state != Load::ready || g.series != choice.series || g.group != choice.group) return cache;
    std::vector<encore::Availability> states;
    for (const encore::Availability& a : g.performances)
        if (std::find(choice.chosen.begin(), choice.chosen.end(), a.instance) != choice.chosen.end()) states.push_back(a);
    cache.composite = encore::composite_availability(*app.catalog, states);
    if (!cache.composite.problems.empty() || cache.composite.plans.empty()) return cache;
    for (const encore::CompositeSeat& seat : cache.composite.plans.front().seats) cache.states.push_back(seat.state);
    cache.locks = encore::series_seat_locks(*app.catalog, cache.composite, 0, customer_entitlements(app));
    const encore::FixedSeries* series = chosen_series(app);
    if (series && series->choose_band_first && choice.band.empty()) {  // the band comes first: no seat until it is chosen
        cache.selectable.assign(cache.states.size(), false);
        return cache;
    }
    cache.selectable = encore::selectable_series_seats(*app.catalog, cache.composite, 0, customer_entitlements(app), choice.band);
    return cache;
}

const encore::Venue* series_venue(const AppState& app) {
    const encore::SeriesGroup* group = chosen_group(app);
    if (!group) return nullptr;
    std::vector<const encore::Venue*> venues = encore::group_venues(*app.catalog, *group);
    return venues.empty() ? nullptr : venues.front();
}

int series_free_at(const AppState& app, std::uint32_t seat) {
    const SeasonState::CompositeCache& c = series_composite(app);
    if (c.composite.plans.empty() || seat >= c.composite.plans.front().seats.size()) return 0;
    return c.composite.plans.front().seats[seat].free_at;
}

std::string series_free_text(const AppState& app, std::uint32_t seat) {
    const SeasonState::CompositeCache& c = series_composite(app);
    if (c.composite.plans.empty() || seat >= c.composite.plans.front().seats.size()) return "";
    return encore::describe_free_at(c.composite.plans.front().seats[seat], c.composite.performances());
}

std::optional<std::size_t> series_pick_at(const AppState& app, std::uint32_t seat) {
    const SeriesChoice& choice = app.season.choice;
    const encore::Venue* venue = series_venue(app);
    for (std::size_t i = 0; i < app.season.series_picks.size(); ++i) {
        const SeriesPick& p = app.season.series_picks[i];
        if (p.seat == seat && p.series == choice.series && p.group == choice.group && venue && p.venue == venue->id) return i;
    }
    return std::nullopt;
}

bool toggle_series_seat(AppState& app, std::uint32_t seat) {
    if (!series_map_shown(app)) return false;
    if (std::optional<std::size_t> picked = series_pick_at(app, seat)) {
        remove_series_pick(app, *picked);
        return true;
    }
    const SeasonState::CompositeCache& c = series_composite(app);
    const encore::Venue* venue = series_venue(app);
    if (!venue || seat >= c.selectable.size() || !c.selectable[seat]) return false;
    const SeriesChoice& choice = app.season.choice;
    SeriesPick pick{choice.series, choice.group, choice.chosen, choice.band, venue->id, seat, venue->plan.seats[seat].id, {}, false};
    app.hold.queue.push_back({HoldOp::Kind::add, {}, pick.seat_id,
                              SeriesSeatOp{pick.series, pick.group, pick.instances, pick.band, pick.ticket_type}});
    app.season.series_picks.push_back(std::move(pick));
    ++app.picks_revision;
    app.notice.clear();
    return true;
}

std::optional<std::int64_t> series_band_price(const AppState& app, int band_index) {
    SeasonState::CompositeCache& cache = app.season.composite;
    const encore::FixedSeries* series = chosen_series(app);
    const encore::SeriesGroup* group = chosen_group(app);
    if (!series || !group || band_index < 0 || band_index >= static_cast<int>(app.catalog->price_bands.size())) return std::nullopt;
    const SeriesChoice& choice = app.season.choice;
    std::string key = choice.series.value + "/" + choice.group.value + "/" + instances_key(choice.chosen) + "/" +
                      std::to_string(app.account.customer_revision) + "/" + std::to_string(app.now.unix_seconds / 60);
    if (key != cache.band_key) {
        cache.band_key = key;
        cache.band_prices.assign(app.catalog->price_bands.size(), std::nullopt);
        for (std::size_t b = 0; b < app.catalog->price_bands.size(); ++b) {
            std::optional<encore::SeatId> seat = seat_of_band(*app.catalog, *group, app.catalog->price_bands[b].id);
            if (!seat) continue;
            encore::Basket basket;
            encore::BasketLine line;
            line.kind = encore::LineKind::series;
            line.product = series->id;
            line.group = group->id;
            line.instances = choice.chosen;
            line.seat = *seat;
            if (series->choose_band_first) line.band = app.catalog->price_bands[b].id;
            basket.lines.push_back(std::move(line));
            encore::PricedBasket priced = encore::price_basket(*app.catalog, basket, app.account.customer, app.now);
            if (!priced.valid || priced.lines.empty() || priced.lines.front().items.empty()) continue;
            std::int64_t lowest = priced.lines.front().items.front().base;
            for (const encore::PricedItem& item : priced.lines.front().items) lowest = std::min(lowest, item.base);
            cache.band_prices[b] = lowest;
        }
    }
    return cache.band_prices[static_cast<std::size_t>(band_index)];
}

}  // namespace web
