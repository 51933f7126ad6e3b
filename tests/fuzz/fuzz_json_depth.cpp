// The nesting pre-check against the real nesting: for text nlohmann parses, json_too_deep_at reports
// too deep exactly when some array or object sits deeper than the limit.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "encore/json_limits.hpp"
#include "fuzz_support.hpp"

namespace {

constexpr int limit = 8;  // small, so the fuzzer reaches it

// The deepest nesting of arrays and objects, without recursion.
int depth_of(const nlohmann::json& root) {
    int deepest = 0;
    std::vector<std::pair<const nlohmann::json*, int>> pending{{&root, 0}};
    while (!pending.empty()) {
        auto [value, depth] = pending.back();
        pending.pop_back();
        if (!value->is_structured()) continue;
        deepest = std::max(deepest, depth + 1);
        for (const auto& child : *value) pending.push_back({&child, depth + 1});
    }
    return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace encore;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto deep_at = json_too_deep_at(text, limit);
    if (deep_at && *deep_at >= text.size()) fuzz::property_failed("the reported offset is outside the text");
    if (deep_at && text[*deep_at] != '[' && text[*deep_at] != '{') fuzz::property_failed("the offset is not a bracket");
    if (text.find('\0') != std::string_view::npos) {
        // nlohmann would read up to the NUL and ignore the rest; parse_json_text refuses the text.
        if (parse_json_text(text, limit).failure == JsonText::Failure::none) fuzz::property_failed("a NUL byte was accepted");
        return 0;
    }
    if (size > 4096) return 0;  // nlohmann's own parser recurses: keep its input shallow enough
    const nlohmann::json parsed = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (parsed.is_discarded()) return 0;
    if (deep_at.has_value() != (depth_of(parsed) > limit)) fuzz::property_failed("the pre-check disagrees with the parsed depth");
    const JsonText limited = parse_json_text(text, limit);
    if ((limited.failure == JsonText::Failure::too_deep) != deep_at.has_value()) fuzz::property_failed("parse_json_text disagrees");
    return 0;
}
