// The command line of encore-server read into Options; no I/O beyond building messages.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "context/options.hpp"

namespace encore::server {

// The user asked for --help.
struct HelpRequested {};

// A flag could not be understood; `message` is one line naming the flag.
struct UsageError {
    std::string message;
};

using ParsedOptions = std::variant<Options, HelpRequested, UsageError>;

// Parses argv[1..] ("--flag value" or "--flag=value").
ParsedOptions parse_options(const std::vector<std::string>& args);

// One line: "usage: encore-server [--bind ADDR] ...".
std::string usage_line();
// The full --help text.
std::string help_text();

}  // namespace encore::server
