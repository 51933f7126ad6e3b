// The two halves of SeatingPlan::seat_name.
#include "logic/seat_names.hpp"

namespace web {

SeatNameParts seat_name_parts(const encore::SeatingPlan& plan, std::uint32_t seat) {
    if (seat >= plan.seats.size()) return {};
    const encore::Seat& s = plan.seats[seat];
    SeatNameParts parts;
    parts.section = s.section < plan.sections.size() ? plan.sections[s.section].name : "";
    parts.seat = (s.row.empty() ? "" : "Row " + s.row + ", ") + "Seat " + s.number;
    return parts;
}

}  // namespace web
