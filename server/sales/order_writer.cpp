// The order transaction: replay or re-price, compare with what the client expected, take the seats,
// write the order and everything it creates, take payment, store the answer under the key, commit.
#include "sales/order_writer.hpp"

#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/clock.hpp"
#include "app/options.hpp"
#include "catalog/catalog_state.hpp"
#include "encore/money.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "http/api_response.hpp"
#include "store/connection_pool.hpp"
#include "store/customer_record.hpp"
#include "store/idempotency.hpp"
#include "store/order_view.hpp"
#include "store/payments.hpp"
#include "store/random_text.hpp"
#include "store/seat_ledger.hpp"

namespace encore::server {
namespace {

using nlohmann::json;

// Thrown inside the transaction to answer with a problem; the transaction rolls back on the way out.
struct Refusal {
    ApiResponse response;
};

OrderAnswer answer(const ApiResponse& response) { return {response.status, response.body.dump()}; }

std::string money_text(std::int64_t minor, const Currency& currency) { return format_money({minor, currency}); }

void check_expected(const PricedBasket& priced, const OrderRequest& request) {
    for (const PricedLine& line : priced.lines) {
        const std::int64_t expected = request.expected_lines.at(static_cast<std::size_t>(line.index));
        if (expected == line.total) continue;
        ApiResponse refusal = problem_response(
            409, "price_changed", "The price has changed",
            "Line " + std::to_string(line.index) + " (" + line.description + ") costs " + money_text(line.total, priced.currency) +
                ", not " + money_text(expected, priced.currency) + "; the order total is " +
                money_text(priced.total, priced.currency) + ". Check the basket and order again.");
        refusal.body.update({{"line", line.index}, {"expected", expected}, {"actual", line.total},
                             {"expected_total", request.expected_total}, {"actual_total", priced.total}});
        throw Refusal{std::move(refusal)};
    }
    if (request.expected_total == priced.total) return;
    ApiResponse refusal = problem_response(409, "price_changed", "The price has changed",
                                           "The order total is " + money_text(priced.total, priced.currency) + ", not " +
                                               money_text(request.expected_total, priced.currency) +
                                               ". Check the basket and order again.");
    refusal.body.update({{"line", nullptr}, {"expected_total", request.expected_total}, {"actual_total", priced.total}});
    throw Refusal{std::move(refusal)};
}

// The presented holds that are the caller's (or anonymous) and have not expired.
std::set<std::string> usable_holds(sqlite::Connection& db, const std::vector<std::string>& tokens, std::int64_t account_id,
                                   Instant now) {
    std::set<std::string> usable;
    auto select = db.prepare("SELECT 1 FROM holds WHERE token = ? AND (account_id IS NULL OR account_id = ?) AND expires_at > ?");
    for (const std::string& token : tokens) {
        select.bind(1, token).bind(2, account_id).bind(3, now.unix_seconds);
        if (select.step()) usable.insert(token);
        select.reset();
    }
    return usable;
}

class OrderTransaction {
public:
    OrderTransaction(ServerContext& ctx, sqlite::Connection& db, const Catalog& catalog, const Account& account,
                     const OrderRequest& request, Instant now)
        : ctx_(ctx), db_(db), catalog_(catalog), account_(account), request_(request), now_(now), ledger_(db) {}

    // Writes everything for a priced basket; returns the new order's id.
    std::int64_t write(const PricedBasket& priced) {
        std::unique_ptr<PaymentProvider> provider;
        if (request_.method == PaymentMethod::card) provider = std::make_unique<TestCardProvider>(db_);
        else provider = std::make_unique<InvoiceProvider>(db_);
        const std::string reference = "ord_" + random_hex(12);
        const std::int64_t order_id = insert_order(priced, reference, *provider);
        take_seats(priced, order_id, provider->seat_state());
        issue_passes(priced, order_id);
        record_redemptions(priced, order_id);
        record_memberships_and_subscriptions(order_id);
        record_offer_uses(priced, order_id);
        PaymentOutcome outcome =
            provider->pay({order_id, account_.id, reference, priced.total, request_.card_token, now_});
        if (!outcome.accepted) {
            ApiResponse refusal = problem_response(402, "payment_declined", "Payment declined",
                                                   "The card was declined (" + outcome.reason +
                                                       "); nothing was ordered. Try another card or pay by invoice.");
            refusal.body["reason"] = outcome.reason;
            throw Refusal{std::move(refusal)};
        }
        ledger_.finish();
        return order_id;
    }

private:
    std::optional<Instant> first_performance(const PricedBasket& priced) const {
        std::optional<Instant> first;
        for (const PricedLine& line : priced.lines)
            for (const PricedItem& item : line.items)
                if (const Instance* instance = item.instance.empty() ? nullptr : catalog_.find_instance(item.instance))
                    if (!first || instance->starts_at < *first) first = instance->starts_at;
        return first;
    }

