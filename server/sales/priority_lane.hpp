// The priority lane of on-sale day (docs/on-sale-day.md): a series booking (a hold or an order of one
// seat across a fixed series' performances) is the season's most valuable sale and a rare one, so it
// is served ahead of the crowd's single tickets, in the front end's request queue and in the write queue.
#pragma once
#include <string_view>

#include "encore/basket.hpp"
#include "http/request_reader.hpp"
#include "sales/hold_request.hpp"
#include "store/write_queue.hpp"

namespace encore::server {

// The write queue's lane for an order of this basket: checkout when a line is a series (a series order
// completes a booking whose seats are held already, so it goes before new series holds).
WriteLane write_lane(const Basket& basket);
// The write queue's lane for a hold: priority when it holds a series seat.
WriteLane write_lane(const HoldRequest& request);
// The front end's cheap guess, before any parsing: a POST to /api/holds or /api/orders whose body has
// the JSON string "series" (a series line's kind, a series hold's member name).
bool looks_like_series_booking(const RequestHead& head, std::string_view body);

}  // namespace encore::server
