// Percent-encoding of one URL path segment or query value, as JavaScript's encodeURIComponent does it, and back.
#pragma once
#include <string>
#include <string_view>

namespace web {

// Keeps A-Z a-z 0-9 - _ . ! ~ * ' ( ); every other byte becomes %XX (upper-case hex).
std::string uri_component(std::string_view text);
// Undoes %XX (either case); a '%' not followed by two hex digits stays as written.
std::string percent_decoded(std::string_view text);

}  // namespace web
