// Webhook endpoints' URLs and the signature every delivery carries:
// "Encore-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the endpoint's secret>".
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace encore::server {

struct WebhookUrl {
    std::string scheme;  // "http" or "https"
    std::string host;
    int port = 0;
    std::string path;    // "/" when none was written
    std::string origin() const { return scheme + "://" + host + ":" + std::to_string(port); }
};
// http(s)://host[:port][/path] (a name or IPv4 address), at most 2000 characters, no user info or fragment.
std::optional<WebhookUrl> parse_webhook_url(const std::string& url);

// The Encore-Signature header value for `body` sent at `timestamp`.
std::string webhook_signature(const std::string& secret, std::int64_t timestamp, const std::string& body);

}  // namespace encore::server
