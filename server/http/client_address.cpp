// Address parsing with inet_pton, IPv4 held as IPv4-mapped IPv6 so one comparison serves both.
#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace encore::server {
namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// The address as 16 bytes, and whether it was written as IPv4.
std::optional<std::pair<std::array<std::uint8_t, 16>, bool>> parse_address(std::string_view text) {
    if (text.empty() || text.size() > 45) return std::nullopt;
    const std::string zero_ended(text);
    std::array<std::uint8_t, 16> bytes{};
    in_addr v4{};
    if (inet_pton(AF_INET, zero_ended.c_str(), &v4) == 1) {
        bytes[10] = bytes[11] = 0xff;
        std::memcpy(&bytes[12], &v4, 4);
        return std::pair{bytes, true};
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, zero_ended.c_str(), &v6) == 1) {
        std::memcpy(bytes.data(), &v6, 16);
        return std::pair{bytes, false};
    }
    return std::nullopt;
}

bool in_range(const std::array<std::uint8_t, 16>& address, const AddressRange& range) {
    int bits = range.prefix_bits;
    for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((address[i] & mask) != (range.bytes[i] & mask)) return false;
    }
    return true;
}

}  // namespace

std::optional<AddressRange> parse_address_range(std::string_view text) {
    text = trimmed(text);
    const std::size_t slash = text.find('/');
    auto address = parse_address(text.substr(0, slash));
    if (!address) return std::nullopt;
    const bool v4 = address->second;
    AddressRange range{address->first, 128};
    if (slash != std::string_view::npos) {
        const std::string_view bits_text = text.substr(slash + 1);
        int bits = -1;
        const auto [ptr, error] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
        if (bits_text.empty() || error != std::errc{} || ptr != bits_text.data() + bits_text.size()) return std::nullopt;
        if (bits < 0 || bits > (v4 ? 32 : 128)) return std::nullopt;
        range.prefix_bits = v4 ? 96 + bits : bits;
    }
    return range;
}

bool TrustedProxies::trusts(std::string_view address) const {
    if (ranges_.empty()) return false;
    auto parsed = parse_address(trimmed(address));
    if (!parsed) return false;
    for (const AddressRange& range : ranges_)
        if (in_range(parsed->first, range)) return true;
    return false;
}

std::string TrustedProxies::client_address(std::string_view peer, std::string_view forwarded_for) const {
    if (forwarded_for.empty() || !trusts(peer)) return std::string(peer);
    // Walk the list from the right: each hop appended the address it saw.
    std::string_view rest = forwarded_for, nearest = peer;
    while (!rest.empty()) {
        const std::size_t comma = rest.rfind(',');
        const std::string_view hop = trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        if (!parse_address(hop)) break;  // a hop we cannot read: trust nothing left of it
        nearest = hop;
        if (!trusts(hop)) break;
    }
    return std::string(nearest);
}

}  // namespace encore::server
