// Small helpers for the sentences the core writes: lists in plain words.
#pragma once
#include <string>
#include <vector>

namespace encore::detail {

// "a", "a and b", "a, b and c" (or with another last word: "a, b or c").
inline std::string join_words(const std::vector<std::string>& words, const char* last = " and ") {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += i + 1 == words.size() ? last : ", ";
        out += words[i];
    }
    return out;
}

}  // namespace encore::detail
