// HMAC-SHA256 with libsodium and a comparison in constant time.
#include "signature_check.hpp"

#include <sodium.h>

#include <charconv>
#include <cstdlib>

namespace encore::webhooks {

SignatureCheck check_signature(std::string_view header, std::string_view body, std::string_view secret, std::int64_t now_unix,
                               std::int64_t tolerance_seconds) {
    SignatureCheck out;
    if (header.empty()) {
        out.reason = "no signature";
        return out;
    }
    std::string_view t, v1;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const std::string_view part = header.substr(0, comma);
        if (part.starts_with("t=")) t = part.substr(2);
        else if (part.starts_with("v1=")) v1 = part.substr(3);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    }
    auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), out.timestamp);
    if (t.empty() || error != std::errc{} || end != t.data() + t.size() || v1.size() != 2 * crypto_auth_hmacsha256_BYTES) {
        out.reason = "malformed signature";
        return out;
    }
    if (std::llabs(now_unix - out.timestamp) > tolerance_seconds) {
        out.reason = "stale signature";
        return out;
    }
    unsigned char expected[crypto_auth_hmacsha256_BYTES], given[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(t.data()), t.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    crypto_auth_hmacsha256_final(&state, expected);
    std::size_t length = 0;
    if (sodium_hex2bin(given, sizeof given, v1.data(), v1.size(), nullptr, &length, nullptr) != 0 || length != sizeof given ||
        sodium_memcmp(given, expected, sizeof given) != 0) {
        out.reason = "wrong signature";
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace encore::webhooks
