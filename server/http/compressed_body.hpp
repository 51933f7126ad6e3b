// Bodies sent gzip-compressed to clients that accept it: the web client's files (wasm, JavaScript, HTML) and
// the catalog. Each distinct body is compressed once (zlib level 9) and kept in memory, so a busy on-sale
// morning costs no compression CPU after the first request of each file.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace httplib {
struct Request;
struct Response;
}

namespace encore::server {

// Whether the request's Accept-Encoding allows gzip (listed, or "*", without q=0).
bool accepts_gzip(std::string_view accept_encoding);

// The gzip stream (RFC 1952) of `data`.
std::string gzip_compress(std::string_view data);

// Sets `body` with its Content-Type and Vary: Accept-Encoding; when `req` accepts gzip and the body is worth
// compressing, the cached gzip of it with Content-Encoding: gzip (Content-Length is the compressed size).
// `key` names the resource (a path): one cached body per key, replaced when the body changes.
void set_compressible_body(const httplib::Request& req, httplib::Response& res, const std::string& key,
                           std::shared_ptr<const std::string> body, const std::string& content_type);

}  // namespace encore::server
