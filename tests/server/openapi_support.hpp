// The OpenAPI document and the route table side by side, for the tests that hold them to each other
// and to the running server: documented path templates, route patterns, and sample paths of both.
#pragma once
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "app/api_routes.hpp"
#include "test_support.hpp"

namespace encore::test {

inline const nlohmann::json& openapi_file() {
    static const nlohmann::json doc = nlohmann::json::parse(read_text(ENCORE_OPENAPI_DOCUMENT));
    return doc;
}

// "/api/holds/{token}/extend" -> "^/api/holds/[^/]+/extend$"
inline std::regex template_regex(const std::string& path) {
    return std::regex("^" + std::regex_replace(path, std::regex(R"(\{[^}]+\})"), "[^/]+") + "$");
}

// A concrete path of a documented template: each {parameter} becomes "sample-id".
inline std::string sample_of_template(const std::string& path) {
    return std::regex_replace(path, std::regex(R"(\{[^}]+\})"), "sample-id");
}

// A concrete path matching a route pattern: each capture group becomes "sample-id".
inline std::string sample_of_pattern(const std::string& pattern) {
    return std::regex_replace(pattern, std::regex(R"(\(\[\^/\][*+]\))"), "sample-id");
}

// The documented path template a concrete path falls under, or "".
inline std::string documented_path(const std::string& concrete) {
    for (const auto& [path, item] : openapi_file()["paths"].items())
        if (std::regex_match(concrete, template_regex(path))) return path;
    return {};
}

// A row's method as the document spells it: "get", "post" ...
inline std::string document_method(encore::server::Method method) {
    std::string name(encore::server::method_name(method));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return name;
}

// The methods ("GET", "POST" ...) of the route table's rows whose pattern matches a concrete path.
inline std::set<std::string> table_methods(const std::string& concrete) {
    std::set<std::string> methods;
    for (const auto& route : encore::server::api_routes())
        if (std::regex_match(concrete, std::regex(route.pattern))) methods.emplace(encore::server::method_name(route.method));
    return methods;
}

}  // namespace encore::test
