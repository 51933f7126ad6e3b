// URL parsing for endpoints and HMAC-SHA256 signing with libsodium.
#include "renewals/webhook_signature.hpp"

#include <sodium.h>

#include <charconv>

namespace encore::server {

std::optional<WebhookUrl> parse_webhook_url(const std::string& url) {
    if (url.size() > 2000) return std::nullopt;
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f || c == '#') return std::nullopt;
    WebhookUrl out;
    std::string rest;
    if (url.starts_with("http://")) {
        out.scheme = "http";
        out.port = 80;
        rest = url.substr(7);
    } else if (url.starts_with("https://")) {
        out.scheme = "https";
        out.port = 443;
        rest = url.substr(8);
    } else {
        return std::nullopt;
    }
    const auto slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    out.path = slash == std::string::npos ? "/" : rest.substr(slash);
    if (authority.empty() || authority.find('@') != std::string::npos) return std::nullopt;
    std::string host = authority;
    if (const auto colon = authority.rfind(':'); colon != std::string::npos) {
        host = authority.substr(0, colon);
        const std::string digits = authority.substr(colon + 1);
        int port = 0;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
        if (error != std::errc{} || end != digits.data() + digits.size() || port < 1 || port > 65535) return std::nullopt;
        out.port = port;
    }
    if (host.find_first_of("[]:") != std::string::npos) return std::nullopt;  // IPv6 literals are not taken
    if (host.empty()) return std::nullopt;
    out.host = host;
    return out;
}

std::string webhook_signature(const std::string& secret, std::int64_t timestamp, const std::string& body) {
    const std::string stamp = std::to_string(timestamp);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(stamp.data()), stamp.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, mac);
    char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return "t=" + stamp + ",v1=" + hex;
}

}  // namespace encore::server
