// Bodies as fixed-length content providers, which httplib writes without compressing.
#include "http/uncompressed_body.hpp"

#include <httplib.h>

namespace encore::server {

void set_uncompressed_body(httplib::Response& res, std::shared_ptr<const std::string> body,
                           const std::string& content_type) {
    res.body.clear();
    res.headers.erase("Content-Type");
    if (body->empty()) {
        res.set_content("", content_type);
        return;
    }
    const std::size_t size = body->size();
    res.set_content_provider(size, content_type,
                             [body = std::move(body)](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return sink.write(body->data() + offset, length);
                             });
}

void set_uncompressed_body(httplib::Response& res, std::string body, const std::string& content_type) {
    set_uncompressed_body(res, std::make_shared<const std::string>(std::move(body)), content_type);
}

std::size_t response_body_size(const httplib::Response& res) {
    return res.body.empty() ? res.content_length_ : res.body.size();
}

}  // namespace encore::server
