// Pre-routing checks on the request line and headers.
#include "http/request_guard.hpp"

#include <httplib.h>

#include "http/problem.hpp"
#include "http/request_log.hpp"

namespace encore::server {
namespace {

bool may_carry_body(const std::string& method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

}  // namespace

void install_request_guard(httplib::Server& server) {
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        note_request_start();
        if (may_carry_body(req.method) && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) {
            send_http_problem(res, 411, ApiProblem::length_required,
                              "A " + req.method + " request needs a Content-Length header (0 for no body).");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
}

}  // namespace encore::server
