// The hold -> price -> order -> (release) sequence of one simulated customer.
#include "purchase.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"

namespace encore::load {
namespace {

Basket basket_of(const Want& want) {
    Basket basket;
    basket.channel = Channel::web;
    if (want.series) {
        BasketLine line;
        line.kind = LineKind::series;
        line.product = ProductId{want.series_id};
        line.group = SeriesGroupId{want.group_id};
        line.seat = SeatId{want.seats.at(0)};
        basket.lines.push_back(line);
    } else {
        for (const auto& seat : want.seats) {
            BasketLine line;
            line.kind = LineKind::ticket;
            line.instance = InstanceId{want.instance};
            line.seat = SeatId{seat};
            line.ticket_type = TicketTypeId{"adult"};
            basket.lines.push_back(line);
        }
    }
    return basket;
}

nlohmann::json hold_request(const Want& want) {
    if (want.series)
        return {{"series", want.series_id}, {"group", want.group_id}, {"seat", want.seats.at(0)}};
    return {{"instance", want.instance}, {"seats", want.seats}};
}

}  // namespace

std::vector<SeatKey> seats_of(const Catalog& catalog, const Want& want) {
    std::vector<SeatKey> seats;
    if (!want.series) {
        for (const auto& seat : want.seats) seats.emplace_back(want.instance, seat);
        return seats;
    }
    const FixedSeries* series = catalog.find_series(ProductId{want.series_id});
    const SeriesGroup* group = series ? series->find_group(SeriesGroupId{want.group_id}) : nullptr;
    if (!group) throw std::runtime_error("no series group " + want.series_id + "/" + want.group_id);
    for (const auto& instance : group->instances) seats.emplace_back(instance.value, want.seats.at(0));
    return seats;
}

std::optional<nlohmann::json> order_body(const Catalog& catalog, const Want& want, const std::string& hold_token,
                                         const std::string& card_token, Instant now, std::string* why) {
    const Basket basket = basket_of(want);
    const PricedBasket priced = price_basket(catalog, basket, Customer{}, now);
    if (!priced.valid) {
        if (why) *why = priced.problems.empty() ? "invalid basket" : priced.problems.front().message;
        return std::nullopt;
    }
    nlohmann::json line_totals = nlohmann::json::array();
    for (const auto& line : priced.lines) line_totals.push_back(line.total);
    nlohmann::json payment = card_token.empty() ? nlohmann::json{{"method", "invoice"}}
                                                : nlohmann::json{{"method", "card"}, {"card_token", card_token}};
    return nlohmann::json{{"basket", basket_to_json(basket)},
                          {"holds", hold_token.empty() ? nlohmann::json::array() : nlohmann::json::array({hold_token})},
                          {"expected", {{"total", priced.total}, {"lines", line_totals}}},
                          {"payment", payment}};
}

Attempt purchase(ApiClient& api, const Catalog& catalog, const Want& want, const std::string& card_token,
                 const std::string& idempotency_key, int order_retries) {
    Attempt attempt;
    attempt.want = want;
    attempt.token = api.token();
    attempt.seats = seats_of(catalog, want);
    attempt.idempotency_key = idempotency_key;
    if (!want.direct) {
        attempt.hold = api.post("/api/holds", hold_request(want));
        if (attempt.hold.status != 201) return attempt;
        attempt.hold_token = attempt.hold.body["hold"]["token"];
    }
    std::string why;
    auto body = order_body(catalog, want, attempt.hold_token, card_token, Instant{static_cast<std::int64_t>(std::time(nullptr))}, &why);
    if (!body) throw std::runtime_error("the core cannot price the basket: " + why);
    attempt.order_body = *body;
    for (int tries = 0;; ++tries) {
        attempt.order = api.post("/api/orders", attempt.order_body, idempotency_key);
        ++attempt.order_sends;
        if (attempt.order.status != 0 || tries >= order_retries) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (attempt.order.status == 201 || attempt.order.status == 200) {
        attempt.reference = attempt.order.body["order"]["reference"];
        return attempt;
    }
    if (attempt.order.status != 0 && !attempt.hold_token.empty())
        attempt.release = api.del("/api/holds/" + attempt.hold_token);
    return attempt;
}

Catalog fetch_catalog(ApiClient& api) {
    Reply reply = api.get("/api/catalog");
    if (reply.status != 200) throw std::runtime_error("GET /api/catalog answered " + std::to_string(reply.status));
    auto load = load_catalog(reply.body);
    if (!load.catalog) throw std::runtime_error("the served catalog does not load");
    return *load.catalog;
}

}  // namespace encore::load
