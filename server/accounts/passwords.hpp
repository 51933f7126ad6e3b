// Password hashing with libsodium's argon2id: the stored string carries its own salt and cost.
#pragma once
#include <string>
#include <string_view>

namespace encore::server {

// An argon2id hash string of `password`; `fast` uses libsodium's minimum cost (tests and benchmarks).
std::string hash_password(std::string_view password, bool fast);
// True if `password` matches the stored hash string.
bool verify_password(const std::string& stored_hash, std::string_view password);
// Spends about as long as verify_password on a real hash, so an unknown email answers as slowly.
void verify_against_dummy(std::string_view password, bool fast);

}  // namespace encore::server
