// The web client's files: a folder mounted at "/", revalidated on every use.
#pragma once
#include <string>

namespace httplib {
class Server;
}

namespace encore::server {

// Serves `folder` at "/" (index.html for "/") with Cache-Control: no-cache, .wasm as
// application/wasm, gzip-compressed once per file and cached when the client accepts it
// (compressed_body.hpp). False if the folder does not exist.
bool mount_web_root(httplib::Server& server, const std::string& folder);

}  // namespace encore::server
