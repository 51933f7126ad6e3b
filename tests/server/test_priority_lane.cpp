// The priority lane (docs/on-sale-day.md): a series booking is served ahead of the crowd, in the write
// queue and in the front end's request queue.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/front_end.hpp"
#include "sales/priority_lane.hpp"
#include "store/connection_pool.hpp"
#include "store/write_queue.hpp"
#include "test_support.hpp"

using namespace encore::server;

namespace {

// Long enough for threads started on a loaded machine to have queued their work.
constexpr auto settle = std::chrono::milliseconds(300);

// What happened, in order, from any thread.
class Journal {
public:
    void note(const std::string& what) {
        std::lock_guard lock(mutex_);
        entries_.push_back(what);
    }
    std::vector<std::string> entries() {
        std::lock_guard lock(mutex_);
        return entries_;
    }
    // The position of `what`, or the number of entries if it is not there.
    std::size_t position(const std::string& what) {
        auto all = entries();
        return static_cast<std::size_t>(std::find(all.begin(), all.end(), what) - all.begin());
    }

private:
    std::mutex mutex_;
    std::vector<std::string> entries_;
};

// Queues a write named `name` that notes "ran <name>" when the writer runs it, and "<name> saw series
// committed" when another connection then sees the write named "series" (so it was committed in an
// earlier batch); `gate`, if given, holds the writer inside it until opened.
std::thread queue_write(WriteQueue& writes, ConnectionPool& pool, Journal& journal, const std::string& name,
                        WriteLane lane, std::shared_future<void> gate = {}, std::promise<void>* running = nullptr) {
    return std::thread([&writes, &pool, &journal, name, lane, gate, running] {
        writes.run(
            [&](db::Connection& db) {
                journal.note("ran " + name);
                {
                    auto other = pool.lease();
                    auto seen = other->prepare("SELECT COUNT(*) FROM sales WHERE name = 'series'");
                    if (seen.step() && seen.integer(0) == 1) journal.note(name + " saw series committed");
                }
                if (running) running->set_value();
                if (gate.valid()) gate.wait();
                db.execute("INSERT INTO sales (name) VALUES ('" + name + "')");
                return true;
            },
            lane);
    });
}

struct QueueFixture {
    encore::test::TempDir dir;
    ConnectionPool pool{dir.file("lane.db")};
    QueueFixture() { pool.lease()->execute("CREATE TABLE sales (name TEXT NOT NULL)"); }
};

// A write queue whose writer is held inside its first write until release(), so the writes queued
// meanwhile wait for it; the journal records what they did.
struct HeldWriter {
    QueueFixture fixture;
    Journal journal;
    std::vector<std::thread> threads;
    std::optional<WriteQueue> writes;
    std::promise<void> open, running;

    HeldWriter(const std::string& first, WriteLane lane) {
        writes.emplace(fixture.pool);
        threads.push_back(queue_write(*writes, fixture.pool, journal, first, lane, open.get_future().share(), &running));
        running.get_future().wait();
    }
    void queue(const std::string& name, WriteLane lane) {
        threads.push_back(queue_write(*writes, fixture.pool, journal, name, lane));
    }
    // Lets the first write go on, waits for every write and stops the writer.
    void release() {
        open.set_value();
        for (auto& t : threads) t.join();
        writes.reset();
    }
    bool saw_series_committed(const std::string& name) {
        return journal.position(name + " saw series committed") < journal.entries().size();
    }
};

// Queues `count` writes named prefix-0 … in `crowd_lane` behind the held writer, then "series" in
// `series_lane`, and releases the writer: "series" must run, and commit, before every one of the crowd.
void check_series_jumps_the_queue(const std::string& prefix, int count, WriteLane crowd_lane, WriteLane series_lane) {
    HeldWriter held("blocker", WriteLane::ordinary);
    for (int i = 0; i < count; ++i) held.queue(prefix + std::to_string(i), crowd_lane);
    std::this_thread::sleep_for(settle);
    held.queue("series", series_lane);
    std::this_thread::sleep_for(settle);
    held.release();
    const std::size_t series_ran = held.journal.position("ran series");
    REQUIRE(series_ran < held.journal.entries().size());
    for (int i = 0; i < count; ++i) {
        const std::string name = prefix + std::to_string(i);
        CHECK(series_ran < held.journal.position("ran " + name));
        CHECK(held.saw_series_committed(name));
    }
}

}  // namespace

