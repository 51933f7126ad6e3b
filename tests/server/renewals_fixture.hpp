// A renewal campaign to test against: the core's renewals catalog (tests/core/fixtures, a 2027 package on
// a hall and its 2028 successor on a plan that differs, a shell package, memberships and passes that
// renew) on a real server, with helpers to buy, act on records, move the clock and wait for the scheduler.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "order_fixture.hpp"

namespace encore::test {

inline constexpr const char* campaign_start = "2026-12-01T12:00:00Z";
inline const std::string approved_card = "4242424242424242";
inline const std::string declined_card = "4000000000000002";

class Campaign : public Shop {
public:
    explicit Campaign(std::vector<std::string> extra_args = {}, const std::string& catalog_path = ENCORE_RENEWALS_CATALOG);

    // Buys a seat (or seats) of a group of a package for the customer; returns the order.
    nlohmann::json buy_series(const std::string& token, const std::string& package, const std::string& group,
                              const std::vector<std::string>& seats, const nlohmann::json& payment);
    // The customer's records, and one by id; the id of their only record.
    nlohmann::json records(const std::string& token);
    long long only_record(const std::string& token);
    nlohmann::json record(const std::string& token, long long id);
    // The staff view {"subscriber_record", "history"}.
    nlohmann::json staff_record(long long id);
    // POST .../actions as the customer or (staff = true) as the admin; any answer.
    httplib::Result act(const std::string& token, long long id, const nlohmann::json& body);
    httplib::Result staff_act(long long id, const nlohmann::json& body);
    // Moves the clock and waits until the scheduler has run up to it.
    void move_to(const std::string& now);
    void wait_for_scheduler(const std::string& now);
    // The actions a view offers, by name ("renew" once per instalment option).
    static std::vector<std::string> action_names(const nlohmann::json& view);
    // The history actions of a record, in order.
    std::vector<std::string> history_actions(long long id);
    // Every subscriber's projection row agrees with its history replayed by the core.
    void check_projections();
};

}  // namespace encore::test
