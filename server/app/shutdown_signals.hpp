// Stops the HTTP server on SIGINT or SIGTERM, from a thread of its own rather than a signal handler.
#pragma once
#include <atomic>
#include <thread>

namespace httplib {
class Server;
}

namespace encore::server {

// Blocks SIGINT and SIGTERM in the calling thread (and so in threads it creates later); call it
// before any thread starts.
void block_shutdown_signals();

// While alive, a SIGINT or SIGTERM stops `server` (even if it has not started listening yet).
class StopOnShutdownSignal {
public:
    explicit StopOnShutdownSignal(httplib::Server& server);
    ~StopOnShutdownSignal();
    StopOnShutdownSignal(const StopOnShutdownSignal&) = delete;
    StopOnShutdownSignal& operator=(const StopOnShutdownSignal&) = delete;

private:
    void watch();

    httplib::Server& server_;
    std::atomic<bool> done_{false};
    std::thread watcher_;
};

}  // namespace encore::server
