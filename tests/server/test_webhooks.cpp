// Webhooks over real HTTP: a receiver on loopback refuses its first deliveries, goes down, and comes back
// after encore-server has restarted, and still receives every event at least once, in order per subscriber,
// each with a valid signature. Admins see each delivery with its attempts and can redeliver.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <thread>

#include "account_helpers.hpp"
#include "renewals_fixture.hpp"
#include "signature_check.hpp"

using namespace encore::test;
using nlohmann::json;

namespace {

const std::string secret = "receiver-secret-0123456789";

// A webhook receiver on 127.0.0.1: refuses its first `refuse` deliveries with 503, then accepts every
// delivery whose signature checks, recording (subscriber, sequence) in arrival order.
class Receiver {
public:
    struct Event {
        std::string subscriber;
        int sequence = 0;
        std::string type;
    };

    explicit Receiver(int refuse) : refuse_(refuse) {}
    ~Receiver() { stop(); }

    void start() {
        server_ = std::make_unique<httplib::Server>();
        server_->Post("/hooks", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            if (refuse_ > 0) {
                --refuse_;
                ++refused_;
                res.status = 503;
                return;
            }
            const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
            const auto check = encore::webhooks::check_signature(req.get_header_value("Encore-Signature"), req.body, secret, now);
            if (!check.ok) {
                bad_.push_back(check.reason);
                res.status = 401;
                return;
            }
            const json event = json::parse(req.body);
            events_.push_back({event["subscriber"], event["sequence"], event["type"]});
            res.status = 204;
        });
        if (port_ == 0) port_ = server_->bind_to_any_port("127.0.0.1");
        else REQUIRE(server_->bind_to_port("127.0.0.1", port_));
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { server_->listen_after_bind(); });
    }

    void stop() {
        if (!server_) return;
        server_->stop();
        thread_.join();
        server_.reset();
    }

    int port() const { return port_; }
    std::vector<Event> events() {
        std::lock_guard lock(mutex_);
        return events_;
    }
    std::vector<std::string> bad_signatures() {
        std::lock_guard lock(mutex_);
        return bad_;
    }
    int refused() {
        std::lock_guard lock(mutex_);
        return refused_;
    }

private:
    int refuse_;
    int refused_ = 0;
    int port_ = 0;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<Event> events_;
    std::vector<std::string> bad_;
};

// Each record's history length, by subscriber id as the events name it.
std::map<std::string, int> history_lengths(Campaign& c) {
    std::map<std::string, int> lengths;
    const json list = body_json(c.get_as("/api/staff/subscriber-records", c.admin))["subscriber_records"];
    for (const json& record : list) {
        const long long id = record["id"];
        lengths[std::to_string(id)] = static_cast<int>(c.staff_record(id)["history"].size());
    }
    return lengths;
}

// True once the receiver has every row 1..n of every record at least once.
bool has_everything(Receiver& receiver, const std::map<std::string, int>& lengths) {
    std::map<std::string, std::set<int>> seen;
    for (const auto& event : receiver.events()) seen[event.subscriber].insert(event.sequence);
    for (const auto& [subscriber, n] : lengths)
        for (int k = 1; k <= n; ++k)
            if (!seen[subscriber].count(k)) return false;
    return true;
}

template <class Condition>
bool wait_until(Condition done, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
}

}  // namespace

