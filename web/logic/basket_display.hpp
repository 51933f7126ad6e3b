// The priced basket as the side panel words it: fees summed by fee, and each line's explanation.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "encore/pricing.hpp"

namespace web {

// Per-ticket fees summed by fee (waived ones apart), then order fees, in the order they first appear.
struct FeeRow {
    std::string name;
    int count = 0;
    std::int64_t amount = 0;
    bool waived = false;
};
std::vector<FeeRow> fee_rows(const encore::PricedBasket& priced);
// The explanation of a line's price exactly as the core wrote it, one item a line: it already names every fee
// and every waiver, once.
std::string line_explanation(const encore::PricedLine& line);

}  // namespace web
