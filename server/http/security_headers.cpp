// The policy text: the web client needs its own scripts (no inline script), WebAssembly compilation, inline
// styles and fetches to its own origin; nothing else. Who may frame it: --frame-ancestors and --embed-origin.
#include "http/security_headers.hpp"

#include <httplib.h>

#include <cctype>

namespace encore::server {
namespace {

bool is_origin(std::string_view source) {
    const std::size_t scheme_end = source.find("://");
    if (scheme_end == std::string_view::npos || scheme_end == 0) return false;
    for (char c : source.substr(0, scheme_end))
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    const std::string_view host = source.substr(scheme_end + 3);
    if (host.empty() || host.size() > 253) return false;
    for (char c : host)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '*' && c != '[' &&
            c != ']')
            return false;
    return true;
}

}  // namespace

std::optional<std::string> frame_ancestors_source_list(std::string_view sources) {
    std::string list;
    std::size_t at = 0;
    while (at < sources.size()) {
        while (at < sources.size() && (sources[at] == ' ' || sources[at] == ',')) ++at;
        std::size_t end = at;
        while (end < sources.size() && sources[end] != ' ' && sources[end] != ',') ++end;
        if (end == at) break;
        const std::string_view source = sources.substr(at, end - at);
        if (source != "'self'" && source != "'none'" && !is_origin(source)) return std::nullopt;
        list += (list.empty() ? "" : " ") + std::string(source);
        at = end;
    }
    if (list.empty()) return std::nullopt;
    return list;
}

std::optional<std::string> embed_origin(std::string_view text) {
    if (!text.empty() && text.back() == '/') text.remove_suffix(1);
    std::string origin;
    for (char c : text) origin += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view rest = origin;
    if (rest.starts_with("https://")) rest.remove_prefix(8);
    else if (rest.starts_with("http://")) rest.remove_prefix(7);
    else return std::nullopt;
    std::string_view host = rest, port;
    const std::size_t bracket = rest.rfind(']'), colon = rest.rfind(':');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
        if (port.empty() || port.size() > 5) return std::nullopt;
        int number = 0;
        for (char c : port) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
            number = number * 10 + (c - '0');
        }
        if (number == 0 || number > 65535) return std::nullopt;
    }
    if (host.empty() || host.size() > 253) return std::nullopt;
    const bool ipv6 = host.front() == '[' && host.back() == ']';
    for (char c : ipv6 ? host.substr(1, host.size() - 2) : host)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || (ipv6 && c == ':'))) return std::nullopt;
    return origin;
}

std::string framing_sources(const std::string& frame_ancestors, const std::vector<std::string>& embed_origins) {
    std::string list = embed_origins.empty() || frame_ancestors != "'none'" ? frame_ancestors : "";
    for (const std::string& origin : embed_origins)
        if ((" " + list + " ").find(" " + origin + " ") == std::string::npos) list += (list.empty() ? "" : " ") + origin;
    return list;
}

std::vector<std::pair<std::string, std::string>> security_headers(const std::string& framing) {
    std::vector<std::pair<std::string, std::string>> headers{
        {"X-Content-Type-Options", "nosniff"},
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
         "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
         "frame-ancestors " + framing},
        {"Referrer-Policy", "same-origin"}};
    if (framing == "'self'") headers.emplace_back("X-Frame-Options", "SAMEORIGIN");
    if (framing == "'none'") headers.emplace_back("X-Frame-Options", "DENY");
    return headers;
}

void install_security_headers(httplib::Server& server, const std::vector<std::pair<std::string, std::string>>& headers) {
    httplib::Headers defaults;
    for (const auto& [name, value] : headers) defaults.emplace(name, value);
    server.set_default_headers(std::move(defaults));
}

}  // namespace encore::server
