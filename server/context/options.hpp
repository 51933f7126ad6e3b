// The settings of a running encore-server, as its command line gave them (app/command_line.hpp).
#pragma once
#include <string>

namespace encore::server {

struct Options {
    std::string bind_address = "127.0.0.1";
    int port = 8080;               // 0 = let the kernel pick a free port
    std::string database_path = "var/encore.db";
    std::string web_root;          // empty = no static files
    std::string catalog_path;      // empty = no import
    bool demo_sales = false;
    int threads = 8;
    int hold_minutes = 15;          // a new hold lasts this long ...
    int hold_cap_minutes = 60;      // ... and extensions stop this long after it was made
    int invoice_days = 7;           // an unpaid invoice lapses this long after the order (or at the performance)
    int session_hours = 24 * 14;    // a login lasts this long
    int hold_requests_per_minute = 120;   // per client address, hold endpoints
    int order_requests_per_minute = 60;   // per client address, order endpoints
    std::string admin;              // "EMAIL:PASSWORD": create this admin account on start if missing
    bool fast_password_hashing = false;  // tests and benchmarks only: argon2id at libsodium's minimum cost
    int webhook_retry_seconds = 10;       // a failed webhook delivery is retried after this, doubling, at most an hour apart
};

}  // namespace encore::server
