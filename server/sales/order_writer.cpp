// The order: priced from a snapshot, then in the write queue's batch: replay, or re-price if what the
// price depended on changed, compare with what the client expected, write the order (store/order_rows),
// check the on-sale limits, answer a refusal as a problem, store the answer under the key.
#include "sales/order_writer.hpp"

#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "catalog/catalog_state.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "encore/money.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "http/api_response.hpp"
#include "sales/priority_lane.hpp"
#include "store/connection_pool.hpp"
#include "store/customer_record.hpp"
#include "store/idempotency.hpp"
#include "store/order_rows.hpp"
#include "store/order_view.hpp"
#include "store/seat_limits.hpp"
#include "store/write_queue.hpp"

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
            409, ApiProblem::price_changed, "The price has changed",
            "Line " + std::to_string(line.index) + " (" + line.description + ") costs " + money_text(line.total, priced.currency) +
                ", not " + money_text(expected, priced.currency) + "; the order total is " +
                money_text(priced.total, priced.currency) + ". Check the basket and order again.");
        refusal.body.update({{"line", line.index}, {"expected", expected}, {"actual", line.total},
                             {"expected_total", request.expected_total}, {"actual_total", priced.total}});
        throw Refusal{std::move(refusal)};
    }
    if (request.expected_total == priced.total) return;
    ApiResponse refusal = problem_response(409, ApiProblem::price_changed, "The price has changed",
                                           "The order total is " + money_text(priced.total, priced.currency) + ", not " +
                                               money_text(request.expected_total, priced.currency) +
                                               ". Check the basket and order again.");
    refusal.body.update({{"line", nullptr}, {"expected_total", request.expected_total}, {"actual_total", priced.total}});
    throw Refusal{std::move(refusal)};
}

// The problem to answer for a refused write.
ApiResponse refusal_of(const SeatNotFree& seat) {
    ApiResponse refusal = problem_response(
        409, ApiProblem::seats_unavailable, "Seat not available",
        "Line " + std::to_string(seat.line) + ": seat " + seat.seat.value + " at " + seat.instance.value +
            " is taken or held by someone else. Choose another seat, or present the hold that keeps it for you.");
    refusal.body.update({{"line", seat.line}, {"instance", seat.instance.value}, {"seat", seat.seat.value}});
    return refusal;
}

ApiResponse refusal_of(const PaymentRefused& payment) {
    ApiResponse refusal = problem_response(402, ApiProblem::payment_declined, "Payment declined",
                                           "The card was declined (" + payment.reason +
                                               "); nothing was ordered. Try another card or pay by invoice.");
    refusal.body["reason"] = payment.reason;
    return refusal;
}

// The refusal of an order that would pass an on-sale limit (--max-seats-per-customer,
// --max-invoice-seats), checked after its rows are written and before they are kept.
std::optional<ApiResponse> limit_refusal(db::Connection& db, const Options& options, const Account& account,
                                         const OrderRequest& request, const PricedBasket& priced, const std::string& owner) {
    std::set<std::string> instances;
    for (const PricedLine& line : priced.lines)
        for (const PricedItem& item : line.items)
            if (!item.instance.empty()) instances.insert(item.instance.value);
    const std::map<std::string, int> owned_by_instance = owned_seats_by_instance(db, owner);
    for (const std::string& instance : instances) {
        const auto found = owned_by_instance.find(instance);
        const int owned = found == owned_by_instance.end() ? 0 : found->second;
        if (owned <= options.max_seats_per_customer) continue;
        ApiResponse refusal = problem_response(409, ApiProblem::seat_limit_reached, "Seat limit reached",
                                               "This order would give you " + std::to_string(owned) + " seats at " + instance +
                                                   "; one customer can have at most " +
                                                   std::to_string(options.max_seats_per_customer) + " seats of a performance.");
        refusal.body["limit"] = options.max_seats_per_customer;
        return refusal;
    }
    if (request.method != PaymentMethod::invoice) return std::nullopt;
    const int unpaid = unpaid_invoice_seats(db, account.id);
    if (unpaid <= options.max_invoice_seats) return std::nullopt;
    ApiResponse refusal = problem_response(409, ApiProblem::invoice_limit_reached, "Invoice limit reached",
                                           "This order would leave " + std::to_string(unpaid) +
                                               " seats reserved on unpaid invoices; at most " +
                                               std::to_string(options.max_invoice_seats) +
                                               " are allowed per account. Pay an invoice, or pay by card.");
    refusal.body["limit"] = options.max_invoice_seats;
    return refusal;
}

