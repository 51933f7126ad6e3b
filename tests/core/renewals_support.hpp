// Helpers for the renewal tests: the fixture catalog (tests/core/fixtures/renewals_catalog.json: a
// 2027 package on an old plan, a 2028 package of the same lineage on a new plan with renewal dates,
// a 2026 shell package, memberships and passes that renew), and states built from history rows.
#pragma once
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "encore/catalog_json.hpp"
#include "encore/renewals.hpp"
#include "encore/rollover.hpp"
#include "pricing_support.hpp"

namespace rtest {

using nlohmann::json;

inline json catalog_json() { return test::fixture_json("renewals_catalog.json"); }

inline std::string describe(const encore::Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += p.path + " [" + p.code + "] " + p.message + "\n";
    return out;
}

inline encore::Catalog catalog(const std::function<void(json&)>& change = {}) {
    return test::fixture(change, "renewals_catalog.json");
}

using test::at;

inline encore::Actor customer() { return {encore::ActorKind::customer, "c-1"}; }
inline encore::Actor staff() { return {encore::ActorKind::staff, "alice"}; }
inline encore::Actor system() { return {}; }

inline std::vector<encore::SeatId> seats(std::initializer_list<const char*> ids) {
    std::vector<encore::SeatId> out;
    for (const char* id : ids) out.push_back({id});
    return out;
}

// A history and its state, growing by appending rows the core produced.
struct Record {
    std::vector<encore::HistoryRow> history;
    encore::SubscriberState state;

    void append(const std::vector<encore::HistoryRow>& rows) {
        for (const auto& row : rows) {
            history.push_back(row);
            encore::fold(state, row);
        }
    }
};

// A 2027 subscriber (Tuesday evenings, Stalls B1 + B2 unless told), bought in full on 2026-11-10.
inline Record subscriber_2027(const encore::Catalog& c, std::vector<const char*> seat_ids = {"ST-B-1", "ST-B-2"}) {
    encore::NewSubscription buy;
    buy.package = {"sub27"};
    buy.group = {"tue"};
    for (const char* s : seat_ids) buy.seats.push_back({s});
    buy.total = 10000;
    encore::ActionResult r = encore::subscribe(c, buy, customer(), {}, at("2026-11-10T12:00:00Z"));
    if (!r.check.ok) throw std::runtime_error("subscribe refused: " + r.check.message);
    Record rec;
    rec.append(r.rows);
    return rec;
}

// The same subscriber rolled over onto the 2028 package on 2027-01-15: Pending, S-B-1 + S-B-2 reserved.
inline Record pending_2028(const encore::Catalog& c) {
    Record rec = subscriber_2027(c);
    const auto batch = encore::plan_rollover(c, {{"sub27"}, {"sub28"}}, {rec.state}, {}, at("2027-01-15T00:00:00Z"));
    if (batch.rows.size() != 1 || !batch.issues.empty()) throw std::runtime_error("the fixture's rollover did not map");
    rec.append({batch.rows[0].second});
    return rec;
}

// Applies an action that must succeed.
inline void act(const encore::Catalog& c, Record& rec, const encore::RenewalAction& a, const char* now,
                const encore::Facts& facts = {}) {
    const encore::ActionResult r = encore::apply_action(c, rec.state, a, facts, at(now));
    if (!r.check.ok) throw std::runtime_error("action refused: " + r.check.code + ": " + r.check.message);
    rec.append(r.rows);
}

inline encore::RenewalAction action(encore::ActionKind kind, encore::Actor actor, std::int64_t total = 0) {
    encore::RenewalAction a;
    a.kind = kind;
    a.actor = std::move(actor);
    a.total = total;
    return a;
}

}  // namespace rtest
