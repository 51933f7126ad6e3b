// Decoding request bodies and encoding answers for the account and admin endpoints.
#include "http/json_exchange.hpp"

#include <httplib.h>

#include <cctype>

#include "encore/json_limits.hpp"
#include "http/problem.hpp"
#include "http/uncompressed_body.hpp"

namespace encore::server {

std::optional<nlohmann::json> read_json_object(const httplib::Request& req, httplib::Response& res) {
    auto body = read_json_text(req.body, res);
    if (!body) return std::nullopt;
    if (!body->is_object()) {
        send_problem(res, 422, ApiProblem::invalid_request, "Invalid request", "The request body must be a JSON object.");
        return std::nullopt;
    }
    return body;
}

bool require_json_content(const httplib::Request& req, httplib::Response& res) {
    if (req.body.empty()) return true;
    std::string type = req.get_header_value("Content-Type");
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type == "application/json" || (type.starts_with("application/") && type.ends_with("+json"))) return true;
    send_problem(res, 415, ApiProblem::unsupported_media_type, "Unsupported media type",
                 "This endpoint reads JSON: send the body with \"Content-Type: application/json\", not \"" +
                     printable(req.get_header_value("Content-Type"), 60) + "\".");
    return false;
}

std::optional<nlohmann::json> read_json_text(std::string_view text, httplib::Response& res) {
    JsonText parsed = parse_json_text(text);
    if (parsed.failure == JsonText::Failure::too_deep) {
        send_problem(res, 400, ApiProblem::json_too_deep, "JSON nested too deep",
                     "The request body nests arrays and objects more than " + std::to_string(max_json_depth) +
                         " deep (at byte " + std::to_string(parsed.at) + ").");
        return std::nullopt;
    }
    if (parsed.failure == JsonText::Failure::malformed) {
        send_problem(res, 400, ApiProblem::malformed_json, "Malformed JSON",
                     "The request body is not valid JSON (at byte " + std::to_string(parsed.at) + ").");
        return std::nullopt;
    }
    return std::move(parsed.value);
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

bool only_members(const nlohmann::json& body, std::initializer_list<std::string_view> known, httplib::Response& res) {
    if (!body.is_object()) return true;
    for (const auto& [key, value] : body.items()) {
        bool listed = false;
        for (std::string_view name : known) listed = listed || key == name;
        if (!listed) {
            send_invalid_field(res, key, "\"" + printable(key, 60) + "\" is not a field of this request.");
            return false;
        }
    }
    return true;
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
