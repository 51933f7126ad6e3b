// The step-through list from the map's plan and states (map_source) in the words of map_announcements.
#include "logic/step_through.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

#include "encore/money.hpp"
#include "logic/app_state.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/checkout_client.hpp"
#include "logic/display_format.hpp"
#include "logic/links.hpp"
#include "logic/map_announcements.hpp"
#include "logic/map_keyboard.hpp"
#include "logic/map_source.hpp"
#include "logic/season_basket.hpp"
#include "logic/seat_preview.hpp"
#include "logic/series_map.hpp"

namespace web {

namespace {

std::optional<std::uint32_t> number_in(std::string_view text) {
    std::uint32_t n = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

std::string count_words(int seats, int free) {
    return std::to_string(seats) + (seats == 1 ? " seat, " : " seats, ") + std::to_string(free) + " available";
}

void add_checkout(const AppState& app, StepList& list) {
    if (basket_empty(app)) return;
    int tickets = basket_ticket_count(app);
    const encore::PricedBasket& priced = priced_basket(app);
    std::string label = "Checkout: " + std::to_string(tickets) + (tickets == 1 ? " ticket" : " tickets");
    if (priced.valid) label += ", " + spoken_money({priced.total, priced.currency});
    list.items.push_back({"checkout", label});
}

// "Macbeth, Tue 12 Jan 2027, 19:30, on sale".
std::string performance_words(const AppState& app, const encore::Instance& inst) {
    const encore::Event* event = app.catalog->find_event(inst.event);
    return (event ? event->name + ", " : std::string()) + performance_day(inst) + ", " + performance_clock(inst) + ", " +
           web_sale_words(web_sale(app, inst));
}

void add_performances(const AppState& app, StepList& list) {
    list.heading = "Performances";
    list.items.push_back({"back", "Back to the sections"});
    for (const encore::Instance& inst : app.catalog->instances)
        list.items.push_back({"instance:" + inst.id.value, performance_words(app, inst), false, inst.id == app.instance});
}

}  // namespace

StepList step_list(const AppState& app) {
    StepList list;
    const encore::Venue* venue = map_venue(app);
    if (!venue || venue->plan.seats.empty()) return list;
    const encore::SeatingPlan& plan = venue->plan;
    const MapAccessState& a = app.page.access;
    StepLevel level = a.level;
    if (a.section >= plan.sections.size() && level != StepLevel::performances) level = StepLevel::sections;
    const bool series = series_map_shown(app);
    if (series && level == StepLevel::performances) level = StepLevel::sections;
    std::optional<std::uint32_t> focus = focused_seat(app);
    if (level == StepLevel::performances) {
        add_performances(app, list);
    } else if (level == StepLevel::sections) {
        list.heading = "Sections";
        if (const encore::Instance* inst = current_instance(app); inst && !series)
            list.items.push_back({"performances", "Performance: " + performance_words(app, *inst) + ". Choose another"});
        std::vector<int> seats(plan.sections.size(), 0), free(plan.sections.size(), 0);
        const std::vector<bool> selectable = map_selectable(app);  // once: asking seat by seat is O(seats) each
        for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
            std::uint32_t s = plan.seats[i].section;
            if (s >= seats.size()) continue;
            ++seats[s];
            if (i < selectable.size() && selectable[i]) ++free[s];
        }
        for (std::uint32_t s = 0; s < plan.sections.size(); ++s)
            if (seats[s] > 0)
                list.items.push_back({"section:" + std::to_string(s), plan.sections[s].name + ", " + count_words(seats[s], free[s])});
    } else if (level == StepLevel::rows) {
        const std::string& section = plan.sections[a.section].name;
        list.heading = section + ": rows";
        list.items.push_back({"back", "Back to the sections"});
        std::vector<std::string> names;
        std::vector<int> seats, free;
        const std::vector<bool> selectable = map_selectable(app);
        for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
            const encore::Seat& s = plan.seats[i];
            if (s.section != a.section) continue;
            std::size_t r = 0;
            while (r < names.size() && names[r] != s.row) ++r;
            if (r == names.size()) names.push_back(s.row), seats.push_back(0), free.push_back(0);
            ++seats[r];
            if (i < selectable.size() && selectable[i]) ++free[r];
        }
        for (std::size_t r = 0; r < names.size(); ++r)
            list.items.push_back({"row:" + std::to_string(a.section) + ":" + names[r],
                                  (names[r].empty() ? std::string("Seats") : "Row " + names[r]) + ", " + count_words(seats[r], free[r])});
    } else {
        const std::string& section = plan.sections[a.section].name;
        list.heading = section + (a.row.empty() ? "" : ", row " + a.row) + ": seats";
        list.items.push_back({"back", "Back to the rows of " + section});
        for (std::uint32_t i = 0; i < plan.seats.size(); ++i) {
            const encore::Seat& s = plan.seats[i];
            if (s.section != a.section || s.row != a.row) continue;
            std::string label = "Seat " + s.number;
            if (std::string price = spoken_seat_price(app, i); !price.empty()) label += ", " + price;
            label += ", " + spoken_seat_state(app, i);
            if (std::string marks = spoken_seat_marks(app, i); !marks.empty()) label += "; " + marks;
            list.items.push_back({"seat:" + std::to_string(i), label, map_is_selected(app, i), focus && *focus == i});
        }
    }
    add_checkout(app, list);
    return list;
}

void step_choose(AppState& app, std::string_view id) {
    MapAccessState& a = app.page.access;
    const encore::Venue* venue = map_venue(app);
    if (id == "checkout") {
        if (basket_empty(app)) return;
        reset_checkout_result(app);
        app.checkout.open = true;
        return;
    }
    if (!venue) return;
    if (id == "back") {
        a.level = a.level == StepLevel::seats ? StepLevel::rows : StepLevel::sections;
        return;
    }
    if (id == "performances") {
        a.level = StepLevel::performances;
        return;
    }
    if (id.starts_with("instance:")) {
        show_performance(app, std::string(id.substr(9)));  // as a click in What's on (the address follows)
        a.level = StepLevel::sections;
        return;
    }
    if (id.starts_with("section:")) {
        if (std::optional<std::uint32_t> s = number_in(id.substr(8)); s && *s < venue->plan.sections.size())
            a.level = StepLevel::rows, a.section = *s;
        return;
    }
    if (id.starts_with("row:")) {
        std::string_view rest = id.substr(4);
        std::size_t colon = rest.find(':');
        if (colon == std::string_view::npos) return;
        if (std::optional<std::uint32_t> s = number_in(rest.substr(0, colon)); s && *s < venue->plan.sections.size())
            a.level = StepLevel::seats, a.section = *s, a.row = std::string(rest.substr(colon + 1));
        return;
    }
    if (id.starts_with("seat:")) {
        std::optional<std::uint32_t> seat = number_in(id.substr(5));
        if (!seat || *seat >= venue->plan.seats.size()) return;
        focus_seat(app, *seat);
        if (tap_seat(app, *seat, false) == SeatTap::refused) announce(app, spoken_seat(app, *seat) + ". " + app.notice);
    }
}

}  // namespace web
