// The first look at every request, before routing and before any body is read.
#pragma once

namespace httplib {
class Server;
}

namespace encore::server {

// Notes the request's start for the log, and answers 411 `length_required` to a POST, PUT or
// PATCH that declares no body length (httplib would otherwise wait for the connection to close).
void install_request_guard(httplib::Server& server);

}  // namespace encore::server