TEST_CASE("a receiver that refuses, goes down and comes back after a restart gets every event, in order and signed",
          "[renewals][webhooks]") {
    Campaign c({"--webhook-retry-seconds", "1"});
    Receiver receiver(3);
    receiver.start();
    auto added = c.send("POST", "/api/admin/webhooks",
                        json{{"url", "http://127.0.0.1:" + std::to_string(receiver.port()) + "/hooks"}, {"secret", secret},
                             {"description", "the test's CRM"}}
                            .dump(),
                        c.admin);
    INFO(added->body);
    REQUIRE(added->status == 201);
    const long long endpoint = body_json(added)["webhook"]["id"];
    CHECK(body_json(added)["webhook"]["secret"] == secret);
    CHECK(body_json(c.get_as("/api/admin/webhooks", c.admin))["webhooks"][0].contains("secret") == false);

    std::vector<std::string> tokens;
    for (const char* seat : {"ST-B-1", "ST-B-2", "CI-A-1"}) {
        const std::string token = c.register_customer(std::string("w-") + seat + "@test.example");
        c.buy_series(token, "sub27", "tue", {seat}, card_payment(c.store_card(token, approved_card)));
        tokens.push_back(token);
    }
    const long long alices = c.records(tokens[0])[0]["id"];
    REQUIRE(c.act(tokens[0], alices, {{"action", "auto_renew_on"}})->status == 200);
    REQUIRE(wait_until([&] { return has_everything(receiver, history_lengths(c)); }, std::chrono::seconds(30)));
    CHECK(receiver.refused() == 3);
    CHECK(receiver.events()[0].type == "SubscriberCreated");

    receiver.stop();  // the receiver goes down; the campaign goes on
    c.move_to("2027-01-02T09:00:00Z");  // three Rollover rows
    REQUIRE(wait_until(
        [&] {
            const json failed = body_json(c.get_as("/api/admin/webhooks/" + std::to_string(endpoint) + "/deliveries?status=pending", c.admin));
            return !failed["deliveries"].empty() && !failed["deliveries"][0]["attempts"].empty();
        },
        std::chrono::seconds(20)));

    c.restart();  // encore-server stops and starts again on the same database; the outbox survives
    c.set_clock("2027-03-02T10:00:00Z");
    const std::string bob = c.login("w-ST-B-2@test.example");
    const long long bobs = c.records(bob)[0]["id"];
    REQUIRE(c.act(bob, bobs, {{"action", "decline"}})->status == 200);
    receiver.start();  // back on the same port
    const auto lengths = history_lengths(c);
    CHECK(lengths.at(std::to_string(bobs)) == 3);
    REQUIRE(wait_until([&] { return has_everything(receiver, lengths); }, std::chrono::seconds(60)));

    CHECK(receiver.bad_signatures().empty());
    std::map<std::string, int> last;  // a subscriber's events never go back past one not yet delivered
    for (const auto& event : receiver.events()) {
        INFO("subscriber " << event.subscriber << " event " << event.sequence);
        CHECK(event.sequence <= last[event.subscriber] + 1);
        last[event.subscriber] = std::max(last[event.subscriber], event.sequence);
        CHECK(event.type == (event.sequence == 1 ? "SubscriberCreated" : "SubscriberUpdated"));
    }

    const json deliveries = body_json(c.get_as("/api/admin/webhooks/" + std::to_string(endpoint) + "/deliveries", c.admin))["deliveries"];
    std::size_t failed_attempts = 0;
    for (const json& delivery : deliveries) {
        CHECK(delivery["status"] == "delivered");
        CHECK(delivery["attempts"].back()["http_status"] == 204);
        failed_attempts += delivery["attempts"].size() - 1;
        if (delivery["attempts"].size() > 1) CHECK(delivery["attempts"][0]["error"] != "");
    }
    CHECK(failed_attempts >= 3 + 3);  // the three refusals, and the rollovers sent while the receiver was down
    const long long some = deliveries[0]["id"];
    const std::string again_subscriber = std::to_string(deliveries[0]["subscriber_record"].get<long long>());
    const int again_sequence = deliveries[0]["sequence"];
    const std::size_t before = receiver.events().size();
    auto again = c.send("POST", "/api/admin/webhooks/" + std::to_string(endpoint) + "/deliveries/" + std::to_string(some) + "/redeliver", "",
                        c.admin);
    REQUIRE(again->status == 202);
    auto received_since = [&](std::size_t from, const std::string& subscriber, int sequence) {
        const auto events = receiver.events();
        for (std::size_t i = from; i < events.size(); ++i)
            if (events[i].subscriber == subscriber && events[i].sequence == sequence) return true;
        return false;
    };
    REQUIRE(wait_until([&] { return received_since(before, again_subscriber, again_sequence); }, std::chrono::seconds(10)));
    require_problem(c.send("POST", "/api/admin/webhooks/" + std::to_string(endpoint) + "/deliveries/999999/redeliver", "", c.admin), 404,
                    "delivery_not_found");

    REQUIRE(c.send("DELETE", "/api/admin/webhooks/" + std::to_string(endpoint), "", c.admin)->status == 204);
    const std::string carol = c.login("w-CI-A-1@test.example");
    const long long carols = c.records(carol)[0]["id"];
    auto declined = c.act(carol, carols, {{"action", "decline"}});
    REQUIRE(declined->status == 200);
    const int declined_sequence = body_json(declined)["appended"][0]["sequence"];
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK_FALSE(received_since(0, std::to_string(carols), declined_sequence));  // nothing more goes to a removed endpoint
    require_problem(c.send("DELETE", "/api/admin/webhooks/" + std::to_string(endpoint), "", c.admin), 404, "webhook_not_found");
}

TEST_CASE("a webhook endpoint needs an http(s) URL and a long enough secret", "[renewals][webhooks]") {
    Campaign c;
    require_problem(c.send("POST", "/api/admin/webhooks", R"({"url":"ftp://example.org/x"})", c.admin), 422, "invalid_request");
    require_problem(c.send("POST", "/api/admin/webhooks", R"({"url":"http://example.org/x","secret":"short"})", c.admin), 422,
                    "invalid_request");
    auto generated = c.send("POST", "/api/admin/webhooks", R"({"url":"https://crm.example.org/encore"})", c.admin);
    REQUIRE(generated->status == 201);
    CHECK(body_json(generated)["webhook"]["secret"].get<std::string>().rfind("whsec_", 0) == 0);
}
