// Read-only queries behind /api/me/...; remaining pass allowance comes from the catalog's pass.
#include "store/order_queries.hpp"

#include <algorithm>

#include "encore/pricing_json.hpp"
#include "encore/time.hpp"
#include "store/customer_record.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

// The priced basket's total as text ("" if it has none).
std::string total_text(const std::string& priced_text) {
    const json priced = json::parse(priced_text, nullptr, /*allow_exceptions=*/false);
    if (!priced.is_object() || !priced.contains("totals") || !priced["totals"].is_object()) return "";
    const json& text = priced["totals"].value("total_text", json());
    return text.is_string() ? text.get<std::string>() : "";
}

// What an order's priced basket (the core's priced_basket_to_json) holds, for the account's order list:
// each performance with its seats, in order of first appearance, and each line's kind and description.
void add_order_contents(json& order, const std::string& priced_text) {
    json priced = json::parse(priced_text, nullptr, /*allow_exceptions=*/false);
    json performances = json::array(), lines = json::array();
    if (priced.is_object() && priced["lines"].is_array())
        for (const json& line : priced["lines"]) {
            lines.push_back({{"kind", line.value("kind", "")}, {"description", line.value("description", "")},
                             {"total_text", line.value("total_text", "")}});
            if (!line.contains("items") || !line["items"].is_array()) continue;
            for (const json& item : line["items"]) {
                if (!item.contains("instance") || !item["instance"].is_string()) continue;
                const std::string instance = item["instance"].get<std::string>();
                auto it = std::find_if(performances.begin(), performances.end(),
                                       [&](const json& p) { return p["instance"] == instance; });
                if (it == performances.end()) {
                    performances.push_back({{"instance", instance}, {"seats", json::array()}});
                    it = performances.end() - 1;
                }
                (*it)["seats"].push_back(item.value("seat", ""));
            }
        }
    order["performances"] = std::move(performances);
    order["lines"] = std::move(lines);
}

// The performances of a subscription: the instances of its order's series line for this seat.
json subscription_performances(const std::string& priced_text, const std::string& series, const std::string& seat) {
    json priced = json::parse(priced_text, nullptr, /*allow_exceptions=*/false);
    json instances = json::array();
    if (!priced.is_object() || !priced["lines"].is_array()) return instances;
    for (const json& line : priced["lines"]) {
        if (line.value("kind", "") != "series" || !line.contains("items") || !line["items"].is_array()) continue;
        const json& items = line["items"];
        if (items.empty() || items[0].value("product", "") != series || items[0].value("seat", "") != seat) continue;
        for (const json& item : items) instances.push_back(item.value("instance", ""));
        return instances;
    }
    return instances;
}

std::string order_reference(db::Connection& db, std::int64_t order_id) {
    auto select = db.prepare("SELECT reference FROM orders WHERE id = ?");
    select.bind(1, order_id);
    return select.step() ? select.text(0) : std::string();
}

}  // namespace

json account_orders(db::Connection& db, std::int64_t account_id) {
    json orders = json::array();
    auto select = db.prepare(
        "SELECT reference, status, channel, total, priced_json, payment_method, "
        "created_at, due_at, priced_json, short_reference FROM orders WHERE account_id = ? ORDER BY id DESC");
    select.bind(1, account_id);
    while (select.step()) {
        json order{{"reference", select.text(0)}, {"status", select.text(1)}, {"channel", select.text(2)},
                   {"total", select.integer(3)}, {"total_text", total_text(select.text(4))}, {"payment_method", select.text(5)},
                   {"created_at", format_instant({select.integer(6)})}};
        if (!select.is_null(7)) order["due_at"] = format_instant({select.integer(7)});
        add_order_contents(order, select.text(8));
        order["short_reference"] = select.is_null(9) ? json(nullptr) : json(select.text(9));
        orders.push_back(std::move(order));
    }
    return {{"orders", orders}};
}

