// Money arithmetic, the rounding rule and customer-facing formatting.
#include "encore/money.hpp"

#include <cstdlib>

namespace encore {

bool currency_from_code(std::string_view code, Currency& out) {
    if (code.size() != 3) return false;
    for (char c : code)
        if (c < 'A' || c > 'Z') return false;
    out.code = std::string(code);
    static constexpr const char* zero_decimal[] = {"JPY", "KRW", "ISK", "CLP", "VND"};
    out.exponent = 2;
    for (const char* z : zero_decimal)
        if (code == z) out.exponent = 0;
    return true;
}

Money operator+(const Money& a, const Money& b) { return {a.minor + b.minor, a.currency}; }
Money operator-(const Money& a, const Money& b) { return {a.minor - b.minor, a.currency}; }
Money operator*(const Money& a, std::int64_t quantity) { return {a.minor * quantity, a.currency}; }

std::int64_t round_half_away(std::int64_t numerator, std::int64_t denominator) {
    const std::int64_t quotient = numerator / denominator;
    const std::int64_t remainder = numerator % denominator;
    if (2 * std::llabs(remainder) >= denominator) return quotient + (numerator < 0 ? -1 : 1);
    return quotient;
}

Money percentage_of(const Money& amount, std::int64_t basis_points) {
    return {round_half_away(amount.minor * basis_points, 10000), amount.currency};
}

namespace {
const char* symbol_for(const std::string& code) {
    if (code == "GBP") return "\xC2\xA3";
    if (code == "EUR") return "\xE2\x82\xAC";
    if (code == "USD" || code == "CAD" || code == "AUD" || code == "NZD") return "$";
    if (code == "JPY") return "\xC2\xA5";
    return nullptr;
}

std::string group_thousands(std::uint64_t whole) {
    std::string digits = std::to_string(whole);
    std::string out;
    const int lead = static_cast<int>(digits.size() % 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (static_cast<int>(i) - lead) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}
}  // namespace

std::string format_money(const Money& amount) {
    const bool negative = amount.minor < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(amount.minor + 1)) + 1 : static_cast<std::uint64_t>(amount.minor);
    std::uint64_t scale = 1;
    for (int i = 0; i < amount.currency.exponent; ++i) scale *= 10;
    std::string text = group_thousands(magnitude / scale);
    if (amount.currency.exponent > 0) {
        std::string fraction = std::to_string(magnitude % scale);
        text += '.' + std::string(amount.currency.exponent - fraction.size(), '0') + fraction;
    }
    const char* symbol = symbol_for(amount.currency.code);
    std::string out = negative ? "-" : "";
    out.append(symbol ? symbol : amount.currency.code + " ");
    out.append(text);
    return out;
}

}  // namespace encore
