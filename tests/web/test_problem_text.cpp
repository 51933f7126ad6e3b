// API problems in a customer's words: known codes get Encore's own sentence (with the server's detail where it
// names the seat or line), other problems the server's detail, no answer at all says so.
#include <catch2/catch.hpp>

#include "logic/problem_text.hpp"
#include "web_client_fixture.hpp"

namespace {

web::HttpAnswer answer(int status, const std::string& code, const std::string& detail = "") {
    return web::HttpAnswer(status, webtest::problem(status, code, detail).dump());
}

}  // namespace

TEST_CASE("problem codes become the customer's sentences", "[problems]") {
    struct Row {
        int status;
        const char* code;
        const char* detail;
        const char* words;
    };
    const Row rows[] = {
        {402, "payment_declined", "card_declined", "Your card was declined. Try another card, or pay by invoice."},
        {409, "price_changed", "", "The price of your tickets has changed since you chose them. Check the new total and pay again."},
        {409, "price_changed", "Line 2 now costs £12.00.",
         "The price of your tickets has changed since you chose them. Check the new total and pay again. (Line 2 now costs £12.00.)"},
        {409, "seats_unavailable", "Seat ST-A-1 is taken.",
         "Some of your seats are no longer available. Remove them and choose others. (Seat ST-A-1 is taken.)"},
        {404, "hold_not_found", "No hold 1234.", "Your seats were no longer held for you. Choose them again."},
        {401, "invalid_credentials", "", "That email and password do not match an account."},
        {401, "unauthorized", "Session expired.", "Please log in again."},
        {429, "rate_limited", "Retry in 3 s.", "Too many attempts in a short time. Wait a moment and try again."},
        {422, "card_expired", "The card expired in 01/25.", "The card expired in 01/25."},
        {422, "no_such_code_yet", "Something new went wrong.", "Something new went wrong."},
        {500, "internal_error", "", "The box office could not place your order (HTTP 500)."},
    };
    for (const Row& r : rows) {
        INFO(r.code << " / " << r.detail);
        CHECK(web::problem_words(answer(r.status, r.code, r.detail), "place your order") == r.words);
    }
}

TEST_CASE("answers that are not problems still read as sentences", "[problems]") {
    CHECK(web::problem_words(web::HttpAnswer(0, "Failed to fetch"), "hold that seat") ==
          "Could not reach the box office to hold that seat. Check your connection and try again.");
    CHECK(web::problem_words(web::HttpAnswer(402, "Payment Required"), "place your order") ==
          "Your card was declined. Try another card, or pay by invoice.");
    CHECK(web::problem_words(web::HttpAnswer(503, "<html>down</html>"), "sign you in") ==
          "The box office could not sign you in (HTTP 503).");
    CHECK(web::problem_words(web::HttpAnswer(400, R"({"title":"Bad request"})"), "sign you in") == "Bad request");
    CHECK(web::problem_words(answer(409, "price_changed"), "place your order") ==
          "The price of your tickets has changed since you chose them. Check the new total and pay again.");
}

TEST_CASE("an answer's problem code is read from problem+json only", "[problems]") {
    CHECK(web::HttpAnswer(404, R"({"code":"hold_not_found"})").code() == "hold_not_found");
    CHECK(web::HttpAnswer(404, R"({"code":7})").code().empty());
    CHECK(web::HttpAnswer(404, "not json").code().empty());
    CHECK(web::HttpAnswer(0, R"({"code":"hold_not_found"})").code().empty());  // no answer: the body is the browser's reason
    CHECK(web::HttpAnswer(204, "").ok());
    CHECK_FALSE(web::HttpAnswer(304, "").ok());
}