TEST_CASE("a priority write runs and commits before the ordinary writes queued ahead of it", "[priority_lane]") {
    check_series_jumps_the_queue("single-", 20, WriteLane::ordinary, WriteLane::priority);
}

TEST_CASE("a priority write cuts the batch under way short: it commits before the rest of that batch",
          "[priority_lane]") {
    QueueFixture fixture;
    Journal journal;
    std::vector<std::thread> threads;
    {
        WriteQueue writes(fixture.pool);
        std::promise<void> open_first, first_running, open_second, second_running;
        threads.push_back(
            queue_write(writes, fixture.pool, journal, "first", WriteLane::ordinary, open_first.get_future().share(), &first_running));
        first_running.get_future().wait();
        // The next batch: "single-0" (which holds the writer) and the rest of the crowd behind it.
        threads.push_back(queue_write(writes, fixture.pool, journal, "single-0", WriteLane::ordinary, open_second.get_future().share(),
                                      &second_running));
        std::this_thread::sleep_for(settle);
        for (int i = 1; i < 10; ++i)
            threads.push_back(queue_write(writes, fixture.pool, journal, "single-" + std::to_string(i), WriteLane::ordinary));
        std::this_thread::sleep_for(settle);
        open_first.set_value();
        second_running.get_future().wait();  // the batch of ten is under way
        threads.push_back(queue_write(writes, fixture.pool, journal, "series", WriteLane::priority));
        std::this_thread::sleep_for(settle);
        open_second.set_value();
        for (auto& t : threads) t.join();
    }
    const std::size_t series_ran = journal.position("ran series");
    REQUIRE(series_ran < journal.entries().size());
    CHECK(journal.position("ran single-0") < series_ran);
    for (int i = 1; i < 10; ++i) {
        const std::string single = "single-" + std::to_string(i);
        CHECK(series_ran < journal.position("ran " + single));
        CHECK(journal.position(single + " saw series committed") < journal.entries().size());
    }
    auto count = fixture.pool.lease()->prepare("SELECT COUNT(*) FROM sales");
    REQUIRE(count.step());
    CHECK(count.integer(0) == 12);
}

TEST_CASE("priority writes that arrive while a priority cut runs wait for its commit", "[priority_lane]") {
    HeldWriter held("series", WriteLane::priority);  // the writer is inside the cut that runs "series"
    for (int i = 0; i < 3; ++i) held.queue("late-" + std::to_string(i), WriteLane::priority);
    std::this_thread::sleep_for(settle);
    held.release();
    // "series" was answered when its cut committed, not after the writes that came later.
    for (int i = 0; i < 3; ++i) CHECK(held.saw_series_committed("late-" + std::to_string(i)));
}

TEST_CASE("a cut takes at most two priority writes, so a checkout write never waits behind many", "[priority_lane]") {
    HeldWriter held("blocker", WriteLane::ordinary);
    held.queue("series", WriteLane::priority);
    for (int i = 0; i < 3; ++i) {
        std::this_thread::sleep_for(settle);  // queued in this order
        held.queue("hold-" + std::to_string(i), WriteLane::priority);
    }
    std::this_thread::sleep_for(settle);
    held.release();
    // The first cut: "series" and "hold-0", committed together; the next: the other two.
    REQUIRE(held.journal.position("ran hold-0") < held.journal.entries().size());
    CHECK_FALSE(held.saw_series_committed("hold-0"));
    CHECK(held.saw_series_committed("hold-1"));
    CHECK(held.saw_series_committed("hold-2"));
}

TEST_CASE("a checkout write (a series order) runs and commits before the priority writes queued ahead of it",
          "[priority_lane]") {
    check_series_jumps_the_queue("hold-", 3, WriteLane::priority, WriteLane::checkout);
}

TEST_CASE("a series order takes the checkout lane, a series hold the priority lane", "[priority_lane]") {
    encore::Basket series;
    encore::BasketLine line;
    line.kind = encore::LineKind::series;
    series.lines.push_back(line);
    CHECK(write_lane(series) == WriteLane::checkout);
    CHECK(write_lane(encore::Basket{}) == WriteLane::ordinary);
    HoldRequest hold;
    hold.series = SeriesChoice{};
    CHECK(write_lane(hold) == WriteLane::priority);
    hold.series.reset();
    CHECK(write_lane(hold) == WriteLane::ordinary);
}

