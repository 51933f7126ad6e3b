// What every request handler may use: the database, the published catalog, the clock and the options.
#pragma once
#include "catalog_state.hpp"
#include "clock.hpp"
#include "connection_pool.hpp"
#include "options.hpp"

namespace encore::server {

class Store;
class RateLimiter;

struct ServerContext {
    Store& store;
    ConnectionPool& pool;      // connections to the same database, one per request
    CatalogState& catalog;
    ServerClock& clock;
    const Options& options;
    RateLimiter& limiter;
};

}  // namespace encore::server
