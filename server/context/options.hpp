// The settings of a running encore-server, as its command line gave them (app/command_line.hpp).
#pragma once
#include <string>
#include <vector>

namespace encore::server {

struct Options {
    std::string bind_address = "127.0.0.1";
    int port = 8080;               // 0 = let the kernel pick a free port
    std::string database_path = "var/encore.db";
    std::string web_root;          // empty = no static files
    std::string catalog_path;      // empty = no import
    bool demo_sales = false;
    int threads = 8;
    int db_connections = 32;       // PostgreSQL: connections in the pool at most (a lease waits for one)
    int hold_minutes = 15;          // a new hold lasts this long ...
    int hold_cap_minutes = 60;      // ... and extensions stop this long after it was made
    int hold_grace_seconds = 30;    // a hold whose page was closed ends this long after (a reload reclaims it)
    int invoice_days = 7;           // an unpaid invoice lapses this long after the order (or at the performance)
    int session_hours = 24 * 14;    // a login lasts this long
    int hold_requests_per_minute = 120;   // per client address, hold endpoints
    int order_requests_per_minute = 60;   // per client address, order endpoints
    // On-sale day (docs/on-sale-day.md): connections, deadlines, seat tie-up, logins, housekeeping.
    int max_connections = 10000;           // open at once; more wait in the listen backlog
    int max_connections_per_address = 256; // per client address (trusted proxies exempt); more get 503
    int header_timeout_seconds = 10;       // a request's head must arrive within this ...
    int body_timeout_seconds = 30;         // ... and its body within this after the head
    int idle_timeout_seconds = 60;         // a kept-alive connection with no request is closed
    std::vector<std::string> trusted_proxies;  // CIDRs whose X-Forwarded-For is believed
    std::string frame_ancestors = "'self'";    // who may frame the web client (CSP frame-ancestors)
    std::vector<std::string> embed_origins;    // venue sites that embed the picker: may frame it and talk to it
    int max_seats_per_hold = 10;           // seats of one performance in one hold
    int max_seats_per_customer = 20;       // held + ordered seats per performance, per account or anonymous client
    int max_holds_per_client = 5;          // live holds with seats, per account or anonymous client
    int max_invoice_seats = 20;            // seats in an account's unpaid invoices
    int login_requests_per_minute = 30;    // login + register, per client address
    int login_requests_per_account = 10;   // login + register, per email
    int password_hashing_slots = 2;        // argon2id hashes at once (each ~64 MiB, ~130 ms of CPU)
    int max_sessions_per_account = 10;     // the oldest session ends when a new one would pass this
    int idempotency_days = 7;              // stored order answers are replayable this long
    int seat_change_hours = 24;            // the availability change log keeps this much history
    std::string admin;              // "EMAIL:PASSWORD": create this admin account on start if missing
    bool fast_password_hashing = false;  // tests and benchmarks only: argon2id at libsodium's minimum cost
    int webhook_retry_seconds = 10;       // a failed webhook delivery is retried after this, doubling, at most an hour apart
};

}  // namespace encore::server
