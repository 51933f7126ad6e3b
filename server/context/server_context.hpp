// What every request handler may use: the database, the published catalog, the clock, the options and
// the rate limiter. Only declared here: a handler includes the header of each part it uses.
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

struct ServerContext {
    Store& store;
    ConnectionPool& pool;      // connections to the same database, one per request
    CatalogState& catalog;
    ServerClock& clock;
    const Options& options;
    RateLimiter& limiter;
    std::atomic<std::int64_t> renewals_ran_until{0};  // this server's renewal scheduler has run up to here (unix seconds)
};

}  // namespace encore::server
