// What the hold endpoints do, each all or nothing in the write queue's batch (store/write_queue.hpp);
// hold_routes.cpp turns the outcomes into HTTP answers. A hold made while logged in is visible only to
// that account.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/accounts.hpp"
#include "context/server_context.hpp"
#include "encore/api_problems.hpp"
#include "encore/catalog.hpp"
#include "sales/hold_request.hpp"
#include "store/hold_store.hpp"

namespace encore::server {

struct HoldView {
    HoldRecord record;
    std::vector<SeatRef> seats;
};
struct SeatsUnavailable {
    std::vector<SeatRef> seats;  // every requested seat that is already taken
};
struct HoldRefused {
    nlohmann::json problems;  // as hold_refusal reports them
};
struct HoldNotFound {};
// An on-sale limit (--max-seats-per-hold, --max-seats-per-customer, --max-holds-per-client) stops it.
struct HoldLimitReached {
    ApiProblem code;     // hold_too_large, seat_limit_reached or too_many_holds
    int limit = 0;
    std::string detail;  // a sentence naming the limit
};

using HoldOutcome = std::variant<HoldView, SeatsUnavailable, HoldRefused, HoldNotFound, FieldProblem, HoldLimitReached>;

HoldOutcome create_hold(ServerContext& ctx, const Catalog& catalog, const std::optional<Account>& caller,
                        const HoldRequest& request, const std::string& client_id);
HoldOutcome read_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token);
HoldOutcome extend_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token);
HoldOutcome release_hold_seats(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token,
                               const std::vector<SeatRef>& seats);
HoldOutcome cancel_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token);
// The page keeping the hold was closed: the hold now ends within --hold-grace-seconds (never later than it
// would have), so its seats go back on sale soon, unless the page comes back and extends it (a reload).
HoldOutcome abandon_hold(ServerContext& ctx, const std::optional<Account>& caller, const std::string& token);
// Frees the seats of every hold that has expired by ctx.clock.now(); run by the maintenance thread.
void release_expired_holds(ServerContext& ctx);

}  // namespace encore::server
