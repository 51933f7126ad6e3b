// Builds the core basket of a hold request and reports the core's verdict on it.
#include "sales/hold_eligibility.hpp"

#include "encore/pricing.hpp"

namespace encore::server {
namespace {

// The core's default ticket type for the seat; the first ticket type when the seat is not sold at
// all, so that pricing refuses the line with its own reason.
TicketTypeId ticket_type_for(const Catalog& catalog, const InstanceId& instance_id, const SeatId& seat) {
    const Instance* instance = catalog.find_instance(instance_id);
    const Venue* venue = instance ? catalog.find_venue(instance->venue) : nullptr;
    auto index = venue ? venue->plan.seat_index(seat) : std::nullopt;
    if (index)
        if (auto type = catalog.default_ticket_type(*instance, *index)) return *type;
    return catalog.ticket_types.empty() ? TicketTypeId{} : catalog.ticket_types.front().id;
}

std::vector<BasketLine> hold_lines(const Catalog& catalog, const HoldRequest& request) {
    std::vector<BasketLine> lines;
    if (request.series) {
        BasketLine line;
        line.kind = LineKind::series;
        line.product = request.series->series;
        line.group = request.series->group;
        line.seat = request.series->seat;
        line.instances = request.series->instances;
        line.band = request.series->band;
        line.ticket_type = request.ticket_type;
        lines.push_back(std::move(line));
        return lines;
    }
    for (const SeatId& seat : request.seats) {
        BasketLine line;
        line.kind = LineKind::ticket;
        line.instance = request.instance;
        line.seat = seat;
        line.ticket_type = request.ticket_type.empty() ? ticket_type_for(catalog, request.instance, seat) : request.ticket_type;
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace

nlohmann::json hold_refusal(const Catalog& catalog, const HoldRequest& request, const Customer& customer, Instant now) {
    Basket basket = request.basket;
    const int first_hold_line = static_cast<int>(basket.lines.size());
    for (BasketLine& line : hold_lines(catalog, request)) basket.lines.push_back(std::move(line));
    const PricedBasket priced = price_basket(catalog, basket, customer, now);
    nlohmann::json own = nlohmann::json::array(), others = nlohmann::json::array();
    if (priced.valid) return own;
    for (const LineProblem& problem : priced.problems) {
        nlohmann::json item{{"code", problem.code}, {"message", problem.message}, {"line", nullptr}};
        if (problem.line >= first_hold_line) {
            item["line"] = problem.line - first_hold_line;
            own.push_back(std::move(item));
        } else {
            if (problem.line >= 0) item["basket_line"] = problem.line;
            others.push_back(std::move(item));
        }
    }
    return own.empty() ? others : own;
}

std::vector<SeatRef> seats_to_hold(const Catalog& catalog, const HoldRequest& request) {
    std::vector<SeatRef> seats;
    if (!request.series) {
        for (const SeatId& seat : request.seats) seats.push_back({request.instance, seat});
        return seats;
    }
    std::vector<InstanceId> instances = request.series->instances;
    if (instances.empty()) {
        const FixedSeries* series = catalog.find_series(request.series->series);
        const SeriesGroup* group = series ? series->find_group(request.series->group) : nullptr;
        if (group) instances = group->instances;
    }
    for (const InstanceId& instance : instances) seats.push_back({instance, request.series->seat});
    return seats;
}

}  // namespace encore::server
