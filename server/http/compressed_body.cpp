// gzip with zlib, the Accept-Encoding check, and the per-resource cache of compressed bodies.
#include "http/compressed_body.hpp"

#include <httplib.h>
#include <zlib.h>

#include <cctype>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "http/uncompressed_body.hpp"

namespace encore::server {
namespace {

constexpr std::size_t smallest_worth_compressing = 1024;

struct Compressed {
    std::shared_ptr<const std::string> original;
    std::shared_ptr<const std::string> gzip;
};

std::mutex cache_mutex;
std::unordered_map<std::string, Compressed> cache;  // by resource key

std::string lower(std::string_view text) {
    std::string out;
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Compressed bytes for `body` under `key`, compressing it once.
std::shared_ptr<const std::string> cached_gzip(const std::string& key, const std::shared_ptr<const std::string>& body) {
    std::lock_guard lock(cache_mutex);
    Compressed& entry = cache[key];
    if (!entry.original || (entry.original != body && *entry.original != *body)) {
        entry.original = body;
        entry.gzip = std::make_shared<const std::string>(gzip_compress(*body));
    }
    return entry.gzip;
}

bool compressible(const std::string& content_type) {
    return content_type.starts_with("text/") || content_type.find("javascript") != std::string::npos ||
           content_type.find("json") != std::string::npos || content_type.starts_with("application/wasm") ||
           content_type.find("svg") != std::string::npos;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    const std::string header = lower(accept_encoding);
    std::string_view rest = header;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const std::size_t semicolon = item.find(';');
        const std::string_view coding = trimmed(item.substr(0, semicolon));
        if (coding != "gzip" && coding != "x-gzip" && coding != "*") continue;
        if (semicolon == std::string_view::npos) return true;
        std::string_view param = trimmed(item.substr(semicolon + 1));
        if (!param.starts_with("q=")) return true;
        param.remove_prefix(2);
        const bool zero = !param.empty() && param.find_first_not_of("0.") == std::string_view::npos;
        return !zero;
    }
    return false;
}

std::string gzip_compress(std::string_view data) {
    z_stream stream{};
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: deflateInit2 failed");
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
    return out;
}

void set_compressible_body(const httplib::Request& req, httplib::Response& res, const std::string& key,
                           std::shared_ptr<const std::string> body, const std::string& content_type) {
    res.set_header("Vary", "Accept-Encoding");
    if (body->size() >= smallest_worth_compressing && compressible(content_type) &&
        accepts_gzip(req.get_header_value("Accept-Encoding"))) {
        res.set_header("Content-Encoding", "gzip");
        set_uncompressed_body(res, cached_gzip(key, body), content_type);
        return;
    }
    set_uncompressed_body(res, std::move(body), content_type);
}

}  // namespace encore::server
