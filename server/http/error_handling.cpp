// Fallback problem+json bodies for errors httplib produces itself, and the 500 for uncaught exceptions.
#include "http/error_handling.hpp"

#include <httplib.h>

#include <exception>
#include <iostream>
#include <string>

#include "http/problem.hpp"

namespace encore::server {
namespace {

void describe_http_error(const httplib::Request& req, httplib::Response& res, std::size_t payload_max_length) {
    switch (res.status) {
        case 400:
            send_http_problem(res, 400, ApiProblem::bad_request, "The request could not be understood as HTTP.");
            break;
        case 404:
            send_http_problem(res, 404, ApiProblem::not_found, "There is nothing at " + printable(req.path) + ".");
            break;
        case 413:
            send_http_problem(res, 413, ApiProblem::payload_too_large,
                              "The request body is larger than the limit of " + std::to_string(payload_max_length) +
                                  " bytes.");
            break;
        case 414:
            send_http_problem(res, 414, ApiProblem::uri_too_long, "The request's URI is longer than the server accepts.");
            break;
        case 416:
            send_http_problem(res, 416, ApiProblem::range_not_satisfiable, "The requested byte range is not available.");
            break;
        default:
            send_http_problem(res, res.status, ApiProblem::http_error,
                              "The request failed with HTTP status " + std::to_string(res.status) + ".");
    }
}

std::string what(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an exception that is not a std::exception";
    }
}

}  // namespace

void install_error_handling(httplib::Server& server, std::size_t payload_max_length) {
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [payload_max_length](const httplib::Request& req, httplib::Response& res) {
            if (res.body.empty()) describe_http_error(req, res, payload_max_length);
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        std::cerr << "encore-server: internal error on " + req.method + " " + printable(req.path) + ": " +
                         what(error) + "\n";
        res.headers.clear();
        send_http_problem(res, 500, ApiProblem::internal_error,
                          "Something went wrong on the server; the details have been logged.");
    });
}

}  // namespace encore::server