json account_passes(db::Connection& db, const Catalog& catalog, std::int64_t account_id, Instant now) {
    json passes = json::array();
    auto select = db.prepare(
        "SELECT p.code, p.pass_id, p.expires_at, p.order_id, o.status = 'paid' FROM passes p JOIN orders o ON o.id = p.order_id "
        "WHERE p.account_id = ? ORDER BY p.created_at, p.code");
    auto redeemed = db.prepare(
        "SELECT r.instance_id, r.seat_id, o.reference FROM pass_redemptions r JOIN orders o ON o.id = r.order_id "
        "WHERE r.code = ? ORDER BY r.id");
    select.bind(1, account_id);
    while (select.step()) {
        const std::string code = select.text(0);
        const FlexPass* pass = catalog.find_pass(ProductId{select.text(1)});
        json redemptions = json::array();
        redeemed.bind(1, code);
        while (redeemed.step())
            redemptions.push_back({{"instance", redeemed.text(0)}, {"seat", redeemed.text(1)}, {"order", redeemed.text(2)}});
        redeemed.reset();
        const int allowance = pass ? pass->allowance : 0;
        const int used = static_cast<int>(redemptions.size());
        passes.push_back({{"code", code},
                          {"pass", select.text(1)},
                          {"name", pass ? pass->name : select.text(1)},
                          {"expires_at", format_instant({select.integer(2)})},
                          {"expired", select.integer(2) <= now.unix_seconds},
                          {"allowance", allowance},
                          {"used", used},
                          {"remaining", std::max(0, allowance - used)},
                          {"redemptions", redemptions},
                          {"order", order_reference(db, select.integer(3))},
                          {"paid", select.integer(4) != 0}});
    }
    return {{"passes", passes}};
}

json account_memberships(db::Connection& db, const Catalog& catalog, std::int64_t account_id, Instant now) {
    json memberships = json::array();
    auto select = db.prepare(
        "SELECT m.membership_id, m.starts_at, m.ends_at, o.reference, o.status = 'paid' FROM memberships m "
        "JOIN orders o ON o.id = m.order_id "
        "WHERE m.account_id = ? ORDER BY m.id");
    select.bind(1, account_id);
    while (select.step()) {
        const Membership* membership = catalog.find_membership(ProductId{select.text(0)});
        memberships.push_back({{"membership", select.text(0)},
                               {"name", membership ? membership->name : select.text(0)},
                               {"starts_at", format_instant({select.integer(1)})},
                               {"ends_at", format_instant({select.integer(2)})},
                               {"active", select.integer(1) <= now.unix_seconds && now.unix_seconds < select.integer(2)},
                               {"order", select.text(3)},
                               {"paid", select.integer(4) != 0}});
    }
    return {{"memberships", memberships}};
}

json account_subscriptions(db::Connection& db, const Catalog& catalog, std::int64_t account_id) {
    json subscriptions = json::array();
    auto select = db.prepare(
        "SELECT s.series_id, s.group_id, s.seat_id, o.reference, s.created_at, o.priced_json, o.status FROM subscriptions s "
        "JOIN orders o ON o.id = s.order_id WHERE s.account_id = ? ORDER BY s.id");
    select.bind(1, account_id);
    while (select.step()) {
        const FixedSeries* series = catalog.find_series(ProductId{select.text(0)});
        const SeriesGroup* group = series ? series->find_group(SeriesGroupId{select.text(1)}) : nullptr;
        subscriptions.push_back({{"series", select.text(0)},
                                 {"name", series ? series->name : select.text(0)},
                                 {"group", select.text(1)},
                                 {"group_name", group ? group->name : select.text(1)},
                                 {"seat", select.text(2)},
                                 {"order", select.text(3)},
                                 {"created_at", format_instant({select.integer(4)})},
                                 {"performances", subscription_performances(select.text(5), select.text(0), select.text(2))},
                                 {"order_status", select.text(6)}});
    }
    return {{"subscriptions", subscriptions}};
}

json account_customer(db::Connection& db, const Account& account) {
    return customer_to_json(load_customer(db, account.id, account.tags));
}

}  // namespace encore::server
