// The import command: read the file and the stored catalog, check with the core, write with the store.
#include "renewals/subscriber_import.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "context/clock.hpp"
#include "encore/catalog_json.hpp"
#include "encore/seasons.hpp"
#include "encore/subscriber_import.hpp"
#include "store/seat_ledger.hpp"
#include "store/store.hpp"
#include "store/subscriber_import.hpp"

namespace encore::server {
namespace {

constexpr const char* usage = "usage: encore-server import-subscribers [--db PATH] [--now RFC3339] [--check] [--progress] FILE.csv";

struct ImportOptions {
    std::string db = "var/encore.db";
    std::string file;
    std::optional<Instant> now;
    bool check_only = false;
    bool progress = false;  // the progress bar even when stderr is not a terminal
};

std::optional<std::string> parse(const std::vector<std::string>& args, ImportOptions& out) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--check") {
            out.check_only = true;
        } else if (arg == "--progress") {
            out.progress = true;
        } else if (arg == "--db" || arg == "--now") {
            if (i + 1 >= args.size() || args[i + 1].empty()) return arg + " needs a value";
            const std::string& value = args[++i];
            if (arg == "--db") {
                out.db = value;
            } else if (auto t = parse_instant(value)) {
                out.now = *t;
            } else {
                return "--now expects an RFC 3339 instant such as 2027-01-05T09:00:00Z, got \"" + value + "\"";
            }
        } else if (arg.starts_with("-")) {
            return "unknown option " + arg;
        } else if (out.file.empty()) {
            out.file = arg;
        } else {
            return "unexpected argument \"" + arg + "\" (one CSV file at a time)";
        }
    }
    if (out.file.empty()) return std::string("name the CSV file to import");
    return std::nullopt;
}

// A bar on stderr when it is a terminal: "[#########-----------]  45%  45,000 / 100,000 subscribers".
class ProgressBar {
public:
    ProgressBar(std::size_t total, const char* what, bool always) : total_(total), what_(what), shown_(always || isatty(STDERR_FILENO)) {}
    void update(std::size_t done) {
        if (!shown_ || total_ == 0) return;
        const std::size_t percent = done * 100 / total_;
        if (percent == last_ && done != total_) return;
        last_ = percent;
        const std::size_t width = 30, filled = done * width / total_;
        std::fprintf(stderr, "\r[%s%s] %3zu%%  %zu / %zu %s", std::string(filled, '#').c_str(), std::string(width - filled, '-').c_str(),
                     percent, done, total_, what_);
        if (done == total_) std::fputc('\n', stderr);
        std::fflush(stderr);
    }

private:
    std::size_t total_;
    const char* what_;
    bool shown_;
    std::size_t last_ = 101;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Seats of the renewal packages' groups that are not open, by group id (the core asks by group).
SeatQuery taken_seats(db::Connection& db, const Catalog& catalog, Instant now) {
    auto occupied = std::make_shared<std::unordered_set<std::string>>(occupied_seats(db));
    auto groups = std::make_shared<std::unordered_map<std::string, std::vector<InstanceId>>>();
    for (const FixedSeries& series : catalog.fixed_series) {
        const Season* season = series_season(catalog, series);
        if (!series.renewal || !season || season_status(*season, now) != SeasonStatus::upcoming) continue;
        for (const SeriesGroup& group : series.groups)
            for (const InstanceId& instance : group.instances) (*groups)[group.id.value].push_back(instance);
    }
    return [occupied, groups](const SeriesGroupId& group, const SeatId& seat) {
        auto found = groups->find(group.value);
        if (found == groups->end()) return false;
        for (const InstanceId& instance : found->second)
            if (occupied->contains(instance.value + "\t" + seat.value)) return true;
        return false;
    };
}

}  // namespace

int import_subscribers_command(const std::vector<std::string>& args) {
    ImportOptions options;
    if (auto problem = parse(args, options)) {
        std::cerr << "encore-server import-subscribers: " << *problem << "\n" << usage << "\n";
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    setpriority(PRIO_PROCESS, 0, 10);  // a batch next to a live server: the server's requests come first
    try {
        const std::string csv = read_file(options.file);
        Store store(options.db);
        const auto stored = store.catalog();
        if (!stored) throw std::runtime_error("the database " + db::printable_location(options.db) + " has no catalog yet");
        CatalogLoad load = load_catalog(std::string_view(stored->json));
        if (!load.catalog) throw std::runtime_error("the catalog stored in " + options.db + " does not load");
        const Catalog& catalog = *load.catalog;
        const Instant now = options.now.value_or(system_instant());

        auto db = store.pool().lease();
        db::Transaction transaction(*db, db::Transaction::Kind::immediate);
        const SubscriberImport checked = read_subscriber_csv(csv, catalog, now, taken_seats(*db, catalog, now));
        if (!checked.problems.empty()) {
            std::cerr << "encore-server import-subscribers: " << options.file << " has " << checked.problems.size()
                      << (checked.problems.size() == 1 ? " problem" : " problems") << "; nothing was imported:\n";
            for (const ImportProblem& p : checked.problems)
                std::cerr << "  line " << p.line << (p.column.empty() ? "" : ", " + p.column) << ": " << p.message << " [" << p.code << "]\n";
            return 1;
        }
        if (options.check_only) {
            std::cout << options.file << ": " << checked.subscribers.size() << " subscribers, every row is good (nothing imported: --check)\n";
            return 0;
        }
        ProgressBar bar(checked.subscribers.size(), "subscribers", options.progress);
        SeatLedger ledger(*db);
        const ImportWritten written = write_imported_subscribers(*db, catalog, ledger, checked.subscribers, Actor{}, now,
                                                                 [&](std::size_t done) { bar.update(done); });
        ledger.finish();
        transaction.commit();
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << "imported " << written.subscribers << " subscribers (" << written.new_accounts << " new customer accounts) from "
                  << options.file << " in " << static_cast<int>(seconds * 10) / 10.0 << " s; they are Pending for the coming season\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "encore-server import-subscribers: " << error.what() << "; nothing was imported\n";
        return 1;
    }
}

}  // namespace encore::server
