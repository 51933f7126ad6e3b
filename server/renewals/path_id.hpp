// The numeric ids in the renewal room's paths and queries ("/api/staff/customers/12").
#pragma once
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

namespace encore::server {

// A positive whole number written in decimal and nothing else, or nullopt.
inline std::optional<std::int64_t> path_id(const std::string& text) {
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

}  // namespace encore::server
