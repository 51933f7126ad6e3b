// Fee rows and line explanations from the core's PricedBasket (no price is computed here).
#include "logic/basket_display.hpp"

namespace web {

std::vector<FeeRow> fee_rows(const encore::PricedBasket& priced) {
    std::vector<FeeRow> rows;
    auto add = [&](const encore::AppliedFee& f) {
        for (FeeRow& r : rows)
            if (r.name == f.name && r.waived == f.waived) {
                ++r.count, r.amount += f.amount;
                return;
            }
        rows.push_back({f.name, 1, f.amount, f.waived});
    };
    for (const encore::PricedLine& line : priced.lines)
        for (const encore::PricedItem& item : line.items)
            for (const encore::AppliedFee& f : item.fees) add(f);
    for (const encore::AppliedFee& f : priced.order_fees) add(f);
    return rows;
}

std::string line_explanation(const encore::PricedLine& line) {
    std::string text;
    for (const encore::PricedItem& item : line.items) {
        if (!text.empty()) text += "\n";
        text += item.explanation;
    }
    return text;
}

}  // namespace web
