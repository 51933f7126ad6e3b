// JSON requests to the Encore API with the browser's fetch(): any method, a JSON body, the session's
// Authorization header and an optional Idempotency-Key; the answer comes back to a C++ callback.
#pragma once
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace web {

struct HttpAnswer {
    int status = 0;        // 0: no HTTP answer at all (body is the browser's reason)
    std::string body;
    nlohmann::json json;   // the parsed body; discarded if it was not JSON
    // The problem+json "code", or "".
    std::string code() const;
    bool ok() const { return status >= 200 && status < 300; }
};

using HttpDone = std::function<void(const HttpAnswer&)>;

// Sends the request; `done` runs once, when the answer (or the failure) arrives. The session token of
// the_app().account is sent as a Bearer token when there is one. `body` empty: no body.
void http_send(const char* method, const std::string& url, const std::string& body, HttpDone done,
               const std::string& idempotency_key = "");
// encodeURIComponent
std::string uri_component(const std::string& text);
// A random UUID from the browser's crypto (Idempotency-Keys).
std::string random_uuid();

}  // namespace web

// Called from JavaScript when a request of http_send finishes.
extern "C" void encore_on_http(int id, int status, const char* text);
