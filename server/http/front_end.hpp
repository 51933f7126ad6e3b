// The server's front end: one event-loop thread (epoll) accepts every connection and reads each request
// whole (head within a deadline, body within limits, chunked and compressed bodies undone), and only
// then hands it to a small pool of workers that run httplib's routing on it from memory. A slow or
// hostile client costs a buffer, never a worker; answers are written back by the loop.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>

#include "http/client_address.hpp"
#include "http/request_reader.hpp"

namespace encore::server {

struct FrontEndOptions {
    int workers = 8;
    // The priority lane: requests it accepts are taken by workers before every other queued request,
    // and `priority_workers` more workers serve only them (serve.cpp: series bookings).
    std::function<bool(const RequestHead&, std::string_view body)> priority;
    int priority_workers = 16;
    std::size_t max_connections = 10000;             // beyond it, new connections wait in the listen backlog
    std::size_t max_connections_per_address = 256;   // beyond it, requests are answered 503 (trusted proxies exempt)
    std::size_t max_queued_requests = 4096;          // complete requests waiting for a worker; beyond it 503
    std::size_t keep_alive_max_requests = 1000;
    std::chrono::milliseconds header_timeout{10'000};  // from a request's first byte to the end of its head
    std::chrono::milliseconds body_timeout{30'000};    // from the end of the head to the end of the body
    std::chrono::milliseconds idle_timeout{60'000};    // a kept-alive connection with no request
    std::chrono::milliseconds write_timeout{30'000};
    RequestLimits limits;
    TrustedProxies trusted_proxies;
    std::vector<std::pair<std::string, std::string>> refusal_headers;  // added to the front end's own answers
};

// httplib's routing, run on a request already in memory.
class RequestRouter : public httplib::Server {
public:
    // Routes the one request `stream` reads and writes the answer to it.
    bool handle(httplib::Stream& stream, bool close_connection, bool& connection_closed);
    // httplib writes streamed bodies only while it believes it is listening.
    void mark_listening(bool listening);
};

class HttpFrontEnd {
public:
    HttpFrontEnd(RequestRouter& router, FrontEndOptions options);
    ~HttpFrontEnd();
    HttpFrontEnd(const HttpFrontEnd&) = delete;
    HttpFrontEnd& operator=(const HttpFrontEnd&) = delete;

    // Binds and listens (port 0: any free port); the port bound, or 0 with errno set.
    int bind(const std::string& host, int port);
    // Serves until stop(); false if the loop failed.
    bool run();
    // Stops run() soon; callable from any thread, also before run().
    void stop();

private:
    struct Loop;
    std::unique_ptr<Loop> loop_;
};

}  // namespace encore::server
