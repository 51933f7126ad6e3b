// Serves the embedded OpenAPI document (generated into openapi_document.cpp by web/embed_file.cmake).
#include "openapi_route.hpp"

#include <httplib.h>

#include <cstddef>
#include <memory>
#include <string>

#include "problem.hpp"
#include "uncompressed_body.hpp"

extern const unsigned char encore_openapi_json[];
extern const std::size_t encore_openapi_json_size;

namespace encore::server {
namespace {

constexpr const char* openapi_path = "/api/openapi.json";
constexpr const char* allowed_methods = "GET, HEAD, OPTIONS";

}  // namespace

void install_openapi_route(httplib::Server& server) {
    static const auto document = std::make_shared<const std::string>(
        reinterpret_cast<const char*>(encore_openapi_json), encore_openapi_json_size);
    server.Get(openapi_path, [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        set_uncompressed_body(res, document, "application/json");
    });
    auto not_allowed = [](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Allow", allowed_methods);
        send_http_problem(res, 405, "method_not_allowed",
                          req.method + " is not supported here; this endpoint accepts " + allowed_methods + ".");
    };
    server.Post(openapi_path, not_allowed).Put(openapi_path, not_allowed).Patch(openapi_path, not_allowed);
    server.Delete(openapi_path, not_allowed);
    server.Options(openapi_path, [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Allow", allowed_methods);
        res.status = 204;
    });
}

}  // namespace encore::server
