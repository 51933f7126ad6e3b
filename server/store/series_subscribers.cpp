// Subscribe after payment: group the order's series seats by package and group, ask the core, write.
#include "store/series_subscribers.hpp"

#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "encore/pricing_json.hpp"
#include "encore/renewals.hpp"
#include "encore/seasons.hpp"
#include "store/subscriber_store.hpp"

namespace encore::server {

void subscribe_series_lines(db::Connection& db, const Catalog& catalog, SeatLedger& ledger, std::int64_t account_id,
                            std::int64_t order_id, const Basket& basket, const std::vector<std::int64_t>& line_totals,
                            const Actor& actor, Instant now) {
    std::map<std::pair<std::string, std::string>, NewSubscription> bought;
    for (std::size_t i = 0; i < basket.lines.size(); ++i) {
        const BasketLine& line = basket.lines[i];
        if (line.kind != LineKind::series) continue;
        const FixedSeries* package = catalog.find_series(line.product);
        if (!package || package->lineage.empty() || !series_season(catalog, *package)) continue;
        NewSubscription& purchase = bought[{line.product.value, line.group.value}];
        purchase.package = line.product;
        purchase.group = line.group;
        purchase.seats.push_back(line.seat);
        purchase.total += i < line_totals.size() ? line_totals[i] : 0;
    }
    if (bought.empty()) return;
    SubscriberStore records(db, catalog, ledger);
    Facts facts;  // the order holds these seats already: nothing is taken from it
    for (const auto& [key, purchase] : bought) {
        ActionResult result = subscribe(catalog, purchase, actor, facts, now);
        if (!result.check.ok)
            throw SubscriberWriteError("the order's subscription to " + purchase.package.value + " was refused: " +
                                       result.check.message);
        records.create(account_id, catalog.find_series(purchase.package)->lineage, result.rows, now, order_id);
    }
}

void subscribe_stored_order(db::Connection& db, const Catalog& catalog, SeatLedger& ledger, std::int64_t order_id,
                            const Actor& actor, Instant now) {
    auto select = db.prepare("SELECT account_id, basket_json, priced_json FROM orders WHERE id = ?");
    select.bind(1, order_id);
    if (!select.step()) return;
    const std::int64_t account_id = select.integer(0);
    Problems problems;
    const auto basket = basket_from_json(nlohmann::json::parse(select.text(1), nullptr, false), problems);
    const auto priced = nlohmann::json::parse(select.text(2), nullptr, false);
    select.reset();
    if (!basket) return;
    std::vector<std::int64_t> totals(basket->lines.size(), 0);
    if (priced.is_object() && priced.contains("lines"))
        for (const auto& line : priced["lines"]) {
            const auto index = line.value("line", -1);
            if (index >= 0 && static_cast<std::size_t>(index) < totals.size()) totals[static_cast<std::size_t>(index)] = line.value("total", std::int64_t{0});
        }
    subscribe_series_lines(db, catalog, ledger, account_id, order_id, *basket, totals, actor, now);
}

}  // namespace encore::server
