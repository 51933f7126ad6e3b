// JSON in and out of the account and admin handlers: an object body or a 400/422, and JSON answers.
#pragma once
#include <initializer_list>
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
// False after answering 415 unsupported_media_type when a request with a body does not say it is JSON
// (Content-Type application/json or application/*+json, any parameters).
bool require_json_content(const httplib::Request& req, httplib::Response& res);
// Any JSON text from a request, parsed with the nesting limit (encore/json_limits.hpp), or nullopt
// after answering 400 json_too_deep or malformed_json.
std::optional<nlohmann::json> read_json_text(std::string_view text, httplib::Response& res);
// A string member of `body`, or nullopt after answering 422 invalid_request naming the field.
std::optional<std::string> read_string_field(const nlohmann::json& body, std::string_view field, httplib::Response& res);
// False after answering 422 invalid_request naming the first member of `body` that is not in `known`
// (a closed schema).
bool only_members(const nlohmann::json& body, std::initializer_list<std::string_view> known, httplib::Response& res);
// Answers 422 invalid_request naming the field, with a sentence saying what is wrong.
void send_invalid_field(httplib::Response& res, std::string_view field, std::string_view detail);
// Adds a member to the problem+json body already in `res` (e.g. "field", "problems").
void add_problem_member(httplib::Response& res, std::string_view key, nlohmann::json value);
// Answers `status` with `body` as application/json (uncompressed, Cache-Control: no-cache).
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

}  // namespace encore::server
