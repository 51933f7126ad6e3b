// Splits the core's local-time wording into day and clock parts; groups digits of counts.
#include "display_format.hpp"

namespace web {

namespace {
// "Tue 12 Jan 2027, 19:30" -> ("Tue 12 Jan 2027", "19:30").
std::pair<std::string, std::string> split(const encore::Instance& instance) {
    std::string text = instance.local_start();
    std::size_t comma = text.rfind(", ");
    if (comma == std::string::npos) return {text, ""};
    return {text.substr(0, comma), text.substr(comma + 2)};
}
}  // namespace

std::string performance_day(const encore::Instance& instance) { return split(instance).first; }

std::string performance_clock(const encore::Instance& instance) { return split(instance).second; }

std::string performance_day_short(const encore::Instance& instance) {
    std::string day = split(instance).first;
    std::size_t space = day.rfind(' ');
    return space == std::string::npos ? day : day.substr(0, space);
}

std::string format_count(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

}  // namespace web
