// Unguessable text from libsodium's randombytes: order references, pass codes, card tokens.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace encore::server {

// `bytes` random bytes as lower-case hex (2 characters each).
std::string random_hex(std::size_t bytes);
// True if `text` has the shape of random_hex(bytes): 2 * bytes lower-case hex digits.
bool is_random_hex(std::string_view text, std::size_t bytes);
// `count` random characters of the RFC 4648 base32 alphabet (A-Z, 2-7), 5 bits each.
std::string random_base32(std::size_t count);

}  // namespace encore::server
