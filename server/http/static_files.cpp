// Static file serving for --web-root.
#include "http/static_files.hpp"

#include <httplib.h>

#include <filesystem>

#include "http/uncompressed_body.hpp"

namespace encore::server {

bool mount_web_root(httplib::Server& server, const std::string& folder) {
    if (!std::filesystem::is_directory(folder)) return false;
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
        set_uncompressed_body(res, std::move(res.body), res.get_header_value("Content-Type"));
    });
    return server.set_mount_point("/", folder, {{"Cache-Control", "no-cache"}});
}

}  // namespace encore::server
