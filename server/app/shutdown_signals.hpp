// Stops the HTTP server on SIGINT or SIGTERM, from a thread of its own rather than a signal handler.
#pragma once
#include <atomic>
#include <functional>
#include <thread>

namespace encore::server {

// Blocks SIGINT and SIGTERM in the calling thread (and so in threads it creates later); call it
// before any thread starts.
void block_shutdown_signals();

// While alive, a SIGINT or SIGTERM calls `stop` (it must be safe to call at any time, repeatedly).
class StopOnShutdownSignal {
public:
    explicit StopOnShutdownSignal(std::function<void()> stop);
    ~StopOnShutdownSignal();
    StopOnShutdownSignal(const StopOnShutdownSignal&) = delete;
    StopOnShutdownSignal& operator=(const StopOnShutdownSignal&) = delete;

private:
    void watch();

    std::function<void()> stop_;
    std::atomic<bool> done_{false};
    std::thread watcher_;
};

}  // namespace encore::server
