// Request bodies sent compressed (Content-Encoding gzip, deflate or br), inflated with a cap on the
// output, so a small compressed body can never become a large one in memory.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace encore::server {

enum class ContentCoding { identity, gzip, deflate, brotli, unsupported };

// The coding a Content-Encoding value names ("gzip", "x-gzip", "deflate", "br", "identity", any case);
// a list of several codings is unsupported.
ContentCoding content_coding(std::string_view header_value);

struct DecodedContent {
    enum class Outcome { ok, too_large, corrupt } outcome = Outcome::ok;
    std::string data;
};

// Undoes `coding`; stops with too_large as soon as the output would pass max_size.
DecodedContent decode_content(std::string_view data, ContentCoding coding, std::size_t max_size);

}  // namespace encore::server
