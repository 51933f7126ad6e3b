// Work nobody asks for: expired holds and lapsed invoices are released, and the renewal campaign's
// dates run, every second by a thread; old idempotency records and availability changes are pruned
// every minute.
#pragma once
#include <atomic>
#include <thread>

#include "context/server_context.hpp"

namespace encore::server {

class Maintenance {
public:
    explicit Maintenance(ServerContext& ctx);
    ~Maintenance();  // stops and joins the thread
    // One pass, as the thread does it every second (tests and start-up call it directly).
    static void run_once(ServerContext& ctx);
    // Deletes idempotency records past --idempotency-days and seat changes past --seat-change-hours.
    static void prune(ServerContext& ctx);

private:
    ServerContext& ctx_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace encore::server
