// Serves the embedded OpenAPI document (generated into openapi_document.cpp by web/embed_file.cmake).
#include "http/openapi_route.hpp"

#include "http/method_answers.hpp"

#include <httplib.h>

#include <cstddef>
#include <memory>
#include <string>

#include "http/uncompressed_body.hpp"

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
    install_method_answers(server, openapi_path, allowed_methods);
}

}  // namespace encore::server
