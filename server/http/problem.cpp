// Builds problem+json bodies; the only place that knows their shape.
#include "http/problem.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace encore::server {
namespace {

void send(httplib::Response& res, int status, std::string type, ApiProblem code, std::string_view title,
          std::string_view detail) {
    nlohmann::json body{{"type", std::move(type)}, {"title", title}, {"status", status}, {"code", api_problem_code(code)},
                        {"detail", detail}};
    res.status = status;
    res.set_content(body.dump(), problem_content_type);
}

}  // namespace

void send_problem(httplib::Response& res, int status, ApiProblem code, std::string_view title, std::string_view detail) {
    send(res, status, "/problems/" + std::string(api_problem_code(code)), code, title, detail);
}

void send_http_problem(httplib::Response& res, int status, ApiProblem code, std::string_view detail) {
    send(res, status, "about:blank", code, status_text(status), detail);
}

std::string printable(std::string_view text, std::size_t max_length) {
    std::string shown;
    for (char c : text.substr(0, max_length)) shown += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (text.size() > max_length) shown += "...";
    return shown;
}

std::string_view status_text(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 411: return "Length Required";
        case 413: return "Payload Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 416: return "Range Not Satisfiable";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Error";
    }
}

}  // namespace encore::server
