// The server's one clock source; everything that needs "now" asks here.
#pragma once
#include "encore/time.hpp"

namespace encore::server {

Instant current_instant();

}  // namespace encore::server
