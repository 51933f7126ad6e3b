// Signal watching with sigtimedwait: no async-signal-safety concerns, and a clean join at exit.
#include "app/shutdown_signals.hpp"

#include <signal.h>

#include <ctime>

namespace encore::server {
namespace {

sigset_t shutdown_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

void block_shutdown_signals() {
    sigset_t set = shutdown_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

StopOnShutdownSignal::StopOnShutdownSignal(std::function<void()> stop) : stop_(std::move(stop)) {
    watcher_ = std::thread([this] { watch(); });
}

StopOnShutdownSignal::~StopOnShutdownSignal() {
    done_ = true;
    watcher_.join();
}

void StopOnShutdownSignal::watch() {
    const sigset_t set = shutdown_set();
    const timespec tick{0, 100'000'000};
    bool signalled = false;
    while (!done_) {
        if (!signalled) signalled = sigtimedwait(&set, nullptr, &tick) > 0;
        if (signalled) {
            // Keep asking until serve() is done, in case the signal came before the server listened.
            stop_();
            nanosleep(&tick, nullptr);
        }
    }
}

}  // namespace encore::server
