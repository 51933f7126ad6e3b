// The request log: one line per request on stderr.
#pragma once

namespace httplib {
class Server;
}

namespace encore::server {

// Logs "METHOD PATH STATUS BYTES DURATIONms" for every request.
void install_request_log(httplib::Server& server);
// Marks the start of the request this thread is now handling (call from the pre-routing handler).
void note_request_start();

}  // namespace encore::server
