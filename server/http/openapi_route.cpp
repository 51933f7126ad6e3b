// Serves the embedded OpenAPI document (generated into openapi_document.cpp by web/embed_file.cmake).
#include "http/openapi_route.hpp"

#include <httplib.h>

#include <cstddef>
#include <memory>
#include <string>

#include "http/uncompressed_body.hpp"

extern const unsigned char encore_openapi_json[];
extern const std::size_t encore_openapi_json_size;

namespace encore::server {

void send_openapi_document(httplib::Response& res) {
    static const auto document = std::make_shared<const std::string>(
        reinterpret_cast<const char*>(encore_openapi_json), encore_openapi_json_size);
    res.set_header("Cache-Control", "no-cache");
    set_uncompressed_body(res, document, "application/json");
}

}  // namespace encore::server
