// A seat's name in two parts for narrow places (a phone's basket): "Row A, Seat 18" and "Dress Circle".
#pragma once
#include <cstdint>
#include <string>

#include "encore/catalog.hpp"

namespace web {

struct SeatNameParts {
    std::string seat;     // "Row A, Seat 18" (or the seat's number alone when it has no row)
    std::string section;  // "Dress Circle"
};

SeatNameParts seat_name_parts(const encore::SeatingPlan& plan, std::uint32_t seat);

}  // namespace web
