// The nesting pre-check: one pass over the text, tracking strings and escapes, no recursion.
#include "encore/json_limits.hpp"

namespace encore {

std::optional<std::size_t> json_too_deep_at(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '[':
            case '{':
                if (++depth > max_depth) return i;
                break;
            case ']':
            case '}':
                if (depth > 0) --depth;
                break;
            default: break;
        }
    }
    return std::nullopt;
}

JsonText parse_json_text(std::string_view text, int max_depth) {
    JsonText result;
    if (auto deep = json_too_deep_at(text, max_depth)) {
        result.value = nlohmann::json(nlohmann::json::value_t::discarded);
        result.failure = JsonText::Failure::too_deep;
        result.at = *deep;
        return result;
    }
    // nlohmann stops at a NUL byte and accepts the text before it, whatever follows; JSON text never
    // has one (found by tests/fuzz/fuzz_json_depth.cpp).
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        result.value = nlohmann::json(nlohmann::json::value_t::discarded);
        result.failure = JsonText::Failure::malformed;
        result.at = nul;
        return result;
    }
    try {
        result.value = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& error) {
        result.value = nlohmann::json(nlohmann::json::value_t::discarded);
        result.failure = JsonText::Failure::malformed;
        result.at = error.byte;
    } catch (const nlohmann::json::exception&) {
        // out_of_range 406: a number too large for a double ("5e747"), found by the fuzz targets.
        result.value = nlohmann::json(nlohmann::json::value_t::discarded);
        result.failure = JsonText::Failure::malformed;
    }
    return result;
}

}  // namespace encore
