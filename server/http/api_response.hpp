// A response as data (status + JSON body) so it can be stored for idempotent replay, and the helpers
// that send one, including problem+json bodies that carry extra fields ("line", "problems" ...).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "encore/api_problems.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

struct ApiResponse {
    int status = 200;
    nlohmann::json body;
    bool is_problem() const { return status >= 400; }
};

// {"type": "/problems/<code>", "title", "status", "code", "detail"}; add fields to `body` as needed.
ApiResponse problem_response(int status, ApiProblem code, std::string_view title, std::string_view detail);
// Sends the response uncompressed, as application/json or application/problem+json.
void send_response(httplib::Response& res, const ApiResponse& response);
// Sends an already serialised JSON body (a stored response replayed byte for byte).
void send_stored_response(httplib::Response& res, int status, std::string body);
// Answers `status` invalid_request with a "field" member and "<field>: <message>" as the detail.
void send_invalid_request(httplib::Response& res, int status, const std::string& field, const std::string& message);
// The request body as JSON (of any type), or nullopt after answering 400 malformed_json.
std::optional<nlohmann::json> read_json_body(const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
