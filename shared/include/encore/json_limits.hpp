// JSON text from outside, parsed with a nesting limit checked on the raw text first, so no parser,
// walker or writer ever recurses deeper than the limit (nlohmann's dump and destructor recurse).
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace encore {

inline constexpr int max_json_depth = 64;

// The byte offset of the bracket that opens the (max_depth + 1)-th nested array or object, or nullopt
// when the text never nests deeper than max_depth. Brackets inside strings do not count; the text need
// not be valid JSON.
std::optional<std::size_t> json_too_deep_at(std::string_view text, int max_depth = max_json_depth);

struct JsonText {
    enum class Failure { none, malformed, too_deep };
    nlohmann::json value;            // discarded unless failure is none
    Failure failure = Failure::none;
    std::size_t at = 0;              // where it failed (byte offset)
};

// Parses `text` if it nests at most max_depth deep and is valid JSON (a NUL byte anywhere makes it
// malformed); never throws.
JsonText parse_json_text(std::string_view text, int max_depth = max_json_depth);

}  // namespace encore
