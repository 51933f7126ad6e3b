// argon2id through libsodium (crypto_pwhash_str), initialised once per process.
#include "accounts/passwords.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace encore::server {
namespace {

void initialise_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
    });
}

}  // namespace

std::string hash_password(std::string_view password, bool fast) {
    initialise_sodium();
    const unsigned long long ops = fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const std::size_t memory = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, memory, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return out;
}

bool verify_password(const std::string& stored_hash, std::string_view password) {
    initialise_sodium();
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

void verify_against_dummy(std::string_view password, bool fast) {
    if (fast) {
        static const std::string fast_dummy = hash_password("not the password of anyone", true);
        verify_password(fast_dummy, password);
    } else {
        static const std::string slow_dummy = hash_password("not the password of anyone", false);
        verify_password(slow_dummy, password);
    }
}

}  // namespace encore::server
