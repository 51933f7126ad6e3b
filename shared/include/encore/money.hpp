// Money: exact amounts in int64 minor units with their currency, and the one rounding rule.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace encore {

// An ISO 4217 currency: code and number of minor-unit digits (2 for GBP, 0 for JPY).
struct Currency {
    std::string code = "GBP";   // three upper-case letters
    int exponent = 2;           // minor-unit digits
    bool operator==(const Currency&) const = default;
};

// Currency by ISO code; false if the code is not three upper-case letters.
bool currency_from_code(std::string_view code, Currency& out);

// An amount of money: minor units (pence, cents) of one currency. Never a double.
struct Money {
    std::int64_t minor = 0;
    Currency currency;
    bool operator==(const Money&) const = default;
};

// Sum of two amounts of the same currency (the caller guarantees the currencies agree).
Money operator+(const Money& a, const Money& b);
// Difference of two amounts of the same currency.
Money operator-(const Money& a, const Money& b);
// Amount times a whole quantity.
Money operator*(const Money& a, std::int64_t quantity);

// The one rounding rule: numerator/denominator rounded half away from zero (denominator > 0).
std::int64_t round_half_away(std::int64_t numerator, std::int64_t denominator);
// `basis_points`/10000 of an amount (1250 = 12.5%), rounded by round_half_away to a whole minor unit.
Money percentage_of(const Money& amount, std::int64_t basis_points);

// Customer-facing text: "£30.00", "-£5.50", "£1,250.00", "€12.00", "CHF 9.90".
std::string format_money(const Money& amount);

}  // namespace encore
