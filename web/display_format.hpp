// How performance times and counts read on screen. Times are the venue's local time, worded by the
// core (describe_local_time: "Tue 12 Jan 2027, 19:30"); this file only splits and shortens that text.
#pragma once
#include <cstdint>
#include <string>

#include "encore/catalog.hpp"

namespace web {

// "Tue 12 Jan 2027"
std::string performance_day(const encore::Instance& instance);
// "19:30"
std::string performance_clock(const encore::Instance& instance);
// "Tue 12 Jan" (no year)
std::string performance_day_short(const encore::Instance& instance);
// "1,234"
std::string format_count(std::int64_t n);

}  // namespace web
