// Seats in words: a seat's name in two parts for narrow places (a phone's basket): "Row A, Seat 18" and
// "Dress Circle"; and a list of seat ids at a performance as names, a row's seats together.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "encore/catalog.hpp"

namespace web {

struct SeatNameParts {
    std::string seat;     // "Row A, Seat 18" (or the seat's number alone when it has no row)
    std::string section;  // "Dress Circle"
};

SeatNameParts seat_name_parts(const encore::SeatingPlan& plan, std::uint32_t seat);
// The seats `ids` at `instance` in words, each row's seats together, rows in the order of their first seat:
// "Stalls, Row C, Seats 9 and 10; Dress Circle, Row A, Seat 2". A seat the plan does not have keeps its id.
std::string seat_list_words(const encore::Catalog& catalog, const encore::InstanceId& instance, const std::vector<std::string>& ids);

}  // namespace web
