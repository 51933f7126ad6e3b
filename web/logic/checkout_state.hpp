// The checkout: payment method, the attempt under way (its Idempotency-Key and body, reused when the same
// attempt is retried), and the last order's result or the server's problem in plain words.
#pragma once
#include <cstdint>
#include <string>

namespace web {

enum class PayMethod { card, invoice };
enum class CheckoutStep { idle, saving_card, placing_order };

struct CheckoutState {
    bool open = false;                 // the checkout window is shown
    PayMethod method = PayMethod::card;
    CheckoutStep step = CheckoutStep::idle;
    std::string card_number, card_expiry, card_cvc;  // as typed; sent only to POST /api/me/cards
    std::string idempotency_key;       // of the current attempt
    std::string attempt_body;          // the order body sent with that key
    bool attempt_unanswered = false;   // no definite answer yet: a retry of the same body reuses the key
    std::string card_token;            // the card last saved with POST /api/me/cards ...
    std::string card_saved_from;       // ... and the fields it was saved from, so a retry does not save it again
    // Result of the last attempt.
    std::string reference, status, total_text, due_at;
    std::int64_t total = 0;
    std::string error;                 // the server's problem, in words
    std::string error_code;
};

}  // namespace web
