// The order's rows: the order, its seats, issued and redeemed pass codes, memberships, subscriptions,
// offer uses and the payment, in that order.
#include "store/order_rows.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "encore/pricing_json.hpp"
#include "store/hold_store.hpp"
#include "store/order_reference.hpp"
#include "store/random_text.hpp"
#include "store/seat_ledger.hpp"
#include "store/series_subscribers.hpp"

namespace encore::server {
namespace {

// Thrown inside the writer to stop at the first refusal.
struct Refused {
    OrderWrite outcome;
};

// The presented holds that are the caller's (or anonymous) and have not expired.
std::set<std::string> usable_holds(db::Connection& db, const std::vector<std::string>& tokens, std::int64_t account_id,
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

class OrderRows {
public:
    OrderRows(db::Connection& db, const Catalog& catalog, const OrderDraft& draft)
        : db_(db), catalog_(catalog), draft_(draft), ledger_(db) {}

    // Writes everything for the priced basket; returns the new order's id.
    std::int64_t write() {
        const PricedBasket& priced = draft_.priced;
        std::unique_ptr<PaymentProvider> provider;
        if (draft_.method == PaymentMethod::card) provider = std::make_unique<TestCardProvider>(db_);
        else provider = std::make_unique<InvoiceProvider>(db_);
        const std::string reference = "ord_" + random_hex(12);
        const std::string short_reference = new_short_reference(db_);
        const std::int64_t order_id = insert_order(priced, reference, short_reference, *provider);
        take_seats(priced, order_id, provider->seat_state());
        issue_passes(priced, order_id);
        record_redemptions(priced, order_id);
        record_memberships_and_subscriptions(order_id);
        record_offer_uses(priced, order_id);
        PaymentOutcome outcome =
            provider->pay({order_id, draft_.account_id, reference, priced.total, draft_.card_token, draft_.now, short_reference});
        if (!outcome.accepted) throw Refused{PaymentRefused{outcome.reason}};
        if (provider->method() == PaymentMethod::card) subscribe_paid_series(priced, order_id);
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

    std::int64_t insert_order(const PricedBasket& priced, const std::string& reference, const std::string& short_reference,
                              const PaymentProvider& provider) {
        const bool card = provider.method() == PaymentMethod::card;
        const Instant now = draft_.now;
        auto insert = db_.prepare(
            "INSERT INTO orders (reference, account_id, status, channel, currency, total, basket_json, priced_json, "
            "payment_method, due_at, created_at, paid_at, short_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id");
        insert.bind(1, reference).bind(2, draft_.account_id).bind(3, card ? "paid" : "reserved");
        insert.bind(4, channel_name(draft_.basket.channel));
        insert.bind(5, priced.currency.code).bind(6, priced.total);
        insert.bind(7, draft_.basket_json.empty() ? basket_to_json(draft_.basket).dump() : draft_.basket_json);
        insert.bind(8, draft_.priced_json.empty() ? priced_basket_to_json(priced).dump() : draft_.priced_json);
        insert.bind(9, payment_method_name(provider.method()));
        if (card) insert.bind_null(10);
        else insert.bind(10, InvoiceProvider::due_at(now, draft_.invoice_days, first_performance(priced)).unix_seconds);
        insert.bind(11, now.unix_seconds);
        if (card) insert.bind(12, now.unix_seconds);
        else insert.bind_null(12);
        insert.bind(13, short_reference);
        if (!insert.step()) throw std::runtime_error("inserting an order returned no id");
        const std::int64_t id = insert.integer(0);
        insert.reset();
        return id;
    }

    void take_seats(const PricedBasket& priced, std::int64_t order_id, SeatState state) {
        const std::set<std::string> holds = usable_holds(db_, draft_.holds, draft_.account_id, draft_.now);
        HoldStore hold_store(db_);
        std::map<SeatRef, std::string> held_for_order;  // seat -> the presented hold that keeps it
        std::map<std::string, std::size_t> hold_size;   // hold token -> seats it keeps
        for (const std::string& token : holds) {
            const std::vector<SeatRef> held = hold_store.held_seats(token);
            hold_size[token] = held.size();
            for (const SeatRef& seat : held) held_for_order[seat] = token;
        }
        std::map<std::string, std::vector<SeatRef>> from_hold;  // hold token -> the order's seats it keeps
        std::vector<SeatRef> to_claim;
        std::map<SeatRef, int> lines;
        for (const PricedLine& line : priced.lines)
            for (const PricedItem& item : line.items) {
                if (item.instance.empty()) continue;
                const SeatRef seat{item.instance, item.seat};
                lines.try_emplace(seat, line.index);
                const auto held = held_for_order.find(seat);
                if (held != held_for_order.end()) from_hold[held->second].push_back(seat);
                else to_claim.push_back(seat);
            }
        auto refuse = [&](const SeatRef& seat) { throw Refused{SeatNotFree{lines.at(seat), seat.instance, seat.seat}}; };
        for (const auto& [token, seats] : from_hold) {
            // The whole hold becomes the order's in one statement; a part of it, seat by seat.
            if (seats.size() == hold_size.at(token)) {
                if (!ledger_.convert_hold_all(token, seats, state, order_id, draft_.owner)) refuse(seats.front());
                continue;
            }
            for (const SeatRef& seat : seats)
                if (!ledger_.convert_held(seat.instance, seat.seat, token, state, order_id, draft_.owner)) refuse(seat);
        }
        const std::vector<SeatRef> not_free = ledger_.claim_all(to_claim, state, "", order_id, draft_.owner);
        // The refusal names the first seat of the basket that was not free.
        for (const SeatRef& seat : to_claim)
            if (std::find(not_free.begin(), not_free.end(), seat) != not_free.end()) refuse(seat);
        for (const std::string& token : holds) hold_store.remove_if_empty(token);
    }

    void issue_passes(const PricedBasket& priced, std::int64_t order_id) {
        auto insert = db_.prepare(
            "INSERT INTO passes (code, pass_id, account_id, order_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)");
        for (const PricedLine& line : priced.lines) {
            if (line.kind != LineKind::pass) continue;
            const ProductId& pass_id = draft_.basket.lines.at(static_cast<std::size_t>(line.index)).product;
            const FlexPass* pass = catalog_.find_pass(pass_id);
            if (!pass) throw std::logic_error("a priced pass line names a pass the catalog does not have");
            std::string code = "FLEX";
            for (int group = 0; group < 4; ++group) code += "-" + random_base32(4);
            insert.bind(1, code).bind(2, pass_id.value).bind(3, draft_.account_id).bind(4, order_id);
            insert.bind(5, pass->expires_at(draft_.now).unix_seconds).bind(6, draft_.now.unix_seconds);
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
        for (const BasketLine& line : draft_.basket.lines) {
            if (line.kind == LineKind::membership) {
                const Membership* product = catalog_.find_membership(line.product);
                if (!product) throw std::logic_error("a priced membership line names a membership the catalog does not have");
                const auto [starts, ends] = product->valid_period(draft_.now);
                membership.bind(1, draft_.account_id).bind(2, line.product.value).bind(3, starts.unix_seconds);
                membership.bind(4, ends.unix_seconds).bind(5, order_id);
                membership.run();
                membership.reset();
            } else if (line.kind == LineKind::series) {
                subscription.bind(1, draft_.account_id).bind(2, line.product.value).bind(3, line.group.value);
                subscription.bind(4, line.seat.value).bind(5, order_id).bind(6, draft_.now.unix_seconds);
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
            insert.bind(1, order_id).bind(2, draft_.account_id).bind(3, offer).bind(4, count);
            insert.run();
            insert.reset();
        }
    }

    // A paid order's series lines become subscriber records (an invoice's when it is paid).
    void subscribe_paid_series(const PricedBasket& priced, std::int64_t order_id) {
        std::vector<std::int64_t> totals(draft_.basket.lines.size(), 0);
        for (const PricedLine& line : priced.lines)
            if (line.index >= 0 && static_cast<std::size_t>(line.index) < totals.size()) totals[static_cast<std::size_t>(line.index)] = line.total;
        const Actor actor = draft_.acting_staff ? Actor{ActorKind::staff, std::to_string(draft_.acting_staff)}
                                                : Actor{ActorKind::customer, std::to_string(draft_.account_id)};
        subscribe_series_lines(db_, catalog_, ledger_, draft_.account_id, order_id, draft_.basket, totals, actor, draft_.now);
    }

    db::Connection& db_;
    const Catalog& catalog_;
    const OrderDraft& draft_;
    SeatLedger ledger_;
    std::map<int, std::string> issued_codes_;  // basket line -> pass code issued on it
};

}  // namespace

OrderWrite write_order(db::Connection& db, const Catalog& catalog, const OrderDraft& draft) {
    try {
        return OrderWritten{OrderRows(db, catalog, draft).write()};
    } catch (const Refused& refused) {
        return refused.outcome;
    }
}

}  // namespace encore::server
