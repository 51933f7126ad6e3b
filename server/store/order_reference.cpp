// Random short references (libsodium's unbiased randombytes_uniform) and their normal form.
#include "store/order_reference.hpp"

#include <sodium.h>

#include <stdexcept>

namespace encore::server {

std::string new_short_reference(db::Connection& db) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
    auto taken = db.prepare("SELECT 1 FROM orders WHERE short_reference = ?");
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string reference;
        for (std::size_t i = 0; i < short_reference_length; ++i)
            reference += short_reference_alphabet[randombytes_uniform(static_cast<std::uint32_t>(short_reference_alphabet.size()))];
        taken.bind(1, reference);
        const bool used = taken.step();
        taken.reset();
        if (!used) return reference;
    }
    throw std::runtime_error("no free short order reference after 100 attempts");
}

std::optional<std::string> normalised_short_reference(std::string_view typed) {
    std::string reference;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (short_reference_alphabet.find(c) == std::string_view::npos) return std::nullopt;
        reference += c;
    }
    if (reference.size() != short_reference_length) return std::nullopt;
    return reference;
}

}  // namespace encore::server
