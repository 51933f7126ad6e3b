// API half of the audit: GET /api/orders/{reference} as the owner, and availability per instance.
#include <algorithm>
#include <map>
#include <set>

#include "api_client.hpp"
#include "audit.hpp"

namespace encore::load {

void audit_api(const std::string& host, int port, const Catalog& catalog, const std::vector<Attempt>& attempts,
               const AuditOptions& options, AuditResult& result) {
    auto& bad = result.violations;
    ApiClient api(host, port);
    std::map<std::string, std::set<std::string>> acknowledged_seats;  // instance -> seats sold to some client
    std::map<std::string, long> sold_rows_expected;
    for (const auto& attempt : attempts) {
        if (!attempt.acknowledged()) continue;
        api.set_token(attempt.token);
        Reply order = api.get("/api/orders/" + attempt.reference);
        if (order.status != 200)
            bad.push_back("GET /api/orders/" + attempt.reference + " as its owner answered " + std::to_string(order.status) +
                          (order.code().empty() ? "" : " " + order.code()));
        else if (order.body.value("order", nlohmann::json::object()).value("reference", "") != attempt.reference)
            bad.push_back("GET /api/orders/" + attempt.reference + " answered another order");
        for (const auto& [instance, seat] : attempt.seats) {
            acknowledged_seats[instance].insert(seat);
            ++sold_rows_expected[instance];
        }
    }
    api.set_token({});
    for (const auto& [instance_id, seats] : acknowledged_seats) {
        const Instance* instance = catalog.find_instance(InstanceId{instance_id});
        const Venue* venue = instance ? catalog.find_venue(instance->venue) : nullptr;
        if (!venue) {
            bad.push_back("acknowledged seats at " + instance_id + ", which is not in the catalog");
            continue;
        }
        Reply availability = api.get("/api/instances/" + instance_id + "/availability");
        const std::string states = availability.body.is_object() ? availability.body.value("seats", "") : "";
        if (availability.status != 200 || states.size() != venue->plan.seats.size()) {
            bad.push_back("availability of " + instance_id + " answered " + std::to_string(availability.status));
            continue;
        }
        for (const auto& seat : seats) {
            auto index = venue->plan.seat_index(SeatId{seat});
            if (!index || states[*index] != 's')
                bad.push_back("availability shows " + instance_id + "/" + seat + ", sold to a client, as '" +
                              (index ? std::string(1, states[*index]) : std::string("?")) + "'");
        }
        const long sold = static_cast<long>(std::count(states.begin(), states.end(), 's'));
        if (options.final_state && sold != sold_rows_expected[instance_id])
            bad.push_back("availability of " + instance_id + " shows " + std::to_string(sold) + " seats sold, clients were told " +
                          std::to_string(sold_rows_expected[instance_id]));
    }
}

}  // namespace encore::load
