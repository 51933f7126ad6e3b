// Who the client is: the socket's peer address, or, when the peer is one of the configured trusted
// proxies (--trusted-proxy CIDR), the nearest untrusted address in X-Forwarded-For. Rate limits,
// connection caps and anonymous holds key on this address.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace encore::server {

// An IPv4 or IPv6 network: "10.0.0.0/8", "127.0.0.1" (a /32), "::1", "fd00::/8".
struct AddressRange {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix_bits = 128;
};

std::optional<AddressRange> parse_address_range(std::string_view text);

class TrustedProxies {
public:
    TrustedProxies() = default;
    explicit TrustedProxies(std::vector<AddressRange> ranges) : ranges_(std::move(ranges)) {}

    bool trusts(std::string_view address) const;
    // The client of a connection from `peer` whose request says `forwarded_for` (the X-Forwarded-For
    // header, "" if none): from the right, the first address that is not a trusted proxy; the peer
    // itself when the peer is not trusted or the header names no usable address.
    std::string client_address(std::string_view peer, std::string_view forwarded_for) const;

private:
    std::vector<AddressRange> ranges_;
};

}  // namespace encore::server