namespace {

// A front end on loopback whose POST /api/orders notes the body it handles; a body "block" holds its
// worker until `open` is set.
struct FrontEndFixture {
    Journal journal;
    std::promise<void> open, blocked;
    std::shared_future<void> opened = open.get_future().share();
    RequestRouter router;
    std::unique_ptr<HttpFrontEnd> front_end;
    std::thread loop;
    int port = 0;

    explicit FrontEndFixture(int priority_workers) {
        router.Post("/api/orders", [this](const httplib::Request& req, httplib::Response& res) {
            journal.note(req.body);
            if (req.body == "block") {
                blocked.set_value();
                opened.wait();
            }
            res.set_content("{}", "application/json");
        });
        FrontEndOptions options;
        options.workers = 1;
        options.priority_workers = priority_workers;
        options.priority = looks_like_series_booking;
        front_end = std::make_unique<HttpFrontEnd>(router, options);
        port = front_end->bind("127.0.0.1", 0);
        REQUIRE(port > 0);
        loop = std::thread([this] { front_end->run(); });
    }
    ~FrontEndFixture() {
        front_end->stop();
        loop.join();
    }
    std::thread post(const std::string& body) {
        return std::thread([this, body] {
            httplib::Client client("127.0.0.1", port);
            client.set_read_timeout(30, 0);
            client.Post("/api/orders", body, "application/json");
        });
    }
};

}  // namespace

TEST_CASE("the front end's workers take a series booking before the requests queued ahead of it", "[priority_lane]") {
    FrontEndFixture fixture(0);
    std::vector<std::thread> clients;
    clients.push_back(fixture.post("block"));
    fixture.blocked.get_future().wait();  // the only worker is busy
    for (int i = 0; i < 10; ++i) clients.push_back(fixture.post("single-" + std::to_string(i)));
    std::this_thread::sleep_for(settle);
    clients.push_back(fixture.post(R"({"basket":{"lines":[{"kind":"series","product":"season"}]}})"));
    std::this_thread::sleep_for(settle);
    fixture.open.set_value();
    for (auto& t : clients) t.join();
    const auto handled = fixture.journal.entries();
    REQUIRE(handled.size() == 12);
    CHECK(handled[0] == "block");
    CHECK(handled[1].find("series") != std::string::npos);
}

TEST_CASE("a priority worker answers a series booking while every other worker is busy", "[priority_lane]") {
    FrontEndFixture fixture(1);
    std::vector<std::thread> clients;
    clients.push_back(fixture.post("block"));
    fixture.blocked.get_future().wait();
    httplib::Client client("127.0.0.1", fixture.port);
    client.set_read_timeout(10, 0);
    auto answer = client.Post("/api/orders", R"({"series":"season","group":"all","seat":"A-1"})", "application/json");
    const bool answered_while_blocked = answer && answer->status == 200;
    fixture.open.set_value();
    for (auto& t : clients) t.join();
    CHECK(answered_while_blocked);
}

TEST_CASE("the priority lane's cheap guess: a POST of a hold or an order that names a series", "[priority_lane]") {
    auto head = [](std::string method, std::string target) {
        RequestHead h;
        h.method = std::move(method);
        h.target = std::move(target);
        return h;
    };
    const std::string series_order = R"({"basket":{"channel":"web","lines":[{"kind":"series","product":"s"}]}})";
    const std::string series_hold = R"({"series":"s","group":"all","seat":"A-1"})";
    const std::string ticket_order = R"({"basket":{"lines":[{"kind":"ticket","instance":"series-night"}]}})";
    CHECK(looks_like_series_booking(head("POST", "/api/orders"), series_order));
    CHECK(looks_like_series_booking(head("POST", "/api/holds"), series_hold));
    CHECK(looks_like_series_booking(head("POST", "/api/orders?x=1"), series_order));
    CHECK_FALSE(looks_like_series_booking(head("POST", "/api/orders"), ticket_order));
    CHECK_FALSE(looks_like_series_booking(head("GET", "/api/orders"), series_order));
    CHECK_FALSE(looks_like_series_booking(head("POST", "/api/staff/customers/7/holds"), series_hold));
    CHECK_FALSE(looks_like_series_booking(head("POST", "/api/holds/abc/release"), series_hold));
}
