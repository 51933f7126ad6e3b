// application/problem+json responses: a stable machine-readable `code` and a sentence for people.
#pragma once
#include <string>
#include <string_view>

#include "encore/api_problems.hpp"

namespace httplib {
struct Response;
}

namespace encore::server {

inline constexpr const char* problem_content_type = "application/problem+json";

// An Encore-specific problem: type "/problems/<code>" with its own title. Codes are the core's list.
void send_problem(httplib::Response& res, int status, ApiProblem code, std::string_view title, std::string_view detail);
// A plain HTTP error: type "about:blank", title = the status text ("Not Found").
void send_http_problem(httplib::Response& res, int status, ApiProblem code, std::string_view detail);

// Text from a request that is safe to quote in a detail or a log: printable ASCII, at most
// max_length characters (anything else becomes '?').
std::string printable(std::string_view text, std::size_t max_length = 120);

// "Not Found", "Method Not Allowed" ... ("Error" for a status it does not know).
std::string_view status_text(int status);

}  // namespace encore::server
