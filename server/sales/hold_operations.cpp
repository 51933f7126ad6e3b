// Holds: create, add to, extend, release part of and delete a hold, and free expired ones.
#include "sales/hold_operations.hpp"

#include <algorithm>

#include "context/clock.hpp"
#include "context/options.hpp"
#include "sales/hold_eligibility.hpp"
#include "store/connection_pool.hpp"
#include "store/customer_record.hpp"
#include "store/random_text.hpp"
#include "store/seat_ledger.hpp"

namespace encore::server {
namespace {

using sqlite::Transaction;

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

// Gives the caller's live hold the expiry `expiry(hold, now)` returns, in one transaction.
template <class Expiry>
HoldOutcome set_hold_expiry(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token, Expiry expiry) {
    const Instant now = ctx.clock.now();
    auto db = ctx.pool.lease();
    Transaction transaction(*db, Transaction::Kind::immediate);
    HoldStore holds(*db);
    auto record = find_live(holds, token, caller, now);
    if (!record) return HoldNotFound{};
    record->expires_at = expiry(*record, now);
    holds.set_expiry(token, record->expires_at);
    HoldView view = view_of(holds, std::move(*record));
    transaction.commit();
    return view;
}

}  // namespace

HoldOutcome create_hold(ServerContext& ctx, const Catalog& catalog, const std::optional<Account>& caller,
                        const HoldRequest& request, const std::string& client_id) {
    const Instant now = ctx.clock.now();
    auto db = ctx.pool.lease();
    const Customer customer = caller ? load_customer(*db, caller->id, caller->tags) : Customer{};
    nlohmann::json problems = hold_refusal(catalog, request, customer, now);
    if (!problems.empty()) return HoldRefused{std::move(problems)};
    const std::vector<SeatRef> wanted = seats_to_hold(catalog, request);

    Transaction transaction(*db, Transaction::Kind::immediate);
    HoldStore holds(*db);
    std::optional<HoldRecord> record;
    if (request.hold) {
        record = find_live(holds, *request.hold, caller, now);
        if (!record) return HoldNotFound{};
    } else {
        constexpr std::int64_t seconds_per_minute = 60;
        record = HoldRecord{random_hex(hold_token_bytes), std::nullopt, client_id, now,
                            Instant{now.unix_seconds + ctx.options.hold_minutes * seconds_per_minute},
                            Instant{now.unix_seconds + ctx.options.hold_cap_minutes * seconds_per_minute}};
        record->expires_at = std::min(record->expires_at, record->max_expires_at);
        if (caller) record->account_id = caller->id;
        holds.insert(*record);
    }
    SeatLedger ledger(*db);
    for (const SeatRef& seat : wanted)
        for (const std::string& expired : holds.expired_holding(seat, now)) free_hold(holds, ledger, expired);
    SeatsUnavailable taken;
    for (const SeatRef& seat : wanted)
        if (!ledger.claim(seat.instance, seat.seat, SeatState::held, record->token, std::nullopt))
            taken.seats.push_back(seat);
    if (!taken.seats.empty()) return taken;  // rolled back: nothing of this request is held
    ledger.finish();
    HoldView view = view_of(holds, std::move(*record));
    transaction.commit();
    return view;
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
    return set_hold_expiry(ctx, caller, token, [&](const HoldRecord& hold, Instant now) {
        const Instant wanted{now.unix_seconds + std::int64_t{ctx.options.hold_minutes} * 60};
        return std::max(hold.expires_at, std::min(wanted, hold.max_expires_at));
    });
}

HoldOutcome release_hold_seats(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token,
                               const std::vector<SeatRef>& seats) {
    auto db = ctx.pool.lease();
    Transaction transaction(*db, Transaction::Kind::immediate);
    HoldStore holds(*db);
    auto record = find_live(holds, token, caller, ctx.clock.now());
    if (!record) return HoldNotFound{};
    SeatLedger ledger(*db);
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (!ledger.release_held(seats[i].instance, seats[i].seat, token)) {
            const std::string field = "seats/" + std::to_string(i);
            return FieldProblem{field, "\"" + field + "\": seat " + seats[i].seat.value + " at " +
                                           seats[i].instance.value + " is not in this hold."};
        }
    ledger.finish();
    HoldView view = view_of(holds, std::move(*record));
    transaction.commit();
    return view;
}

HoldOutcome cancel_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token) {
    auto db = ctx.pool.lease();
    Transaction transaction(*db, Transaction::Kind::immediate);
    HoldStore holds(*db);
    auto record = find_live(holds, token, caller, ctx.clock.now());
    if (!record) return HoldNotFound{};
    SeatLedger ledger(*db);
    free_hold(holds, ledger, token);
    ledger.finish();
    transaction.commit();
    return HoldView{std::move(*record), {}};
}

HoldOutcome abandon_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token) {
    return set_hold_expiry(ctx, caller, token, [&](const HoldRecord& hold, Instant now) {
        return std::min(hold.expires_at, Instant{now.unix_seconds + ctx.options.hold_grace_seconds});
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
