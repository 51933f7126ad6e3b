// What every request handler may use: the database, the published catalog, the clock, the options,
// the rate limiter, the write queue and the password-hashing gate. Only declared here: a handler
// includes the header of each part it uses.
#pragma once
#include <atomic>
#include <cstdint>

namespace encore::server {

class Store;
class ConnectionPool;
class CatalogState;
class ServerClock;
struct Options;
class RateLimiter;
class WriteQueue;
class PasswordGate;

struct ServerContext {
    Store& store;
    ConnectionPool& pool;      // connections to the same database, one per request
    CatalogState& catalog;
    ServerClock& clock;
    const Options& options;
    RateLimiter& limiter;
    WriteQueue& writes;        // group commit: the seat-changing writes, many per transaction
    PasswordGate& hashing;     // how many password hashes run at once
    std::atomic<std::int64_t> renewals_ran_until{0};  // this server's renewal scheduler has run up to here (unix seconds)
};

}  // namespace encore::server
