// Reads an input file or stdin, parses JSON with line/column errors, and formats loader problems.
#include "input_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace encore::cli {

std::string display_name(const std::string& path) { return path == "-" ? "stdin" : path; }

std::optional<std::string> read_input(const std::string& path, std::string* error) {
    std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) {
        *error = "cannot open " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::string text;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
    const bool failed = std::ferror(f) != 0;
    const int saved = errno;
    if (f != stdin) std::fclose(f);
    if (failed) {
        *error = "cannot read " + display_name(path) + ": " + std::strerror(saved);
        return std::nullopt;
    }
    return text;
}

std::optional<nlohmann::json> parse_input(const std::string& name, const std::string& text, std::string* error) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error ...".
        std::string what = e.what();
        const std::size_t at = what.find("] ");
        if (at != std::string::npos) what = what.substr(at + 2);
        *error = name + " is not valid JSON: " + what;
        return std::nullopt;
    }
}

std::string describe_problem(const std::string& name, const Problem& problem) {
    return name + ": " + (problem.path.empty() ? std::string("(top level)") : problem.path) + ": " + problem.message;
}

}  // namespace encore::cli