    std::int64_t insert_order(const PricedBasket& priced, const std::string& reference, const PaymentProvider& provider) {
        const bool card = provider.method() == PaymentMethod::card;
        auto insert = db_.prepare(
            "INSERT INTO orders (reference, account_id, status, channel, currency, total, basket_json, priced_json, "
            "payment_method, due_at, created_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        insert.bind(1, reference).bind(2, account_.id).bind(3, card ? "paid" : "reserved");
        insert.bind(4, request_.basket.channel == Channel::box_office ? "box_office" : "web");
        insert.bind(5, priced.currency.code).bind(6, priced.total);
        insert.bind(7, basket_to_json(request_.basket).dump()).bind(8, priced_basket_to_json(priced).dump());
        insert.bind(9, payment_method_name(provider.method()));
        if (card) insert.bind_null(10);
        else insert.bind(10, InvoiceProvider::due_at(now_, ctx_.options.invoice_days, first_performance(priced)).unix_seconds);
        insert.bind(11, now_.unix_seconds);
        if (card) insert.bind(12, now_.unix_seconds);
        else insert.bind_null(12);
        if (!insert.step()) throw std::runtime_error("inserting an order returned no id");
        const std::int64_t id = insert.integer(0);
        insert.reset();
        return id;
    }

    void take_seats(const PricedBasket& priced, std::int64_t order_id, SeatState state) {
        const std::set<std::string> holds = usable_holds(db_, request_.holds, account_.id, now_);
        auto held_by = db_.prepare("SELECT hold_token FROM seat_states WHERE instance_id = ? AND seat_id = ? AND state = 'held'");
        for (const PricedLine& line : priced.lines)
            for (const PricedItem& item : line.items) {
                if (item.instance.empty()) continue;
                held_by.bind(1, item.instance.value).bind(2, item.seat.value);
                const std::string token = held_by.step() && !held_by.is_null(0) ? held_by.text(0) : std::string();
                held_by.reset();
                const bool taken = holds.contains(token) ? ledger_.convert_held(item.instance, item.seat, token, state, order_id)
                                                         : ledger_.claim(item.instance, item.seat, state, "", order_id);
                if (!taken) refuse_seat(line.index, item);
            }
    }

    [[noreturn]] void refuse_seat(int line, const PricedItem& item) {
        ApiResponse refusal = problem_response(
            409, "seats_unavailable", "Seat not available",
            "Line " + std::to_string(line) + ": seat " + item.seat.value + " at " + item.instance.value +
                " is taken or held by someone else. Choose another seat, or present the hold that keeps it for you.");
        refusal.body.update({{"line", line}, {"instance", item.instance.value}, {"seat", item.seat.value}});
        throw Refusal{std::move(refusal)};
    }

    void issue_passes(const PricedBasket& priced, std::int64_t order_id) {
        auto insert = db_.prepare(
            "INSERT INTO passes (code, pass_id, account_id, order_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)");
        for (const PricedLine& line : priced.lines) {
            if (line.kind != LineKind::pass) continue;
            const ProductId& pass_id = request_.basket.lines.at(static_cast<std::size_t>(line.index)).product;
            const FlexPass* pass = catalog_.find_pass(pass_id);
            if (!pass) throw std::logic_error("a priced pass line names a pass the catalog does not have");
            std::string code = "FLEX";
            for (int group = 0; group < 4; ++group) code += "-" + random_base32(4);
            insert.bind(1, code).bind(2, pass_id.value).bind(3, account_.id).bind(4, order_id);
            insert.bind(5, pass->expires_at(now_).unix_seconds).bind(6, now_.unix_seconds);
            insert.run();
            insert.reset();
            issued_codes_[line.index] = code;
        }
    }

    void record_redemptions(const PricedBasket& priced, std::int64_t order_id) {
        auto insert = db_.prepare("INSERT INTO pass_redemptions (code, instance_id, seat_id, order_id) VALUES (?, ?, ?, ?)");
        for (const PricedLine& line : priced.lines)
            for (const PricedItem& item : line.items) {
                if (item.pass_code.empty()) continue;
                std::string code = item.pass_code;
                if (code.starts_with("basket:")) code = issued_codes_.at(std::stoi(code.substr(7)));
                insert.bind(1, code).bind(2, item.instance.value).bind(3, item.seat.value).bind(4, order_id);
                insert.run();
                insert.reset();
            }
    }

    void record_memberships_and_subscriptions(std::int64_t order_id) {
        auto membership = db_.prepare(
            "INSERT INTO memberships (account_id, membership_id, starts_at, ends_at, order_id) VALUES (?, ?, ?, ?, ?)");
        auto subscription = db_.prepare(
            "INSERT INTO subscriptions (account_id, series_id, group_id, seat_id, order_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
        for (const BasketLine& line : request_.basket.lines) {
            if (line.kind == LineKind::membership) {
                const Membership* product = catalog_.find_membership(line.product);
                if (!product) throw std::logic_error("a priced membership line names a membership the catalog does not have");
                const auto [starts, ends] = product->valid_period(now_);
                membership.bind(1, account_.id).bind(2, line.product.value).bind(3, starts.unix_seconds);
                membership.bind(4, ends.unix_seconds).bind(5, order_id);
                membership.run();
                membership.reset();
            } else if (line.kind == LineKind::series) {
                subscription.bind(1, account_.id).bind(2, line.product.value).bind(3, line.group.value);
                subscription.bind(4, line.seat.value).bind(5, order_id).bind(6, now_.unix_seconds);
                subscription.run();
                subscription.reset();
            }
        }
    }

    void record_offer_uses(const PricedBasket& priced, std::int64_t order_id) {
        std::map<std::string, std::int64_t> tickets;
        for (const PricedLine& line : priced.lines)
            for (const PricedItem& item : line.items)
                if (!item.offer.empty()) ++tickets[item.offer.value];
        auto insert = db_.prepare("INSERT INTO offer_uses (order_id, account_id, offer_id, tickets) VALUES (?, ?, ?, ?)");
        for (const auto& [offer, count] : tickets) {
            insert.bind(1, order_id).bind(2, account_.id).bind(3, offer).bind(4, count);
            insert.run();
            insert.reset();
        }
    }

    ServerContext& ctx_;
    sqlite::Connection& db_;
    const Catalog& catalog_;
    const Account& account_;
    const OrderRequest& request_;
    Instant now_;
    SeatLedger ledger_;
    std::map<int, std::string> issued_codes_;  // basket line -> pass code issued on it
};

}  // namespace

OrderAnswer place_order(ServerContext& ctx, const Account& account, const OrderRequest& request,
                        const std::string& idempotency_key, const std::string& fingerprint) {
    auto published = ctx.catalog.current();
    if (!published)
        return answer(problem_response(503, "catalog_missing", "No catalog loaded", "The server has no catalog to sell from yet."));
    auto db = ctx.pool.lease();
    sqlite::Transaction transaction(*db, sqlite::Transaction::Kind::immediate);
    const Instant now = ctx.clock.now();
    if (auto stored = find_stored_response(*db, account.id, idempotency_key)) {
        if (stored->fingerprint == fingerprint) return {stored->status, stored->body};
        return answer(problem_response(422, "idempotency_key_reused", "Idempotency key already used",
                                       "This Idempotency-Key was used for a different order request; use a new key for a new request."));
    }
    const Customer customer = load_customer(*db, account.id, account.tags);
    const PricedBasket priced = price_basket(published->catalog, request.basket, customer, now, load_offer_usage(*db));
    try {
        if (!priced.valid) {
            ApiResponse refusal = problem_response(422, "basket_invalid", "The basket cannot be sold",
                                                   priced.problems.empty() ? "The basket cannot be sold."
                                                                           : priced.problems.front().message);
            refusal.body["problems"] = priced_basket_to_json(priced)["problems"];
            throw Refusal{std::move(refusal)};
        }
        check_expected(priced, request);
        OrderTransaction order(ctx, *db, published->catalog, account, request, now);
        const std::int64_t order_id = order.write(priced);
        StoredResponse created{fingerprint, 201, json{{"order", order_json(*db, order_id)}}.dump()};
        store_response(*db, account.id, idempotency_key, created, now);
        transaction.commit();
        return {created.status, created.body};
    } catch (const Refusal& refusal) {
        return answer(refusal.response);
    }
}

}  // namespace encore::server
