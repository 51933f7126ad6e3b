// The one rule for what an id may look like.
#include "encore/ids.hpp"

#include <algorithm>

namespace encore {

bool is_valid_id(std::string_view id) {
    return !id.empty() && id.size() <= max_id_length && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}

}  // namespace encore
