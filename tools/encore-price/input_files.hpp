// Reading encore-price's inputs: a file or stdin as text, then JSON, with errors as sentences that
// name the file (and the line and column of a JSON syntax error).
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "encore/problems.hpp"

namespace encore::cli {

// How a path appears in messages: the path as given, or "stdin" for "-".
std::string display_name(const std::string& path);

// The whole file (or stdin for "-"); nullopt with *error set if it cannot be read.
std::optional<std::string> read_input(const std::string& path, std::string* error);

// Parses JSON text; nullopt with *error set ("basket.json is not valid JSON: ... at line 3, column 7").
std::optional<nlohmann::json> parse_input(const std::string& name, const std::string& text, std::string* error);

// "basket.json: /lines/0/seat: a string is expected" (the path "(top level)" when empty).
std::string describe_problem(const std::string& name, const Problem& problem);

}  // namespace encore::cli
