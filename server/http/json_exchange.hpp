// JSON in and out of the account and admin handlers: an object body or a 400/422, and JSON answers.
#pragma once
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// The request body as a JSON object, or nullopt after answering 400 malformed_json (not JSON) or
// 422 invalid_request (JSON, but not an object).
std::optional<nlohmann::json> read_json_object(const httplib::Request& req, httplib::Response& res);
// A string member of `body`, or nullopt after answering 422 invalid_request naming the field.
std::optional<std::string> read_string_field(const nlohmann::json& body, std::string_view field, httplib::Response& res);
// Answers 422 invalid_request naming the field, with a sentence saying what is wrong.
void send_invalid_field(httplib::Response& res, std::string_view field, std::string_view detail);
// Adds a member to the problem+json body already in `res` (e.g. "field", "problems").
void add_problem_member(httplib::Response& res, std::string_view key, nlohmann::json value);
// Answers `status` with `body` as application/json (uncompressed, Cache-Control: no-cache).
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

}  // namespace encore::server
