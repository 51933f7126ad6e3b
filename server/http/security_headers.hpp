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

// "https://venue.example:8443" from one origin as a browser writes it (scheme http or https, host, optional port;
// a trailing "/" is dropped, scheme and host lower-cased); nullopt for a path, a wildcard or anything else.
std::optional<std::string> embed_origin(std::string_view text);

// The frame-ancestors list: `frame_ancestors` plus the embed origins (which replace a lone 'none').
std::string framing_sources(const std::string& frame_ancestors, const std::vector<std::string>& embed_origins);

// X-Content-Type-Options, Content-Security-Policy (no inline script; frame-ancestors from `framing`),
// X-Frame-Options for browsers without frame-ancestors (SAMEORIGIN for 'self', DENY for 'none'; left out when
// other origins may frame, which it cannot name) and Referrer-Policy.
std::vector<std::pair<std::string, std::string>> security_headers(const std::string& framing);

// Adds them to every answer httplib writes.
void install_security_headers(httplib::Server& server, const std::vector<std::pair<std::string, std::string>>& headers);

}  // namespace encore::server
