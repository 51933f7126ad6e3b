// Instants and dates: RFC 3339 parsing, calendar arithmetic, weekdays.
#include <catch2/catch.hpp>

#include "encore/time.hpp"

using namespace encore;

TEST_CASE("parse_instant reads RFC 3339 times", "[time]") {
    struct Row { const char* text; std::int64_t unix_seconds; };
    const Row rows[] = {
        {"1970-01-01T00:00:00Z", 0},
        {"2027-01-12T19:30:00Z", 1799782200},
        {"2027-01-12T20:30:00+01:00", 1799782200},
        {"2027-01-12T14:30:00-05:00", 1799782200},
        {"2027-01-12T19:30:00.250Z", 1799782200},
        {"2000-02-29T12:00:00Z", 951825600},
        {"1969-12-31T23:59:59Z", -1},
    };
    for (const Row& r : rows) {
        CAPTURE(r.text);
        auto t = parse_instant(r.text);
        REQUIRE(t);
        CHECK(t->unix_seconds == r.unix_seconds);
    }
}

TEST_CASE("parse_instant rejects what is not a time", "[time]") {
    for (const char* bad : {"", "2027-01-12", "2027-01-12 19:30:00Z", "2027-01-12T19:30:00", "2027-02-30T10:00:00Z",
                            "2027-13-01T10:00:00Z", "2027-01-12T24:00:00Z", "2027-01-12T19:60:00Z", "2027-01-12T19:30:00+0100",
                            "2027-01-12T19:30:00.Z", "abcd-ef-ghTij:kl:mnZ", "2027-01-12T19:30:00ZZ"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_instant(bad));
    }
}

TEST_CASE("instants and dates round-trip through text", "[time]") {
    for (std::int64_t t : {0LL, 1799782200LL, -86400LL, 4102444799LL, 951825600LL}) {
        CAPTURE(t);
        CHECK(parse_instant(format_instant({t}))->unix_seconds == t);
    }
    CHECK(format_instant({1799782200}) == "2027-01-12T19:30:00Z");
    CHECK(format_date({2027, 1, 5}) == "2027-01-05");
    CHECK(parse_date("2028-02-29"));
    CHECK_FALSE(parse_date("2027-02-29"));
    CHECK_FALSE(parse_date("2027-1-5"));
}

TEST_CASE("calendar arithmetic agrees over four centuries", "[time]") {
    for (std::int64_t days = -146097; days <= 146097 * 2; days += 17) {
        const Date d = civil_from_days(days);
        REQUIRE(days_from_civil(d) == days);
    }
}

TEST_CASE("iso_weekday counts Monday as 1", "[time]") {
    CHECK(iso_weekday({1970, 1, 1}) == 4);   // Thursday
    CHECK(iso_weekday({2027, 1, 12}) == 2);  // Tuesday
    CHECK(iso_weekday({2027, 1, 17}) == 7);  // Sunday
    CHECK(iso_weekday({1969, 12, 29}) == 1); // Monday
    CHECK(utc_date({1799782200}) == Date{2027, 1, 12});
    CHECK(utc_date({-1}) == Date{1969, 12, 31});
}

TEST_CASE("local offsets are kept for display and written back", "[time]") {
    int offset = 0;
    auto t = parse_instant("2027-03-30T19:30:00+01:00", &offset);
    REQUIRE(t);
    CHECK(offset == 60);
    CHECK(format_instant(*t) == "2027-03-30T18:30:00Z");
    CHECK(format_instant(*t, offset) == "2027-03-30T19:30:00+01:00");
    CHECK(format_instant(*t, -330) == "2027-03-30T13:00:00-05:30");
    CHECK(describe_local_time(*t, offset) == "Tue 30 Mar 2027, 19:30");
    CHECK(describe_local_time(*parse_instant("2027-01-17T15:00:00Z"), 0) == "Sun 17 Jan 2027, 15:00");
}
