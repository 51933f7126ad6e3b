// Money: formatting, arithmetic and the one rounding rule.
#include <catch2/catch.hpp>

#include "encore/money.hpp"

using namespace encore;

namespace {
Money gbp(std::int64_t minor) { return {minor, Currency{"GBP", 2}}; }
}  // namespace

TEST_CASE("format_money writes customer-facing amounts", "[money]") {
    struct Row { std::int64_t minor; const char* code; int exponent; const char* text; };
    const Row rows[] = {
        {3000, "GBP", 2, "\xC2\xA3" "30.00"},
        {5, "GBP", 2, "\xC2\xA3" "0.05"},
        {0, "GBP", 2, "\xC2\xA3" "0.00"},
        {-550, "GBP", 2, "-\xC2\xA3" "5.50"},
        {125000, "GBP", 2, "\xC2\xA3" "1,250.00"},
        {123456789, "GBP", 2, "\xC2\xA3" "1,234,567.89"},
        {1200, "EUR", 2, "\xE2\x82\xAC" "12.00"},
        {999, "USD", 2, "$9.99"},
        {990, "CHF", 2, "CHF 9.90"},
        {1500, "JPY", 0, "\xC2\xA5" "1,500"},
        {INT64_MIN, "GBP", 2, "-\xC2\xA3" "92,233,720,368,547,758.08"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.minor, r.code);
        CHECK(format_money({r.minor, Currency{r.code, r.exponent}}) == r.text);
    }
}

TEST_CASE("currency_from_code accepts ISO codes only", "[money]") {
    Currency c;
    CHECK(currency_from_code("GBP", c));
    CHECK(c.exponent == 2);
    CHECK(currency_from_code("JPY", c));
    CHECK(c.exponent == 0);
    CHECK_FALSE(currency_from_code("gbp", c));
    CHECK_FALSE(currency_from_code("GB", c));
    CHECK_FALSE(currency_from_code("POUND", c));
}

TEST_CASE("round_half_away rounds halves away from zero", "[money]") {
    struct Row { std::int64_t n, d, expected; };
    const Row rows[] = {{5, 2, 3}, {-5, 2, -3}, {4, 2, 2}, {7, 3, 2}, {8, 3, 3}, {-7, 3, -2}, {-8, 3, -3},
                        {1, 3, 0}, {0, 7, 0}, {14999, 10000, 1}, {15000, 10000, 2}};
    for (const Row& r : rows) {
        CAPTURE(r.n, r.d);
        CHECK(round_half_away(r.n, r.d) == r.expected);
    }
}

TEST_CASE("percentage_of is exact to the penny", "[money]") {
    CHECK(percentage_of(gbp(4500), 5000) == gbp(2250));
    CHECK(percentage_of(gbp(3333), 1000) == gbp(333));   // 333.3 -> 333
    CHECK(percentage_of(gbp(3335), 1000) == gbp(334));   // 333.5 -> 334
    CHECK(percentage_of(gbp(1999), 1250) == gbp(250));   // 249.875 -> 250
    CHECK(percentage_of(gbp(-3335), 1000) == gbp(-334));
}

TEST_CASE("money arithmetic keeps the currency", "[money]") {
    CHECK(gbp(1000) + gbp(250) == gbp(1250));
    CHECK(gbp(1000) - gbp(250) == gbp(750));
    CHECK(gbp(2500) * 4 == gbp(10000));
    CHECK((Money{100, Currency{"EUR", 2}} + Money{1, Currency{"EUR", 2}}).currency.code == "EUR");
}
