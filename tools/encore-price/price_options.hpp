// Command-line flags of encore-price and their parsing (no I/O: errors come back as sentences).
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace encore::cli {

struct PriceOptions {
    std::string catalog_path;
    std::string basket_path;
    std::string customer_path;  // empty: a customer who owns nothing
    std::string usage_path;     // empty: no offer has been used yet
    std::string now_text;       // empty: the current time
    bool compact = false;
    bool help = false;
};

struct ParsedOptions {
    std::optional<PriceOptions> options;  // set when error is empty
    std::string error;                    // a sentence naming the flag
};

ParsedOptions parse_price_options(const std::vector<std::string>& args);

// One line: "usage: encore-price --catalog FILE ...".
const char* price_usage_line();
// The --help text.
const char* price_help_text();

}  // namespace encore::cli
