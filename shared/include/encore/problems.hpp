// Problems found in input: a machine-readable code, the JSON path of the offending value, and a
// sentence a person understands. Every loader reports all problems it finds, never just the first.
#pragma once
#include <string>
#include <vector>

namespace encore {

struct Problem {
    std::string path;     // JSON pointer of the offending value, e.g. "/venues/0/plan/sections/1/rows/2/seats/7/band"
    std::string code;     // "malformed_json", "missing_field", "wrong_type", "unknown_reference", "duplicate_id", "out_of_range", "invalid_value"
    std::string message;  // "seat ST-C-12 names price band \"Z\", which is not in price_bands"
    bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

}  // namespace encore
