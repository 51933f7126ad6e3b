// Instants and calendar dates as plain values; the core never reads a clock, `now` is passed in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace encore {

// A point in time: whole seconds since 1970-01-01T00:00:00Z.
struct Instant {
    std::int64_t unix_seconds = 0;
    bool operator==(const Instant&) const = default;
    bool operator<(const Instant& o) const { return unix_seconds < o.unix_seconds; }
    bool operator<=(const Instant& o) const { return unix_seconds <= o.unix_seconds; }
    bool operator>(const Instant& o) const { return unix_seconds > o.unix_seconds; }
    bool operator>=(const Instant& o) const { return unix_seconds >= o.unix_seconds; }
};

// A calendar day (proleptic Gregorian), e.g. a season's first day.
struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    bool operator==(const Date&) const = default;
};

// Days since 1970-01-01 for a date, and back.
std::int64_t days_from_civil(const Date& d);
Date civil_from_days(std::int64_t days);
// Monday = 1 ... Sunday = 7 (ISO 8601).
int iso_weekday(const Date& d);
// The UTC calendar day an instant falls on.
Date utc_date(Instant t);
// Midnight UTC at the start of a date.
Instant start_of_day(const Date& d);
// The same day and time (UTC) `months` later; a day the month lacks becomes its last day (31 Jan -> 28 Feb).
Instant add_months(Instant t, int months);

// Parses "2027-01-12T19:30:00Z" or with an offset "2027-01-12T19:30:00+01:00"; nullopt if malformed.
// The offset written, in minutes east of UTC, goes to *offset_minutes when given.
std::optional<Instant> parse_instant(std::string_view text, int* offset_minutes = nullptr);
// Formats as "2027-01-12T19:30:00Z", or with a non-zero offset as local time "2027-03-30T19:30:00+01:00".
std::string format_instant(Instant t, int offset_minutes = 0);
// For people: "Tue 12 Jan 2027, 19:30" in the local time given by the offset.
std::string describe_local_time(Instant t, int offset_minutes);
// For people, when no local offset is known (on-sale times, expiries): "Fri 15 Jan 2027, 10:00 UTC".
std::string describe_utc_time(Instant t);
// Parses a UTC offset "+01:00" / "-05:30" / "Z" into minutes east of UTC; nullopt if malformed.
std::optional<int> parse_utc_offset(std::string_view text);
// Formats minutes east of UTC as "+01:00", "-05:30" or "+00:00".
std::string format_utc_offset(int offset_minutes);
// Parses "2027-01-12"; nullopt if malformed or not a real day.
std::optional<Date> parse_date(std::string_view text);
// Formats as "2027-01-12".
std::string format_date(const Date& d);

}  // namespace encore
