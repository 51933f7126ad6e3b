// The headers every answer carries: no MIME sniffing, a Content-Security-Policy for the web client,
// and the embedding policy (frame-ancestors) that venue sites framing the seat picker need.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace httplib {
class Server;
}

namespace encore::server {

// "'self' https://venue.example": the sources a page may be framed by. Each must be 'self', 'none' or
// an origin such as https://venue.example or https://*.venue.example:8443; nullopt otherwise.
std::optional<std::string> frame_ancestors_source_list(std::string_view sources);

// X-Content-Type-Options, Content-Security-Policy (with frame-ancestors from the list) and Referrer-Policy.
std::vector<std::pair<std::string, std::string>> security_headers(const std::string& frame_ancestors);

// Adds them to every answer httplib writes.
void install_security_headers(httplib::Server& server, const std::vector<std::pair<std::string, std::string>>& headers);

}  // namespace encore::server
