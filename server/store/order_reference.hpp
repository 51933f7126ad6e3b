// Short order references a customer can read out and type: 8 characters of 2-9 and A-Z without the
// look-alikes I, L and O (nor 0 and 1), e.g. "K7QX4M2P". Unique per order (a UNIQUE index), not secret:
// an order is only shown to its owner and staff.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace encore::server {

inline constexpr std::string_view short_reference_alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t short_reference_length = 8;

// A random short reference no order has yet (inside the caller's write transaction).
std::string new_short_reference(db::Connection& db);
// What a customer typed, as a short reference: upper-cased, spaces and dashes dropped; nullopt when it is
// not 8 characters of the alphabet.
std::optional<std::string> normalised_short_reference(std::string_view typed);

}  // namespace encore::server
