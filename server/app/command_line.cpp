// Command-line parsing for encore-server: every mistake becomes a one-line message naming the flag.
#include "app/command_line.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

#include "http/client_address.hpp"
#include "http/security_headers.hpp"

namespace encore::server {
namespace {

std::optional<int> parse_int_in(std::string_view text, int lowest, int highest) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < lowest || value > highest)
        return std::nullopt;
    return value;
}

struct Limit {
    const char* flag;
    int Options::*field;
    int lowest, highest;
};

constexpr Limit limits[] = {
    {"--hold-minutes", &Options::hold_minutes, 1, 24 * 60},
    {"--hold-cap-minutes", &Options::hold_cap_minutes, 1, 7 * 24 * 60},
    {"--hold-grace-seconds", &Options::hold_grace_seconds, 1, 60 * 60},
    {"--invoice-days", &Options::invoice_days, 1, 365},
    {"--session-hours", &Options::session_hours, 1, 24 * 365},
    {"--hold-rate", &Options::hold_requests_per_minute, 1, 1000000},
    {"--order-rate", &Options::order_requests_per_minute, 1, 1000000},
    {"--max-connections", &Options::max_connections, 16, 1000000},
    {"--max-connections-per-address", &Options::max_connections_per_address, 1, 1000000},
    {"--header-timeout", &Options::header_timeout_seconds, 1, 3600},
    {"--body-timeout", &Options::body_timeout_seconds, 1, 3600},
    {"--idle-timeout", &Options::idle_timeout_seconds, 1, 3600},
    {"--max-seats-per-hold", &Options::max_seats_per_hold, 1, 10000},
    {"--max-seats-per-customer", &Options::max_seats_per_customer, 1, 100000},
    {"--max-holds-per-client", &Options::max_holds_per_client, 1, 100000},
    {"--max-invoice-seats", &Options::max_invoice_seats, 0, 1000000},
    {"--login-rate", &Options::login_requests_per_minute, 1, 1000000},
    {"--login-rate-per-account", &Options::login_requests_per_account, 1, 1000000},
    {"--hashing-slots", &Options::password_hashing_slots, 1, 64},
    {"--max-sessions-per-account", &Options::max_sessions_per_account, 1, 10000},
    {"--idempotency-days", &Options::idempotency_days, 1, 3650},
    {"--seat-change-hours", &Options::seat_change_hours, 1, 24 * 365},
    {"--webhook-retry-seconds", &Options::webhook_retry_seconds, 1, 3600},
};

const Limit* limit_of(std::string_view flag) {
    for (const Limit& limit : limits)
        if (flag == limit.flag) return &limit;
    return nullptr;
}

