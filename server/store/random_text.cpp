// Random bytes from libsodium, spelt as hex or base32.
#include "store/random_text.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace encore::server {
namespace {

std::vector<unsigned char> random_bytes(std::size_t count) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
    std::vector<unsigned char> bytes(count);
    randombytes_buf(bytes.data(), bytes.size());
    return bytes;
}

}  // namespace

std::string random_hex(std::size_t bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text;
    for (unsigned char b : random_bytes(bytes)) {
        text += digits[b >> 4];
        text += digits[b & 0xf];
    }
    return text;
}

bool is_random_hex(std::string_view text, std::size_t bytes) {
    if (text.size() != bytes * 2) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string random_base32(std::size_t count) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string text;
    for (unsigned char b : random_bytes(count)) text += alphabet[b & 31];
    return text;
}

}  // namespace encore::server
