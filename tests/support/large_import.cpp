// Builds the large subscriber import.
#include "large_import.hpp"

namespace test_support {

void grow_plan(encore::SeatingPlan& plan, int rows, int seats_per_row) {
    plan.seats.clear();
    for (int row = 0; row < rows; ++row)
        for (int n = 1; n <= seats_per_row; ++n) {
            encore::Seat s;
            s.id = encore::SeatId{"R" + std::to_string(row) + "-" + std::to_string(n)};
            s.row = "R" + std::to_string(row);
            s.number = std::to_string(n);
            s.band = encore::PriceBandId{"A"};
            plan.seats.push_back(s);
        }
    plan.reindex();
}

std::string subscriber_csv(int subscribers, int rows, int seats_per_row) {
    std::string csv = "email,name,lineage,group,seats\n";
    csv.reserve(static_cast<std::size_t>(subscribers) * 64);
    const int seats = rows * seats_per_row;
    for (int k = 0; k < subscribers; ++k) {
        const int seat = k % seats;
        csv += "subscriber" + std::to_string(k) + "@example.org,\"Subscriber " + std::to_string(k) + "\",main," +
               (k < subscribers / 2 ? "tuesdays" : "weekend") + ",R" + std::to_string(seat / seats_per_row) + "-" +
               std::to_string(seat % seats_per_row + 1) + "\n";
    }
    return csv;
}

}  // namespace test_support
