// The stored-card test provider's vault: a card number is checked (Luhn, expiry, cvc) and exchanged
// for a token; only the token, brand, last four digits and expiry are kept, never the number or cvc.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "encore/api_problems.hpp"
#include "encore/time.hpp"
#include "store/database.hpp"

namespace encore::server {

struct CardDetails {
    std::string number;  // digits, spaces and dashes allowed
    std::string expiry;  // "MM/YY"
    std::string cvc;
};

struct StoredCard {
    std::string token;
    std::string brand;
    std::string last4;
    std::string expires;
};

// Why a card was refused, naming the field ("number", "expiry", "cvc").
struct CardProblem {
    std::string field;
    ApiProblem code;  // card_number_invalid, card_expired, expiry_invalid or cvc_invalid
    std::string message;
};

// Inside the caller's transaction: stores the card for the account and the test provider's outcome for
// it ("decline:card_declined" for 4000000000000002, "decline:insufficient_funds" for 4000000000009995,
// "approve" otherwise).
std::variant<StoredCard, CardProblem> store_test_card(db::Connection& db, std::int64_t account_id,
                                                      const CardDetails& card, Instant now);
std::vector<StoredCard> list_cards(db::Connection& db, std::int64_t account_id);

}  // namespace encore::server
