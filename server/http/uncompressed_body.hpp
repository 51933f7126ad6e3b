// Response bodies sent as they are. httplib 0.11 compresses JSON, JavaScript and text/* on every
// request and prefers brotli at quality 11 (~250 ms of CPU per 150 KB); a body handed over as a
// fixed-length content provider is never compressed. Large static bodies are gzipped once instead (compressed_body.hpp).
#pragma once
#include <memory>
#include <string>

namespace httplib {
struct Response;
}

namespace encore::server {

// Sets the body and its Content-Type; `body` is kept alive until the response is written.
void set_uncompressed_body(httplib::Response& res, std::shared_ptr<const std::string> body,
                           const std::string& content_type);
void set_uncompressed_body(httplib::Response& res, std::string body, const std::string& content_type);

// The body size of a response, whichever way its body was set.
std::size_t response_body_size(const httplib::Response& res);

}  // namespace encore::server
