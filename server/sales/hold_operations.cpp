// Holds: create, add to, extend, release part of and delete a hold, and free expired ones.
#include "sales/hold_operations.hpp"

#include <algorithm>
#include <map>

#include "context/clock.hpp"
#include "context/options.hpp"
#include "sales/hold_eligibility.hpp"
#include "sales/priority_lane.hpp"
#include "store/connection_pool.hpp"
#include "store/customer_record.hpp"
#include "store/random_text.hpp"
#include "store/seat_ledger.hpp"
#include "store/seat_limits.hpp"
#include "store/write_queue.hpp"

namespace encore::server {
namespace {

using db::Transaction;

bool visible_to(const HoldRecord& hold, const std::optional<Account>& caller, Instant now) {
    if (hold.expires_at <= now) return false;
    return !hold.account_id || (caller && caller->id == *hold.account_id);
}

// The caller's live hold, or nullopt when it is unknown, expired or someone else's.
std::optional<HoldRecord> find_live(HoldStore& holds, const std::string& token, const std::optional<Account>& caller,
                                    Instant now) {
    if (!is_hold_token(token)) return std::nullopt;
    auto hold = holds.find(token);
    if (!hold || !visible_to(*hold, caller, now)) return std::nullopt;
    return hold;
}

void free_hold(HoldStore& holds, SeatLedger& ledger, const std::string& token) {
    ledger.release_hold(token);
    holds.remove(token);
}

HoldView view_of(HoldStore& holds, HoldRecord record) {
    std::vector<SeatRef> seats = holds.held_seats(record.token);
    return {std::move(record), std::move(seats)};
}


// The first on-sale limit the request would pass, or nullopt.
std::optional<HoldLimitReached> hold_limit(const Options& options, db::Connection& db,
                                           const std::optional<HoldRecord>& existing, const std::vector<SeatRef>& wanted,
                                           const std::optional<Account>& caller, const std::string& client_id,
                                           const std::string& owner, Instant now) {
    std::map<std::string, int> per_instance;  // instance -> seats wanted there
    for (const SeatRef& seat : wanted) ++per_instance[seat.instance.value];
    if (existing) {
        std::map<std::string, int> in_hold;
        for (const SeatRef& seat : HoldStore(db).held_seats(existing->token)) ++in_hold[seat.instance.value];
        for (const auto& [instance, count] : per_instance)
            if (count + in_hold[instance] > options.max_seats_per_hold)
                return HoldLimitReached{ApiProblem::hold_too_large, options.max_seats_per_hold,
                                        "One hold can keep at most " + std::to_string(options.max_seats_per_hold) +
                                            " seats of a performance."};
    } else {
        for (const auto& [instance, count] : per_instance)
            if (count > options.max_seats_per_hold)
                return HoldLimitReached{ApiProblem::hold_too_large, options.max_seats_per_hold,
                                        "One hold can keep at most " + std::to_string(options.max_seats_per_hold) +
                                            " seats of a performance."};
        const int live = caller ? live_holds_of_account(db, caller->id, now) : live_holds_of_client(db, client_id, now);
        if (live >= options.max_holds_per_client)
            return HoldLimitReached{ApiProblem::too_many_holds, options.max_holds_per_client,
                                    "You already have " + std::to_string(live) + " holds; buy or release one first (at most " +
                                        std::to_string(options.max_holds_per_client) + ")."};
    }
    const std::map<std::string, int> owned_by_instance = owned_seats_by_instance(db, owner);
    for (const auto& [instance, count] : per_instance) {
        const auto found = owned_by_instance.find(instance);
        const int owned = found == owned_by_instance.end() ? 0 : found->second;
        if (owned + count > options.max_seats_per_customer)
            return HoldLimitReached{ApiProblem::seat_limit_reached, options.max_seats_per_customer,
                                    "You already hold or have bought " + std::to_string(owned) + " seats at " + instance +
                                        "; one customer can have at most " + std::to_string(options.max_seats_per_customer) +
                                        " seats of a performance."};
    }
    return std::nullopt;
}


// Runs `change(holds, db, record, now)` on the caller's live hold in the write queue; its changes are kept
// when it answers a HoldView. HoldNotFound when the hold is unknown, expired or someone else's.
template <class Change>
HoldOutcome change_live_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token,
                             Change&& change) {
    const Instant now = ctx.clock.now();
    std::vector<SeatRef> seats;
    {
        auto db = ctx.pool.lease();
        seats = HoldStore(*db).held_seats(token);
    }
    HoldOutcome outcome = HoldNotFound{};
    ctx.writes.run([&](db::Connection& db) {
        HoldStore holds(db);
        auto record = find_live(holds, token, caller, now);
        if (!record) return false;
        outcome = change(holds, db, *record, now);
        return std::holds_alternative<HoldView>(outcome);
    }, WriteLane::ordinary, performance_turns(seats));
    return outcome;
}

}  // namespace

