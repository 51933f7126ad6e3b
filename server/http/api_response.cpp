// Problem bodies in the shape problem.cpp writes, plus whatever fields a handler adds.
#include "http/api_response.hpp"

#include <httplib.h>

#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "http/uncompressed_body.hpp"

namespace encore::server {

ApiResponse problem_response(int status, ApiProblem code, std::string_view title, std::string_view detail) {
    const std::string_view text = api_problem_code(code);
    return {status, {{"type", "/problems/" + std::string(text)}, {"title", title}, {"status", status}, {"code", text},
                     {"detail", detail}}};
}

void send_stored_response(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    // The error handler keeps a problem only if it is in res.body; httplib never compresses problem+json.
    if (status >= 400) res.set_content(std::move(body), problem_content_type);
    else set_uncompressed_body(res, std::move(body), "application/json");
}

void send_response(httplib::Response& res, const ApiResponse& response) {
    // Text from a request may not be UTF-8: replace such bytes rather than fail the answer.
    send_stored_response(res, response.status, response.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void send_invalid_request(httplib::Response& res, int status, const std::string& field, const std::string& message) {
    ApiResponse problem = problem_response(status, ApiProblem::invalid_request, "Invalid request",
                                           field.empty() ? message : field + ": " + message);
    problem.body["field"] = field;
    send_response(res, problem);
}

std::optional<nlohmann::json> read_json_body(const httplib::Request& req, httplib::Response& res) {
    return read_json_text(req.body, res);
}

}  // namespace encore::server
