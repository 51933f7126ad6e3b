// Calendar arithmetic (Howard Hinnant's civil-date algorithms) and RFC 3339 parsing/formatting.
#include "encore/time.hpp"

#include <algorithm>
#include <cstdio>

namespace encore {

std::int64_t days_from_civil(const Date& d) {
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

int iso_weekday(const Date& d) {
    const std::int64_t days = days_from_civil(d);  // 1970-01-01 was a Thursday (4)
    return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

Date utc_date(Instant t) {
    std::int64_t days = t.unix_seconds / 86400;
    if (t.unix_seconds % 86400 < 0) --days;
    return civil_from_days(days);
}

Instant start_of_day(const Date& d) { return {days_from_civil(d) * 86400}; }

Instant add_months(Instant t, int months) {
    const Date d = utc_date(t);
    const std::int64_t time_of_day = t.unix_seconds - start_of_day(d).unix_seconds;
    const int month_index = d.year * 12 + (d.month - 1) + months;
    Date target{month_index / 12, month_index % 12 + 1, 1};
    const Date next_month = civil_from_days(days_from_civil({target.year, target.month, 28}) + 4);
    const int month_length = static_cast<int>(days_from_civil({next_month.year, next_month.month, 1}) -
                                              days_from_civil(target));
    target.day = std::min(d.day, month_length);
    return {start_of_day(target).unix_seconds + time_of_day};
}

namespace {
bool read_digits(std::string_view s, std::size_t at, std::size_t count, int& out) {
    if (at + count > s.size()) return false;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    out = value;
    return true;
}

bool is_real_day(const Date& d) {
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1) return false;
    return civil_from_days(days_from_civil(d)) == d;
}
}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    Date d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!read_digits(text, 0, 4, d.year) || !read_digits(text, 5, 2, d.month) || !read_digits(text, 8, 2, d.day))
        return std::nullopt;
    if (!is_real_day(d)) return std::nullopt;
    return d;
}

std::optional<Instant> parse_instant(std::string_view text, int* offset_minutes) {
    if (text.size() < 20) return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    if (!date || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!read_digits(text, 11, 2, hour) || !read_digits(text, 14, 2, minute) || !read_digits(text, 17, 2, second))
        return std::nullopt;
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    std::size_t at = 19;
    if (at < text.size() && text[at] == '.') {  // fractional seconds are accepted and dropped
        ++at;
        const std::size_t first = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
        if (at == first) return std::nullopt;
    }
    const auto zone = parse_utc_offset(text.substr(at));
    if (!zone) return std::nullopt;
    if (offset_minutes) *offset_minutes = *zone;
    return Instant{start_of_day(*date).unix_seconds + hour * 3600 + minute * 60 + second - *zone * 60};
}

std::optional<int> parse_utc_offset(std::string_view zone) {
    if (zone == "Z" || zone == "z") return 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    int oh = 0, om = 0;
    if (!read_digits(zone, 1, 2, oh) || !read_digits(zone, 4, 2, om) || oh > 23 || om > 59) return std::nullopt;
    return (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
}

std::string format_utc_offset(int offset_minutes) {
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char zone[8];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', magnitude / 60 % 100, magnitude % 60);
    return zone;
}

std::string format_date(const Date& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
}

std::string format_instant(Instant t, int offset_minutes) {
    const Instant local{t.unix_seconds + offset_minutes * 60};
    const Date d = utc_date(local);
    const std::int64_t seconds = local.unix_seconds - start_of_day(d).unix_seconds;
    const std::string zone = offset_minutes == 0 ? "Z" : format_utc_offset(offset_minutes);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%s", format_date(d).c_str(), static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60), zone.c_str());
    return buffer;
}

std::string describe_local_time(Instant t, int offset_minutes) {
    static constexpr const char* weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const Instant local{t.unix_seconds + offset_minutes * 60};
    const Date d = utc_date(local);
    const std::int64_t seconds = local.unix_seconds - start_of_day(d).unix_seconds;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s %d %s %d, %02d:%02d", weekdays[iso_weekday(d) - 1], d.day,
                  months[d.month - 1], d.year, static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60));
    return buffer;
}

std::string describe_utc_time(Instant t) { return describe_local_time(t, 0) + " UTC"; }

}  // namespace encore
