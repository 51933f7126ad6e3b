// The logic's HttpClient over the browser's fetch(): each request gets an id, its callback waits in a table
// until JavaScript hands the answer back through the exported encore_on_http.
#pragma once
#include "logic/http_client.hpp"

namespace web {

class FetchHttpClient : public HttpClient {
public:
    // Accept: application/json, Content-Type: application/json with a body, no caching; the request's bearer
    // token and Idempotency-Key when it has them. Every answer wakes the drawing (redraw.hpp).
    void send(HttpRequest request, HttpDone done) override;
};

}  // namespace web

// Called from JavaScript when a request finishes; status 0 means no HTTP answer (text is the browser's reason).
extern "C" void encore_on_http(int id, int status, const char* text);
