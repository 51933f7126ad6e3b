// The campaign's helpers: orders priced by the core, record actions, the clock and the scheduler.
#include "renewals_fixture.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "encore/renewals_json.hpp"
#include "store/database.hpp"
#include "store/subscriber_store.hpp"

namespace encore::test {

using nlohmann::json;

Campaign::Campaign(std::vector<std::string> extra_args, const std::string& catalog_path)
    : Shop(catalog_path, [&] {
          extra_args.insert(extra_args.end(), {"--session-hours", "8760"});
          return extra_args;
      }(), campaign_start) {}

json Campaign::buy_series(const std::string& token, const std::string& package, const std::string& group,
                          const std::vector<std::string>& seats, const json& payment) {
    json lines = json::array();
    for (const std::string& seat : seats) lines.push_back({{"kind", "series"}, {"series", package}, {"group", group}, {"seat", seat}});
    static int key = 0;
    auto result = post_order(token, order_body(token, web_basket(lines), payment), "series-" + std::to_string(++key));
    INFO(result->body);
    REQUIRE(result->status == 201);
    return body_json(result)["order"];
}

json Campaign::records(const std::string& token) {
    auto result = get_as("/api/me/subscriber-records", token);
    INFO(result->body);
    REQUIRE(result->status == 200);
    return body_json(result)["subscriber_records"];
}

long long Campaign::only_record(const std::string& token) {
    const json mine = records(token);
    REQUIRE(mine.size() == 1);
    return mine[0]["id"];
}

json Campaign::record(const std::string& token, long long id) {
    auto result = get_as("/api/me/subscriber-records/" + std::to_string(id), token);
    INFO(result->body);
    REQUIRE(result->status == 200);
    return body_json(result)["subscriber_record"];
}

json Campaign::staff_record(long long id) {
    auto result = get_as("/api/staff/subscriber-records/" + std::to_string(id), admin);
    INFO(result->body);
    REQUIRE(result->status == 200);
    return body_json(result);
}

httplib::Result Campaign::act(const std::string& token, long long id, const json& body) {
    return send("POST", "/api/me/subscriber-records/" + std::to_string(id) + "/actions", body.dump(), token);
}

httplib::Result Campaign::staff_act(long long id, const json& body) {
    return send("POST", "/api/staff/subscriber-records/" + std::to_string(id) + "/actions", body.dump(), admin);
}

void Campaign::move_to(const std::string& now) {
    set_clock(now);
    wait_for_scheduler(now);
}

void Campaign::wait_for_scheduler(const std::string& now) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    json campaign;
    while (std::chrono::steady_clock::now() < deadline) {
        campaign = body_json(get_as("/api/staff/renewals", admin));
        if (campaign["processed_until"].is_string() && campaign["processed_until"].get<std::string>() >= now) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(campaign.dump());
    FAIL("the scheduler did not reach " << now);
}

std::vector<std::string> Campaign::action_names(const json& view) {
    std::vector<std::string> names;
    for (const json& action : view["actions"]) names.push_back(action["action"]);
    return names;
}

std::vector<std::string> Campaign::history_actions(long long id) {
    std::vector<std::string> actions;
    const json view = staff_record(id);
    for (const json& row : view["history"]) actions.push_back(row["action"]);
    return actions;
}

void Campaign::check_projections() {
    auto db_connection = server::db::open(running.dir.database());
    auto& db = *db_connection;
    auto subscribers = db.prepare("SELECT id, status, package_id, rows, next_due_at FROM subscribers ORDER BY id");
    auto rows = db.prepare("SELECT row_json FROM subscriber_history WHERE subscriber_id = ? ORDER BY sequence");
    int checked = 0;
    while (subscribers.step()) {
        std::vector<HistoryRow> history;
        rows.bind(1, subscribers.integer(0));
        while (rows.step()) {
            Problems problems;
            history.push_back(*history_row_from_json(json::parse(rows.text(0)), problems));
        }
        rows.reset();
        const Replay replayed = replay(history);
        INFO("subscriber " << subscribers.integer(0) << ": " << replayed.problem);
        REQUIRE(replayed.state);
        const server::SubscriberProjection expected = server::project(catalog, *replayed.state);
        CHECK(subscribers.text(1) == expected.status);
        CHECK(subscribers.text(2) == expected.package);
        CHECK(subscribers.integer(3) == expected.rows);
        CHECK(subscribers.is_null(4) == !expected.next_due_at);
        if (expected.next_due_at && !subscribers.is_null(4)) CHECK(subscribers.integer(4) == expected.next_due_at->unix_seconds);
        ++checked;
    }
    CHECK(checked > 0);
}

}  // namespace encore::test
