// Static file serving for --web-root, gzip-compressed for clients that accept it.
#include "http/static_files.hpp"

#include <httplib.h>

#include <filesystem>

#include "http/compressed_body.hpp"

namespace encore::server {

bool mount_web_root(httplib::Server& server, const std::string& folder) {
    if (!std::filesystem::is_directory(folder)) return false;
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
        set_compressible_body(req, res, req.path, std::make_shared<const std::string>(std::move(res.body)),
                              res.get_header_value("Content-Type"));
    });
    return server.set_mount_point("/", folder, {{"Cache-Control", "no-cache"}});
}

}  // namespace encore::server
