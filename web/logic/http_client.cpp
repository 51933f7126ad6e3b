// An API answer's body, parsed as JSON only when someone asks.
#include "logic/http_client.hpp"

#include <utility>

namespace web {

HttpAnswer::HttpAnswer(int status_, std::string body_) : status(status_), body(std::move(body_)) {}

const nlohmann::json& HttpAnswer::json() const {
    if (!parsed_) parsed_ = status == 0 ? nlohmann::json() : nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    return *parsed_;
}

std::string HttpAnswer::code() const {
    const nlohmann::json& j = json();
    return j.is_object() && j.contains("code") && j["code"].is_string() ? j["code"].get<std::string>() : "";
}

std::optional<encore::ApiProblem> HttpAnswer::problem() const { return encore::api_problem_from_code(code()); }

}  // namespace web
