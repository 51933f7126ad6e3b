// Runs the server with parsed options until SIGINT/SIGTERM; returns the process exit code.
#pragma once
#include "context/options.hpp"

namespace encore::server {

// 0 after a clean stop, 1 if it cannot start (database, catalog, web root, port).
int serve(const Options& options);

}  // namespace encore::server
