// Problem+json for errors raised outside the API handlers: httplib's own 4xx and uncaught exceptions.
#pragma once
#include <cstddef>

namespace httplib {
class Server;
}

namespace encore::server {

// Gives every error response without a body a problem+json body, and turns an uncaught
// exception into a 500 `internal_error` (the detail is logged, never sent).
void install_error_handling(httplib::Server& server, std::size_t payload_max_length);

}  // namespace encore::server
