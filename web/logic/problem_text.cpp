// Plain words for API problems (problem+json "code" and "detail").
#include "logic/problem_text.hpp"

#include <optional>
#include <string_view>

namespace web {

namespace {

// Encore's own sentence for the problems a customer can meet and act on.
std::optional<std::string_view> customer_words(encore::ApiProblem problem) {
    using encore::ApiProblem;
    switch (problem) {
        case ApiProblem::payment_declined: return "Your card was declined. Try another card, or pay by invoice.";
        case ApiProblem::price_changed:
            return "The price of your tickets has changed since you chose them. Check the new total and pay again.";
        case ApiProblem::seats_unavailable: return "Some of your seats are no longer available. Remove them and choose others.";
        case ApiProblem::hold_not_found: return "Your seats were no longer held for you. Choose them again.";
        case ApiProblem::invalid_credentials: return "That email and password do not match an account.";
        case ApiProblem::unauthorized: return "Please log in again.";
        case ApiProblem::rate_limited: return "Too many attempts in a short time. Wait a moment and try again.";
        default: return std::nullopt;  // the server's detail says it best
    }
}

// The server's detail names the line or seat for these: it follows Encore's sentence.
bool names_the_line(encore::ApiProblem problem) {
    return problem == encore::ApiProblem::price_changed || problem == encore::ApiProblem::seats_unavailable;
}

}  // namespace

std::string problem_words(const HttpAnswer& a, const char* doing) {
    if (a.status == 0) return std::string("Could not reach the box office to ") + doing + ". Check your connection and try again.";
    std::string detail;
    if (a.json().is_object())
        for (const char* key : {"detail", "title"})
            if (a.json().contains(key) && a.json()[key].is_string()) {
                detail = a.json()[key].get<std::string>();
                break;
            }
    if (std::optional<encore::ApiProblem> problem = a.problem())
        if (std::optional<std::string_view> words = customer_words(*problem))
            return names_the_line(*problem) && !detail.empty() ? std::string(*words) + " (" + detail + ")" : std::string(*words);
    if (a.status == 402) return "Your card was declined. Try another card, or pay by invoice.";
    if (!detail.empty()) return detail;
    return std::string("The box office could not ") + doing + " (HTTP " + std::to_string(a.status) + ").";
}

}  // namespace web