bool same_customer(const Customer& a, const Customer& b) { return customer_to_json(a) == customer_to_json(b); }
bool same_usage(const OfferUsage& a, const OfferUsage& b) { return a.tickets == b.tickets; }

OrderAnswer replay(const StoredResponse& stored, const std::string& fingerprint) {
    if (stored.fingerprint == fingerprint) return {stored.status, stored.body};
    return answer(problem_response(422, ApiProblem::idempotency_key_reused, "Idempotency key already used",
                                   "This Idempotency-Key was used for a different order request; use a new key for a new request."));
}

}  // namespace

OrderAnswer place_order(ServerContext& ctx, const Account& account, const OrderRequest& request,
                        const std::string& idempotency_key, const std::string& fingerprint, std::int64_t acting_staff,
                        const std::function<void(db::Connection&, const std::string& reference)>& also) {
    auto published = ctx.catalog.current();
    if (!published)
        return answer(problem_response(503, ApiProblem::catalog_missing, "No catalog loaded", "The server has no catalog to sell from yet."));
    const Instant now = ctx.clock.now();
    // Price from a snapshot outside the write lock (the costly part); the writer prices again only if
    // what the price depended on changed meanwhile.
    Customer customer;
    OfferUsage usage;
    {
        auto db = ctx.pool.lease();
        db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
        if (auto stored = find_stored_response(*db, account.id, idempotency_key)) return replay(*stored, fingerprint);
        customer = load_customer(*db, account.id, account.tags);
        usage = load_offer_usage(*db);
        snapshot.commit();
    }
    PricedBasket priced = price_basket(published->catalog, request.basket, customer, now, usage);
    // The texts the order row stores, made here rather than while every other write waits.
    const std::string basket_json = basket_to_json(request.basket).dump();
    std::string priced_json = priced_basket_to_json(priced).dump();
    const bool limited = account.role == Role::customer && request.basket.channel != Channel::box_office;
    const std::string owner = account_owner(account.id);

    // The write queue's turns (PostgreSQL): orders one at a time, each after the writes of its performances.
    std::vector<std::string> turns{std::string(orders_turn)};
    for (const PricedLine& line : priced.lines)
        for (const PricedItem& item : line.items) turns.push_back(performance_turn(item.instance.value));
    OrderAnswer result;
    ctx.writes.run([&](db::Connection& db) {
        if (auto stored = claim_idempotency_key(db, account.id, idempotency_key, now)) {
            result = replay(*stored, fingerprint);
            return false;
        }
        const Customer current = load_customer(db, account.id, account.tags);
        const OfferUsage current_usage = load_offer_usage(db);
        if (!same_customer(current, customer) || !same_usage(current_usage, usage)) {
            priced = price_basket(published->catalog, request.basket, current, now, current_usage);
            priced_json.clear();
        }
        try {
            if (!priced.valid) {
                ApiResponse refusal = problem_response(422, ApiProblem::basket_invalid, "The basket cannot be sold",
                                                       priced.problems.empty() ? "The basket cannot be sold."
                                                                               : priced.problems.front().message);
                refusal.body["problems"] = priced_basket_to_json(priced)["problems"];
                throw Refusal{std::move(refusal)};
            }
            check_expected(priced, request);
            const OrderWrite written = write_order(db, published->catalog,
                                                   {account.id, request.basket, priced, request.holds, request.method,
                                                    request.card_token, now, ctx.options.invoice_days, owner, acting_staff,
                                                    basket_json, priced_json});
            if (const auto* seat = std::get_if<SeatNotFree>(&written)) throw Refusal{refusal_of(*seat)};
            if (const auto* payment = std::get_if<PaymentRefused>(&written)) throw Refusal{refusal_of(*payment)};
            if (limited)
                if (auto refusal = limit_refusal(db, ctx.options, account, request, priced, owner))
                    throw Refusal{std::move(*refusal)};
            const std::int64_t order_id = std::get<OrderWritten>(written).order_id;
            const json order = order_json(db, order_id);
            if (also) also(db, order.value("reference", std::string()));
            StoredResponse created{fingerprint, 201, json{{"order", order}}.dump()};
            complete_response(db, account.id, idempotency_key, created);
            result = {created.status, created.body};
            return true;
        } catch (const Refusal& refusal) {
            result = answer(refusal.response);
            return false;
        }
    }, write_lane(request.basket), turns);
    return result;
}

}  // namespace encore::server
