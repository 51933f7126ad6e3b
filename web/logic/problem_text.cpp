// Plain words for API problems (problem+json "code" and "detail").
#include "logic/problem_text.hpp"

#include <utility>

namespace web {

std::string problem_words(const HttpAnswer& a, const char* doing) {
    if (a.status == 0) return std::string("Could not reach the box office to ") + doing + ". Check your connection and try again.";
    std::string detail;
    if (a.json().is_object())
        for (const char* key : {"detail", "title"})
            if (a.json().contains(key) && a.json()[key].is_string()) {
                detail = a.json()[key].get<std::string>();
                break;
            }
    static const std::pair<const char*, const char*> known[] = {
        {"payment_declined", "Your card was declined. Try another card, or pay by invoice."},
        {"card_declined", "Your card was declined. Try another card, or pay by invoice."},
        {"price_changed", "The price of your tickets has changed since you chose them. Check the new total and pay again."},
        {"seats_unavailable", "Some of your seats are no longer available. Remove them and choose others."},
        {"hold_not_found", "Your seats were no longer held for you. Choose them again."},
        {"invalid_credentials", "That email and password do not match an account."},
        {"unauthorized", "Please log in again."},
        {"rate_limited", "Too many attempts in a short time. Wait a moment and try again."},
    };
    const std::string code = a.code();
    for (const auto& [c, words] : known)
        if (code == c) {  // the server's detail names the line or seat where it can
            bool names_line = code == "price_changed" || code == "seats_unavailable";
            return names_line && !detail.empty() ? std::string(words) + " (" + detail + ")" : words;
        }
    if (a.status == 402) return "Your card was declined. Try another card, or pay by invoice.";
    if (!detail.empty()) return detail;
    return std::string("The box office could not ") + doing + " (HTTP " + std::to_string(a.status) + ").";
}

}  // namespace web
