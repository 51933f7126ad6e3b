// The two halves of SeatingPlan::seat_name, and seat lists in words.
#include "logic/seat_names.hpp"

#include <algorithm>
#include <optional>

namespace web {

SeatNameParts seat_name_parts(const encore::SeatingPlan& plan, std::uint32_t seat) {
    if (seat >= plan.seats.size()) return {};
    const encore::Seat& s = plan.seats[seat];
    SeatNameParts parts;
    parts.section = s.section < plan.sections.size() ? plan.sections[s.section].name : "";
    parts.seat = (s.row.empty() ? "" : "Row " + s.row + ", ") + "Seat " + s.number;
    return parts;
}

std::string seat_list_words(const encore::Catalog& catalog, const encore::InstanceId& instance, const std::vector<std::string>& ids) {
    const encore::Instance* inst = catalog.find_instance(instance);
    const encore::Venue* venue = inst ? catalog.find_venue(inst->venue) : nullptr;
    struct Row {
        std::string name;  // "Stalls, Row C" (or a lone id)
        std::vector<std::string> numbers;
    };
    std::vector<Row> rows;
    for (const std::string& id : ids) {
        std::optional<std::uint32_t> seat = venue ? venue->plan.seat_index(encore::SeatId{id}) : std::nullopt;
        if (!seat) {
            rows.push_back({id, {}});
            continue;
        }
        const encore::Seat& s = venue->plan.seats[*seat];
        std::string name = (s.section < venue->plan.sections.size() ? venue->plan.sections[s.section].name : "") +
                           (s.row.empty() ? "" : ", Row " + s.row);
        auto row = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.name == name && !r.numbers.empty(); });
        if (row == rows.end()) row = rows.insert(rows.end(), Row{name, {}});
        row->numbers.push_back(s.number);
    }
    std::string out;
    for (const Row& r : rows) {
        std::string words = r.name;
        if (!r.numbers.empty()) {
            words += r.numbers.size() == 1 ? ", Seat " : ", Seats ";
            for (std::size_t i = 0; i < r.numbers.size(); ++i)
                words += (i == 0 ? "" : i + 1 == r.numbers.size() ? " and " : ", ") + r.numbers[i];
        }
        out += (out.empty() ? "" : "; ") + words;
    }
    return out;
}

}  // namespace web
