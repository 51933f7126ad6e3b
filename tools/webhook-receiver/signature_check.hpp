// How a receiver checks an Encore webhook: the "Encore-Signature: t=<unix>,v1=<hex>" header must carry
// HMAC-SHA256("<t>.<raw body>") keyed with the endpoint's secret, and t must be within 5 minutes of the
// receiver's clock (older signatures are replays and are refused). Written from the receiver's side,
// independently of the server's signing code.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace encore::webhooks {

inline constexpr std::int64_t signature_tolerance_seconds = 5 * 60;

struct SignatureCheck {
    bool ok = false;
    std::string reason;         // why not: "no signature", "malformed signature", "stale signature", "wrong signature"
    std::int64_t timestamp = 0; // t, when it could be read
};

SignatureCheck check_signature(std::string_view header, std::string_view body, std::string_view secret, std::int64_t now_unix,
                               std::int64_t tolerance_seconds = signature_tolerance_seconds);

}  // namespace encore::webhooks
