// The renewal scheduler's memory, inside the caller's transaction: how far along the server clock it has
// run, the catalog its projections were computed from, and the rollovers it has done with what staff
// must map by hand.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encore/ids.hpp"
#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

struct RolloverIssueRow {
    std::string from, to;
    std::int64_t subscriber_id = 0;
    std::string seat;
    std::string code;
    std::string message;
};

struct RolloverDone {
    std::string from, to;
    Instant processed_at;
    std::int64_t subscribers = 0;
};

class RenewalSchedule {
public:
    explicit RenewalSchedule(db::Connection& db) : db_(db) {}

    std::optional<std::string> value(const std::string& name);
    void set_value(const std::string& name, const std::string& value);
    // The instant up to which every date has been processed, or nullopt before the first run.
    std::optional<Instant> processed_until();
    void set_processed_until(Instant t);

    bool rollover_done(const ProductId& from, const ProductId& to);
    // Records a rollover (the first time) or later subscribers rolled by it, with their issues.
    void record_rollover(const ProductId& from, const ProductId& to, std::int64_t subscribers,
                         const std::vector<RolloverIssueRow>& issues, Instant now);
    std::vector<RolloverDone> rollovers();
    std::vector<RolloverIssueRow> rollover_issues(std::optional<std::int64_t> subscriber_id = std::nullopt);

private:
    db::Connection& db_;
};

}  // namespace encore::server
