// The renewal campaign at scale against a real encore-server: imports 100,000 subscribers from CSV with
// `encore-server import-subscribers`, then moves the admin clock through renewal start, renewal end and the
// lock date for all of them, timing each step until the scheduler has run it, while another thread asks
// /api/health every 20 ms and keeps its latency. Prints the figures; exit 1 if a step did not finish.
//   bench_campaign --server build/native/server/encore-server [--subscribers 100000]
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "api_client.hpp"
#include "encore/catalog_json.hpp"
#include "large_import.hpp"
#include "run_support.hpp"
#include "server_child.hpp"

extern char** environ;

namespace {

using clock_type = std::chrono::steady_clock;
using namespace encore::load;

double seconds_since(clock_type::time_point t) { return std::chrono::duration<double>(clock_type::now() - t).count(); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs a command to completion with its output to the terminal; its exit code.
int run(const std::vector<std::string>& argv_text) {
    std::vector<char*> argv;
    for (const std::string& arg : argv_text) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// /api/health asked every 20 ms on its own connection; latencies in ms (a failed request counts as its time).
class HealthWatch {
public:
    explicit HealthWatch(int port) : thread_([this, port] {
        ApiClient api("127.0.0.1", port, 5);
        while (!stop_) {
            const Reply reply = api.get("/api/health");
            {
                std::lock_guard lock(mutex_);
                latencies_.push_back(reply.ms);
                phase_max_[phase_] = std::max(phase_max_[phase_], reply.ms);
                if (reply.status != 200) ++failures_;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }) {}
    ~HealthWatch() { finish(); }
    void finish() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    // What the server is doing now, for the slowest answer of each phase.
    void phase(const std::string& name) {
        std::lock_guard lock(mutex_);
        phase_ = name;
        order_.push_back(name);
    }
    void report() {
        std::lock_guard lock(mutex_);
        std::vector<double> sorted = latencies_;
        std::sort(sorted.begin(), sorted.end());
        if (sorted.empty()) return;
        auto at = [&](double q) { return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * sorted.size()))]; };
        std::printf("/api/health throughout: %zu requests, %d failed, p50 %.1f ms, p99 %.1f ms, max %.1f ms (target: within 100 ms)\n",
                    sorted.size(), failures_, at(0.5), at(0.99), sorted.back());
        for (const std::string& name : order_) std::printf("  slowest while %s: %.1f ms\n", name.c_str(), phase_max_[name]);
    }

private:
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::vector<double> latencies_;
    std::string phase_ = "starting";
    std::vector<std::string> order_{"starting"};
    std::map<std::string, double> phase_max_;
    int failures_ = 0;
    std::thread thread_;
};

// Moves the clock to `when` and waits until the scheduler has processed it; the seconds it took.
double move_clock(ApiClient& admin, const std::string& when) {
    const auto started = clock_type::now();
    const Reply moved = admin.put("/api/admin/clock", {{"now", when}});
    if (moved.status != 200) throw std::runtime_error("cannot move the clock: " + moved.body.dump());
    admin.login("admin@test.example", "adminpass1");
    while (seconds_since(started) < 600) {
        const Reply campaign = admin.get("/api/staff/renewals");
        if (campaign.status == 200 && campaign.body["processed_until"].is_string() &&
            campaign.body["processed_until"].get<std::string>() >= when)
            return seconds_since(started);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the campaign's counts are not free: ask 5 times a second
    }
    throw std::runtime_error("the scheduler did not reach " + when);
}

std::string statuses(ApiClient& admin) {
    const Reply campaign = admin.get("/api/staff/renewals");
    std::string out;
    for (const auto& package : campaign.body["packages"])
        for (const auto& [status, count] : package["statuses"].items()) out += status + " " + std::to_string(count.get<long>()) + "  ";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const auto flags = parse_flags(argc, argv);
    const std::string server = flag_text(flags, "server", "build/native/server/encore-server");
    const int subscribers = flag_int(flags, "subscribers", 100'000);
    TempFolder folder("encore-bench-campaign");

    encore::CatalogLoad load = encore::load_catalog(read_file(ENCORE_TESTS_DIR "/core/fixtures/renewals_catalog.json"));
    if (!load.catalog) return 2;
    test_support::grow_plan(load.catalog->venues[1].plan, 500, 100);  // next season's hall: 50,000 seats
    std::ofstream(folder.file("catalog.json")) << encore::catalog_to_json(*load.catalog).dump();
    std::ofstream(folder.file("subscribers.csv")) << test_support::subscriber_csv(subscribers, 500, 100);

    ServerChild child(server, load_server_args(folder.file("encore.db"), folder.file("catalog.json"), 8), folder.file("server.log"));
    std::printf("machine: %u cores; %d subscribers; database %s\n", std::thread::hardware_concurrency(), subscribers,
                folder.file("encore.db").c_str());
    HealthWatch health(child.port());
    ApiClient admin("127.0.0.1", child.port(), 60);
    admin.login("admin@test.example", "adminpass1");
    try {
        move_clock(admin, "2027-01-15T00:00:00Z");
        health.phase("importing");
        const auto started = clock_type::now();
        const int code = run({server, "import-subscribers", "--db", folder.file("encore.db"), "--now", "2027-01-15T00:00:00Z",
                              folder.file("subscribers.csv")});
        const double import_s = seconds_since(started);
        if (code != 0) throw std::runtime_error("the import failed");
        std::printf("import of %d subscribers: %.1f s (target < 30 s)\n", subscribers, import_s);
        std::printf("  %s\n", statuses(admin).c_str());
        for (const auto& [what, when] : std::vector<std::pair<std::string, std::string>>{
                 {"renewal start (auto-renew start)", "2027-03-01T09:00:01Z"},
                 {"renewal end (every one lapses)", "2027-04-01T00:00:01Z"},
                 {"lock date (seats released, records end)", "2027-05-01T00:00:01Z"}}) {
            health.phase(what);
            const double took = move_clock(admin, when);
            std::printf("%s: %.1f s (target < 10 s)\n  %s\n", what.c_str(), took, statuses(admin).c_str());
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_campaign: %s\n%s\n", error.what(), file_tail(folder.file("server.log")).c_str());
        return 1;
    }
    health.phase("idle");
    std::this_thread::sleep_for(std::chrono::seconds(1));
    health.finish();
    health.report();
    child.stop();
    return 0;
}