bool takes_value(std::string_view flag) {
    return flag == "--bind" || flag == "--port" || flag == "--db" || flag == "--web-root" ||
           flag == "--catalog" || flag == "--threads" || flag == "--admin" || flag == "--trusted-proxy" || flag == "--frame-ancestors" ||
           flag == "--embed-origin" || limit_of(flag);
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
    } else if (flag == "--trusted-proxy") {
        std::string_view rest = value;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            const std::string_view item = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            if (item.empty()) continue;
            if (!parse_address_range(item))
                return "--trusted-proxy expects CIDR ranges such as 10.0.0.0/8 or ::1, got \"" + std::string(item) + "\"";
            options.trusted_proxies.emplace_back(item);
        }
    } else if (flag == "--frame-ancestors") {
        auto list = frame_ancestors_source_list(value);
        if (!list)
            return "--frame-ancestors expects 'self', 'none' or origins such as https://venue.example, separated by "
                   "spaces or commas, got \"" + value + "\"";
        options.frame_ancestors = *list;
    } else if (flag == "--embed-origin") {
        auto origin = embed_origin(value);
        if (!origin)
            return "--embed-origin expects one origin such as https://www.venue.example or http://localhost:8081 "
                   "(scheme, host and port only; no path, no wildcard), got \"" + value + "\"";
        if (std::find(options.embed_origins.begin(), options.embed_origins.end(), *origin) == options.embed_origins.end())
            options.embed_origins.push_back(*origin);
    } else if (flag == "--admin") {
        const auto colon = value.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 8 > value.size())
            return std::string("--admin expects EMAIL:PASSWORD with a password of at least 8 characters");
        options.admin = value;
    } else {
        if (const Limit* limit = limit_of(flag)) {
            auto number = parse_int_in(value, limit->lowest, limit->highest);
            if (!number)
                return std::string(flag) + " expects a number from " + std::to_string(limit->lowest) + " to " +
                       std::to_string(limit->highest) + ", got \"" + value + "\"";
            options.*limit->field = *number;
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
           "[--demo-sales] [--threads N] [--hold-minutes N] [--hold-cap-minutes N] [--hold-grace-seconds N] [--invoice-days N] "
           "[--session-hours N] [--hold-rate N] [--order-rate N] [--webhook-retry-seconds N] [--admin EMAIL:PASSWORD] "
           "[--fast-password-hashing] [on-sale limits: see --help] [--help]\n"
           "       encore-server import-subscribers [--db PATH] [--now RFC3339] [--check] [--progress] FILE.csv";
}

std::string help_text() {
    return usage_line() + "\n\n"
           "Encore box office server: the HTTP API and the web client's static files.\n\n"
           "  --bind ADDR      address to listen on (default 127.0.0.1)\n"
           "  --port N         port to listen on, 0 picks a free one (default 8080)\n"
           "  --db PATH|URL    SQLite database file, created if missing (default var/encore.db), or a\n"
           "                   postgresql:// URL: several servers may share one PostgreSQL database\n"
           "  --web-root DIR   serve static files from DIR at / (default: none, API only)\n"
           "  --catalog FILE   import this catalog JSON when the database has no catalog yet\n"
           "  --demo-sales     with a first import, mark some seats sold and held for a demo\n"
           "  --threads N      worker threads that run requests (default 8)\n"
           "  --hold-minutes N      a seat hold lasts N minutes (default 15)\n"
           "  --hold-cap-minutes N  holds can be extended up to N minutes after they were made (default 60)\n"
           "  --hold-grace-seconds N  a hold whose page was closed ends N seconds later unless the page is back (default 30)\n"
           "  --invoice-days N      unpaid invoices lapse after N days (default 7)\n"
           "  --session-hours N     logins last N hours (default 336)\n"
           "  --hold-rate N         hold requests per minute per client address (default 120)\n"
           "  --order-rate N        order requests per minute per client address (default 60)\n"
           "  --webhook-retry-seconds N  a failed webhook delivery is retried after N seconds, doubling,\n"
           "                        at most an hour apart, for 3 days (default 10)\n"
           "  --admin EMAIL:PASSWORD  create this admin account on start if it does not exist\n"
           "  --fast-password-hashing  tests and benchmarks only: argon2id at its minimum cost\n"
           "\nOn-sale day (docs/on-sale-day.md):\n"
           "  --max-connections N              connections open at once; more wait to be accepted (default 10000)\n"
           "  --max-connections-per-address N  per client address, trusted proxies exempt; more get 503 (default 256)\n"
           "  --header-timeout S   a request's headers must arrive within S seconds (default 10)\n"
           "  --body-timeout S     its body within S seconds after the headers (default 30)\n"
           "  --idle-timeout S     an idle kept-alive connection is closed after S seconds (default 60)\n"
           "  --trusted-proxy CIDR[,CIDR...]  believe X-Forwarded-For from these addresses (repeatable; default none)\n"
           "  --frame-ancestors LIST  who may frame the web client: 'self', 'none' or origins (default 'self')\n"
           "  --embed-origin ORIGIN   a venue site that embeds the seat picker with /embed.js: it may frame the client\n"
           "                          and exchange messages with it (repeatable; default none)\n"
           "  --max-seats-per-hold N      seats of one performance in one hold (default 10)\n"
           "  --max-seats-per-customer N  held and bought seats of one performance per customer or client (default 20)\n"
           "  --max-holds-per-client N    live holds per customer or anonymous client (default 5)\n"
           "  --max-invoice-seats N       seats in one account's unpaid invoices (default 20)\n"
           "  --login-rate N               logins and registrations per minute per client address (default 30)\n"
           "  --login-rate-per-account N   logins and registrations per minute per email (default 10)\n"
           "  --hashing-slots N            password hashes computed at once (default 2)\n"
           "  --max-sessions-per-account N the oldest session ends past N (default 10)\n"
           "  --idempotency-days N         order answers kept for replay (default 7)\n"
           "  --seat-change-hours N        availability change log kept (default 24)\n"
           "  --help           show this help\n\n"
           "import-subscribers imports existing subscribers from a CSV file (docs/renewals.md#importing-existing-subscribers)\n"
           "into the database: every row is checked first and nothing is imported if any is bad; --check only checks;\n"
           "--now sets the import's time (default: the system time).\n\n"
           "On start it prints one line to stdout: \"encore-server listening on http://HOST:PORT\".\n"
           "Exit codes: 0 stopped by SIGINT/SIGTERM, 1 cannot start, 2 bad command line.\n";
}

}  // namespace encore::server
