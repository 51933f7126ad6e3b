// The server's one clock source. Everything that needs "now" asks here; tests and the demo's
// "time travel" admin setting move it by setting the instant it should read now.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>

#include "encore/time.hpp"

namespace encore::server {

// The system clock (the core never reads a clock).
inline Instant system_instant() {
    using namespace std::chrono;
    return Instant{duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

class ServerClock {
public:
    // The system time moved by the current offset.
    Instant now() const { return {system_instant().unix_seconds + offset_seconds_.load()}; }
    // From now on, now() reads `target` (and runs on from there).
    void travel_to(Instant target) { offset_seconds_ = target.unix_seconds - system_instant().unix_seconds; }
    // Back to the system time.
    void reset() { offset_seconds_ = 0; }
    std::int64_t offset_seconds() const { return offset_seconds_.load(); }

private:
    std::atomic<std::int64_t> offset_seconds_{0};
};

}  // namespace encore::server