HoldOutcome create_hold(ServerContext& ctx, const Catalog& catalog, const std::optional<Account>& caller,
                        const HoldRequest& request, const std::string& client_id) {
    const Instant now = ctx.clock.now();
    Customer customer;
    if (caller) {
        auto db = ctx.pool.lease();
        customer = load_customer(*db, caller->id, caller->tags);
    }
    nlohmann::json problems = hold_refusal(catalog, request, customer, now);
    if (!problems.empty()) return HoldRefused{std::move(problems)};
    const std::vector<SeatRef> wanted = seats_to_hold(catalog, request);
    const bool limited = !caller || caller->role == Role::customer;
    const std::string owner = caller ? account_owner(caller->id) : client_owner(client_id);

    HoldOutcome outcome = HoldNotFound{};
    ctx.writes.run([&](db::Connection& db) {
        HoldStore holds(db);
        std::optional<HoldRecord> record;
        if (request.hold) {
            record = find_live(holds, *request.hold, caller, now);
            if (!record) return false;
        }
        if (limited) {
            if (auto limit = hold_limit(ctx.options, db, record, wanted, caller, client_id, owner, now)) {
                outcome = std::move(*limit);
                return false;
            }
        }
        if (!record) {
            constexpr std::int64_t seconds_per_minute = 60;
            record = HoldRecord{random_hex(hold_token_bytes), std::nullopt, client_id, now,
                                Instant{now.unix_seconds + ctx.options.hold_minutes * seconds_per_minute},
                                Instant{now.unix_seconds + ctx.options.hold_cap_minutes * seconds_per_minute}};
            record->expires_at = std::min(record->expires_at, record->max_expires_at);
            if (caller) record->account_id = caller->id;
            holds.insert(*record);
        }
        SeatLedger ledger(db);
        const std::vector<SeatRef> not_claimed = ledger.claim_all(wanted, SeatState::held, record->token, std::nullopt, owner);
        // A seat may still be kept by a hold that has expired but was not swept yet: free it and try again.
        bool freed = false;
        for (const SeatRef& seat : not_claimed)
            for (const std::string& expired : holds.expired_holding(seat, now)) {
                free_hold(holds, ledger, expired);
                freed = true;
            }
        if (freed) ledger.finish();  // the freed seats' rows are gone before they are claimed again
        SeatsUnavailable taken;
        if (!not_claimed.empty())
            taken.seats = ledger.claim_all(not_claimed, SeatState::held, record->token, std::nullopt, owner);
        if (!taken.seats.empty()) {
            outcome = std::move(taken);  // rolled back: nothing of this request is held
            return false;
        }
        ledger.finish();
        outcome = view_of(holds, std::move(*record));
        return true;
    }, write_lane(request), performance_turns(wanted));
    return outcome;
}

HoldOutcome read_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token) {
    auto db = ctx.pool.lease();
    Transaction snapshot(*db, Transaction::Kind::deferred);
    HoldStore holds(*db);
    auto record = find_live(holds, token, caller, ctx.clock.now());
    if (!record) return HoldNotFound{};
    HoldView view = view_of(holds, std::move(*record));
    snapshot.commit();
    return view;
}

HoldOutcome extend_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token) {
    return change_live_hold(ctx, caller, token, [&](HoldStore& holds, db::Connection&, HoldRecord& record, Instant now) {
        const Instant wanted{now.unix_seconds + std::int64_t{ctx.options.hold_minutes} * 60};
        record.expires_at = std::max(record.expires_at, std::min(wanted, record.max_expires_at));
        holds.set_expiry(token, record.expires_at);
        return HoldOutcome{view_of(holds, std::move(record))};
    });
}

HoldOutcome release_hold_seats(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token,
                               const std::vector<SeatRef>& seats) {
    return change_live_hold(ctx, caller, token, [&](HoldStore& holds, db::Connection& db, HoldRecord& record, Instant) {
        SeatLedger ledger(db);
        for (std::size_t i = 0; i < seats.size(); ++i)
            if (!ledger.release_held(seats[i].instance, seats[i].seat, token)) {
                const std::string field = "seats/" + std::to_string(i);
                return HoldOutcome{FieldProblem{field, "\"" + field + "\": seat " + seats[i].seat.value + " at " +
                                                           seats[i].instance.value + " is not in this hold."}};
            }
        ledger.finish();
        return HoldOutcome{view_of(holds, std::move(record))};
    });
}

HoldOutcome cancel_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token) {
    return change_live_hold(ctx, caller, token, [&](HoldStore& holds, db::Connection& db, HoldRecord& record, Instant) {
        SeatLedger ledger(db);
        free_hold(holds, ledger, token);
        ledger.finish();
        return HoldOutcome{HoldView{std::move(record), {}}};
    });
}

HoldOutcome abandon_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token) {
    return change_live_hold(ctx, caller, token, [&](HoldStore& holds, db::Connection&, HoldRecord& record, Instant now) {
        record.expires_at = std::min(record.expires_at, Instant{now.unix_seconds + ctx.options.hold_grace_seconds});
        holds.set_expiry(token, record.expires_at);
        return HoldOutcome{view_of(holds, std::move(record))};
    });
}

void release_expired_holds(ServerContext& ctx) {
    constexpr int batch = 200;
    const Instant now = ctx.clock.now();
    auto db = ctx.pool.lease();
    HoldStore holds(*db);
    if (holds.expired(now, 1).empty()) return;  // the common case takes no write lock
    for (bool more = true; more;) {
        Transaction transaction(*db, Transaction::Kind::immediate);
        const std::vector<std::string> tokens = holds.expired(now, batch);
        SeatLedger ledger(*db);
        for (const std::string& token : tokens) free_hold(holds, ledger, token);
        ledger.finish();
        transaction.commit();
        more = tokens.size() == batch;
    }
}

}  // namespace encore::server
