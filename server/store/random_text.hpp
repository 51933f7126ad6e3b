// Unguessable text from libsodium's randombytes: order references, pass codes, card tokens.
#pragma once
#include <cstddef>
#include <string>

namespace encore::server {

// `bytes` random bytes as lower-case hex (2 characters each).
std::string random_hex(std::size_t bytes);
// `count` random characters of the RFC 4648 base32 alphabet (A-Z, 2-7), 5 bits each.
std::string random_base32(std::size_t count);

}  // namespace encore::server
