// Which requests and writes take the priority lane.
#include "sales/priority_lane.hpp"

#include <algorithm>

namespace encore::server {

WriteLane write_lane(const Basket& basket) {
    const bool series = std::any_of(basket.lines.begin(), basket.lines.end(),
                                    [](const BasketLine& line) { return line.kind == LineKind::series; });
    return series ? WriteLane::checkout : WriteLane::ordinary;
}

WriteLane write_lane(const HoldRequest& request) {
    return request.series ? WriteLane::priority : WriteLane::ordinary;
}

bool looks_like_series_booking(const RequestHead& head, std::string_view body) {
    if (head.method != "POST") return false;
    const std::string_view path = std::string_view(head.target).substr(0, head.target.find('?'));
    if (path != "/api/holds" && path != "/api/orders") return false;
    return body.find("\"series\"") != std::string_view::npos;
}

}  // namespace encore::server
