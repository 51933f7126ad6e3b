// Who at the box office did what for whom: one row per staff act (a card stored, a series held, a sale,
// a renewal or payment recorded, a pass's expiry moved), inside the caller's transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

struct StaffAct {
    std::int64_t staff_id = 0;
    std::optional<std::int64_t> customer_id;
    std::string act;             // "store_card", "hold_series", "sell", "renewal_action", "pass_expiry"
    nlohmann::json detail;       // what was done, e.g. {"order": "ord_…"}
    Instant at;
};

void record_staff_act(db::Connection& db, const StaffAct& act);
// The acts done for a customer, newest first.
std::vector<StaffAct> staff_acts_for(db::Connection& db, std::int64_t customer_id, int limit);

}  // namespace encore::server
