// Wall-clock time for the server (the core never reads a clock).
#include "clock.hpp"

#include <chrono>

namespace encore::server {

Instant system_instant() {
    using namespace std::chrono;
    return Instant{duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

}  // namespace encore::server
