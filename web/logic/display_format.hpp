// How things read on screen. Performance times are the venue's local time, worded by the core
// (describe_local_time: "Tue 12 Jan 2027, 19:30"); this file only splits and shortens that text. Also counts,
// the hold's countdown, seat states, a performance's web sale status and the last order's status.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "encore/availability.hpp"
#include "encore/catalog.hpp"
#include "logic/app_state.hpp"

namespace web {

// "Tue 12 Jan 2027"
std::string performance_day(const encore::Instance& instance);
// "19:30"
std::string performance_clock(const encore::Instance& instance);
// "Tue 12 Jan" (no year)
std::string performance_day_short(const encore::Instance& instance);
// "1,234"
std::string format_count(std::int64_t n);
// "14:32"
std::string hold_countdown_text(long long seconds);
// What a basket or an order holds: "2 tickets", "Flex 4 Pass", "1 ticket and Friends", "2 tickets, Flex 4 Pass and Friends".
std::string contents_words(int tickets, const std::vector<std::string>& products);
// "booking fee" -> "Booking fee"
std::string capitalised(std::string text);
// "Held in another basket"
const char* seat_state_words(encore::SeatState state);

enum class WebSale { on_sale, not_yet, past };
// Past once started; else on sale on the web at app.now, or not yet.
WebSale web_sale(const AppState& app, const encore::Instance& instance);
// "On sale" / "Not on sale yet" / "Past"
const char* web_sale_words(WebSale sale);
// Why a performance cannot be bought online now, as the core words it ("General sale opens ...").
std::string not_on_sale_text(const AppState& app, const encore::Instance& instance);

// "Paid" / "Reserved — pay by Fri 15 Jan 2027, 10:00 UTC" for the last order; "" before one.
std::string order_status_words(const CheckoutState& checkout);

}  // namespace web
