// Splits the core's local-time wording into day and clock parts; groups digits of counts; words for states.
#include "logic/display_format.hpp"

#include <cctype>
#include <cstdio>
#include <optional>
#include <utility>

#include "encore/time.hpp"

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

std::string hold_countdown_text(long long seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", seconds / 60, seconds % 60);
    return buf;
}

std::string capitalised(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

const char* seat_state_words(encore::SeatState state) {
    switch (state) {
        case encore::SeatState::open: return "Available";
        case encore::SeatState::held: return "Held in another basket";
        case encore::SeatState::reserved: return "Reserved";
        case encore::SeatState::sold: return "Sold";
        case encore::SeatState::blocked: return "Not for sale";
    }
    return "";
}

WebSale web_sale(const AppState& app, const encore::Instance& instance) {
    if (instance.starts_at <= app.now) return WebSale::past;
    if (on_sale_web(app, instance)) return WebSale::on_sale;
    return WebSale::not_yet;
}

const char* web_sale_words(WebSale sale) {
    switch (sale) {
        case WebSale::on_sale: return "On sale";
        case WebSale::not_yet: return "Not on sale yet";
        case WebSale::past: return "Past";
    }
    return "";
}

std::string not_on_sale_text(const AppState& app, const encore::Instance& instance) {
    return capitalised(web_sale_check(app, instance).message);
}

std::string order_status_words(const CheckoutState& co) {
    if (co.status == "paid") return "Paid";
    if (co.status == "reserved") {
        std::string when = co.due_at;
        if (std::optional<encore::Instant> t = encore::parse_instant(co.due_at)) when = encore::describe_utc_time(*t);
        return when.empty() ? "Reserved — pay by invoice" : "Reserved — pay by " + when;
    }
    return capitalised(co.status);
}

std::string contents_words(int tickets, const std::vector<std::string>& products) {
    std::vector<std::string> parts;
    if (tickets > 0 || products.empty()) parts.push_back(std::to_string(tickets) + (tickets == 1 ? " ticket" : " tickets"));
    parts.insert(parts.end(), products.begin(), products.end());
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return out;
}

}  // namespace web
