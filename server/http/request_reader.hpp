// Reads one HTTP/1.1 request from bytes as they arrive, with limits on everything: the request line,
// the headers, the body (Content-Length or chunked) and the body after Content-Encoding is undone.
// Pure: no sockets, no clock, no httplib, so the front end and the fuzzer drive the same code.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "encore/api_problems.hpp"

namespace encore::server {

struct RequestLimits {
    std::size_t max_request_line = 8 * 1024;
    std::size_t max_head = 16 * 1024;   // request line and headers together
    std::size_t max_headers = 100;
    std::size_t max_body = 1024 * 1024;  // as sent, and again after decompression
};

struct RequestHead {
    std::string method, target, version;
    std::vector<std::pair<std::string, std::string>> headers;  // in order, names as sent
    // The first header with this name (case-insensitive), or "".
    std::string_view header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

// Why a request cannot be read: the status and problem to answer (the connection is then closed).
struct RequestRefusal {
    int status = 400;
    ApiProblem code = ApiProblem::bad_request;
    std::string detail;
};

class RequestReader {
public:
    enum class State { head, body, complete, refused };

    explicit RequestReader(RequestLimits limits = {}) : limits_(limits) {}

    // Consumes what it can of `input` (removing it); the bytes of a following pipelined request stay.
    State feed(std::string& input);
    State state() const { return state_; }
    // True once any byte of this request has arrived.
    bool started() const { return started_; }
    // After the head: whether the client waits for "100 Continue" before sending its body.
    bool expects_continue() const { return expects_continue_; }

    const RequestHead& head() const { return head_; }
    // Complete: the body with transfer coding and content coding undone.
    const std::string& body() const { return body_; }
    const RequestRefusal& refusal() const { return refusal_; }

    // The request as plain HTTP/1.1 text with a Content-Length body: no Transfer-Encoding,
    // Content-Encoding or Expect, and the body as decoded.
    std::string canonical_text() const;

    // Ready for the next request on the same connection.
    void reset();

private:
    State refuse(int status, ApiProblem code, std::string detail);
    State read_head(std::string& input);
    State read_body(std::string& input);
    State read_chunked(std::string& input);
    State finish_body();

    RequestLimits limits_;
    State state_ = State::head;
    bool started_ = false;
    bool expects_continue_ = false;
    RequestHead head_;
    std::string body_;
    RequestRefusal refusal_;
    // Body framing.
    bool chunked_ = false;
    std::size_t remaining_ = 0;  // Content-Length bytes still to come, or the current chunk's
    enum class Chunk { size_line, data, data_end, trailers } chunk_ = Chunk::size_line;
};

}  // namespace encore::server
