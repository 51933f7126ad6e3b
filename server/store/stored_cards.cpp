// Card checks and tokenisation for the test provider.
#include "store/stored_cards.hpp"

#include <cctype>

#include "store/random_text.hpp"

namespace encore::server {
namespace {

bool passes_luhn(const std::string& digits) {
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice && (d *= 2) > 9) d -= 9;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

std::string brand_of(const std::string& digits) {
    auto prefix = [&](std::size_t n) { return std::stoi(digits.substr(0, n)); };
    if (digits.starts_with("4")) return "visa";
    if ((prefix(2) >= 51 && prefix(2) <= 55) || (prefix(4) >= 2221 && prefix(4) <= 2720)) return "mastercard";
    if (digits.starts_with("34") || digits.starts_with("37")) return "amex";
    return "card";
}

std::string test_outcome(const std::string& digits) {
    if (digits == "4000000000000002") return "decline:card_declined";
    if (digits == "4000000000009995") return "decline:insufficient_funds";
    return "approve";
}

bool all_digits(const std::string& text) {
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !text.empty();
}

// The first second after the card's last valid month, or a problem.
std::variant<Instant, CardProblem> expiry_end(const std::string& expiry) {
    const CardProblem invalid{"expiry", ApiProblem::expiry_invalid, "the expiry date must be written MM/YY, e.g. 09/29"};
    if (expiry.size() != 5 || expiry[2] != '/' || !all_digits(expiry.substr(0, 2)) || !all_digits(expiry.substr(3)))
        return invalid;
    const int month = std::stoi(expiry.substr(0, 2));
    const int year = 2000 + std::stoi(expiry.substr(3));
    if (month < 1 || month > 12) return invalid;
    const Date first_of_next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
    return start_of_day(first_of_next);
}

}  // namespace

std::variant<StoredCard, CardProblem> store_test_card(db::Connection& db, std::int64_t account_id,
                                                      const CardDetails& card, Instant now) {
    std::string digits;
    for (char c : card.number)
        if (c != ' ' && c != '-') digits += c;
    if (digits.size() < 12 || digits.size() > 19 || !all_digits(digits) || !passes_luhn(digits))
        return CardProblem{"number", ApiProblem::card_number_invalid, "the card number is not a valid card number"};
    auto end = expiry_end(card.expiry);
    if (auto* problem = std::get_if<CardProblem>(&end)) return *problem;
    if (std::get<Instant>(end) <= now) return CardProblem{"expiry", ApiProblem::card_expired, "the card has expired"};
    if (card.cvc.size() < 3 || card.cvc.size() > 4 || !all_digits(card.cvc))
        return CardProblem{"cvc", ApiProblem::cvc_invalid, "the security code is the 3 or 4 digits on the card"};

    StoredCard stored{"tok_" + random_hex(16), brand_of(digits), digits.substr(digits.size() - 4), card.expiry};
    auto vault = db.prepare("INSERT INTO test_provider_cards (token, outcome) VALUES (?, ?)");
    vault.bind(1, stored.token).bind(2, test_outcome(digits));
    vault.run();
    auto insert = db.prepare("INSERT INTO cards (token, account_id, brand, last4, expires, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, stored.token).bind(2, account_id).bind(3, stored.brand).bind(4, stored.last4).bind(5, stored.expires);
    insert.bind(6, now.unix_seconds);
    insert.run();
    return stored;
}

std::vector<StoredCard> list_cards(db::Connection& db, std::int64_t account_id) {
    std::vector<StoredCard> cards;
    auto select = db.prepare("SELECT token, brand, last4, expires FROM cards WHERE account_id = ? ORDER BY created_at, token");
    select.bind(1, account_id);
    while (select.step()) cards.push_back({select.text(0), select.text(1), select.text(2), select.text(3)});
    return cards;
}

}  // namespace encore::server
