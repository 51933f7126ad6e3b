// The policy text: the web client needs its own scripts, an inline bootstrap script, WebAssembly
// compilation, inline styles and fetches to its own origin; nothing else.
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

std::vector<std::pair<std::string, std::string>> security_headers(const std::string& frame_ancestors) {
    return {{"X-Content-Type-Options", "nosniff"},
            {"Content-Security-Policy",
             "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
             "frame-ancestors " + frame_ancestors},
            {"Referrer-Policy", "same-origin"}};
}

void install_security_headers(httplib::Server& server, const std::vector<std::pair<std::string, std::string>>& headers) {
    httplib::Headers defaults;
    for (const auto& [name, value] : headers) defaults.emplace(name, value);
    server.set_default_headers(std::move(defaults));
}

}  // namespace encore::server
