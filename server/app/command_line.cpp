// Command-line parsing for encore-server: every mistake becomes a one-line message naming the flag.
#include "app/command_line.hpp"

#include <charconv>
#include <optional>
#include <string_view>

namespace encore::server {
namespace {

std::optional<int> parse_int_in(std::string_view text, int lowest, int highest) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < lowest || value > highest)
        return std::nullopt;
    return value;
}

bool takes_value(std::string_view flag) {
    return flag == "--bind" || flag == "--port" || flag == "--db" || flag == "--web-root" ||
           flag == "--catalog" || flag == "--threads" || flag == "--hold-minutes" || flag == "--hold-cap-minutes" ||
           flag == "--invoice-days" || flag == "--session-hours" || flag == "--hold-rate" || flag == "--order-rate" ||
           flag == "--admin" || flag == "--webhook-retry-seconds";
}

// Applies one flag with its value; returns an error message or nullopt.
std::optional<std::string> apply(Options& options, std::string_view flag, const std::string& value) {
    if (value.empty()) return std::string(flag) + " needs a non-empty value";
    if (flag == "--bind") {
        options.bind_address = value;
    } else if (flag == "--port") {
        auto port = parse_int_in(value, 0, 65535);
        if (!port) return "--port expects a number from 0 to 65535 (0 picks a free port), got \"" + value + "\"";
        options.port = *port;
    } else if (flag == "--db") {
        options.database_path = value;
    } else if (flag == "--web-root") {
        options.web_root = value;
    } else if (flag == "--catalog") {
        options.catalog_path = value;
    } else if (flag == "--threads") {
        auto threads = parse_int_in(value, 1, 256);
        if (!threads) return "--threads expects a number from 1 to 256, got \"" + value + "\"";
        options.threads = *threads;
    } else if (flag == "--admin") {
        const auto colon = value.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 8 > value.size())
            return std::string("--admin expects EMAIL:PASSWORD with a password of at least 8 characters");
        options.admin = value;
    } else {
        struct Limit { const char* flag; int Options::*field; int lowest, highest; };
        static constexpr Limit limits[] = {
            {"--hold-minutes", &Options::hold_minutes, 1, 24 * 60},
            {"--hold-cap-minutes", &Options::hold_cap_minutes, 1, 7 * 24 * 60},
            {"--invoice-days", &Options::invoice_days, 1, 365},
            {"--session-hours", &Options::session_hours, 1, 24 * 365},
            {"--hold-rate", &Options::hold_requests_per_minute, 1, 1000000},
            {"--order-rate", &Options::order_requests_per_minute, 1, 1000000},
            {"--webhook-retry-seconds", &Options::webhook_retry_seconds, 1, 3600},
        };
        for (const Limit& limit : limits) {
            if (flag != limit.flag) continue;
            auto number = parse_int_in(value, limit.lowest, limit.highest);
            if (!number)
                return std::string(flag) + " expects a number from " + std::to_string(limit.lowest) + " to " +
                       std::to_string(limit.highest) + ", got \"" + value + "\"";
            options.*limit.field = *number;
        }
    }
    return std::nullopt;
}

}  // namespace

ParsedOptions parse_options(const std::vector<std::string>& args) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") return HelpRequested{};
        if (arg == "--demo-sales") {
            options.demo_sales = true;
            continue;
        }
        if (arg == "--fast-password-hashing") {
            options.fast_password_hashing = true;
            continue;
        }
        std::string flag = arg;
        std::optional<std::string> value;
        if (auto equals = arg.find('='); arg.starts_with("--") && equals != std::string::npos) {
            flag = arg.substr(0, equals);
            value = arg.substr(equals + 1);
        }
        if (!takes_value(flag)) {
            if (flag == "--demo-sales") return UsageError{"--demo-sales takes no value"};
            if (!arg.starts_with("-")) return UsageError{"unexpected argument \"" + arg + "\""};
            return UsageError{"unknown option " + flag};
        }
        if (!value) {
            if (i + 1 >= args.size()) return UsageError{flag + " needs a value"};
            value = args[++i];
        }
        if (auto error = apply(options, flag, *value)) return UsageError{*error};
    }
    return options;
}

std::string usage_line() {
    return "usage: encore-server [--bind ADDR] [--port N] [--db PATH] [--web-root DIR] [--catalog FILE] "
           "[--demo-sales] [--threads N] [--hold-minutes N] [--hold-cap-minutes N] [--invoice-days N] "
           "[--session-hours N] [--hold-rate N] [--order-rate N] [--webhook-retry-seconds N] [--admin EMAIL:PASSWORD] "
           "[--fast-password-hashing] [--help]\n"
           "       encore-server import-subscribers [--db PATH] [--now RFC3339] [--check] [--progress] FILE.csv";
}

std::string help_text() {
    return usage_line() + "\n\n"
           "Encore box office server: the HTTP API and the web client's static files.\n\n"
           "  --bind ADDR      address to listen on (default 127.0.0.1)\n"
           "  --port N         port to listen on, 0 picks a free one (default 8080)\n"
           "  --db PATH        SQLite database file, created if missing (default var/encore.db)\n"
           "  --web-root DIR   serve static files from DIR at / (default: none, API only)\n"
           "  --catalog FILE   import this catalog JSON when the database has no catalog yet\n"
           "  --demo-sales     with a first import, mark some seats sold and held for a demo\n"
           "  --threads N      worker threads (default 8)\n"
           "  --hold-minutes N      a seat hold lasts N minutes (default 15)\n"
           "  --hold-cap-minutes N  holds can be extended up to N minutes after they were made (default 60)\n"
           "  --invoice-days N      unpaid invoices lapse after N days (default 7)\n"
           "  --session-hours N     logins last N hours (default 336)\n"
           "  --hold-rate N         hold requests per minute per client address (default 120)\n"
           "  --order-rate N        order requests per minute per client address (default 60)\n"
           "  --webhook-retry-seconds N  a failed webhook delivery is retried after N seconds, doubling,\n"
           "                        at most an hour apart, for 3 days (default 10)\n"
           "  --admin EMAIL:PASSWORD  create this admin account on start if it does not exist\n"
           "  --fast-password-hashing  tests and benchmarks only: argon2id at its minimum cost\n"
           "  --help           show this help\n\n"
           "import-subscribers imports existing subscribers from a CSV file (docs/renewals.md#importing-existing-subscribers)\n"
           "into the database: every row is checked first and nothing is imported if any is bad; --check only checks;\n"
           "--now sets the import's time (default: the system time).\n\n"
           "On start it prints one line to stdout: \"encore-server listening on http://HOST:PORT\".\n"
           "Exit codes: 0 stopped by SIGINT/SIGTERM, 1 cannot start, 2 bad command line.\n";
}

}  // namespace encore::server
