// Decoding request bodies and encoding answers for the account and admin endpoints.
#include "http/json_exchange.hpp"

#include <httplib.h>

#include "http/problem.hpp"
#include "http/uncompressed_body.hpp"

namespace encore::server {

std::optional<nlohmann::json> read_json_object(const httplib::Request& req, httplib::Response& res) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded()) {
        send_problem(res, 400, ApiProblem::malformed_json, "Malformed JSON", "The request body is not valid JSON.");
        return std::nullopt;
    }
    if (!body.is_object()) {
        send_problem(res, 422, ApiProblem::invalid_request, "Invalid request", "The request body must be a JSON object.");
        return std::nullopt;
    }
    return body;
}

std::optional<std::string> read_string_field(const nlohmann::json& body, std::string_view field, httplib::Response& res) {
    auto found = body.find(field);
    if (found == body.end()) {
        send_invalid_field(res, field, "The field \"" + std::string(field) + "\" is missing.");
        return std::nullopt;
    }
    if (!found->is_string()) {
        send_invalid_field(res, field, "The field \"" + std::string(field) + "\" must be a string.");
        return std::nullopt;
    }
    return found->get<std::string>();
}

void send_invalid_field(httplib::Response& res, std::string_view field, std::string_view detail) {
    send_problem(res, 422, ApiProblem::invalid_request, "Invalid request", detail);
    add_problem_member(res, "field", field);
}

void add_problem_member(httplib::Response& res, std::string_view key, nlohmann::json value) {
    auto body = nlohmann::json::parse(res.body);
    body[std::string(key)] = std::move(value);
    res.set_content(body.dump(), problem_content_type);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-cache");
    set_uncompressed_body(res, body.dump(), "application/json");
}

}  // namespace encore::server
