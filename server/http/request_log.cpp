// Request log lines, written whole so lines from different worker threads never interleave.
#include "http/request_log.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <optional>

#include "http/problem.hpp"
#include "http/uncompressed_body.hpp"

namespace encore::server {
namespace {

using Clock = std::chrono::steady_clock;

// Each connection is served by one worker thread, one request at a time.
thread_local std::optional<Clock::time_point> request_started;

// Hold tokens are capabilities (anyone with one may buy its seats): the log shows "/api/holds/{token}".
std::string without_secrets(const std::string& path) {
    constexpr std::string_view holds = "/api/holds/";
    if (!path.starts_with(holds) || path.size() == holds.size()) return path;
    const std::size_t end = path.find('/', holds.size());
    return std::string(holds) + "{token}" + (end == std::string::npos ? "" : path.substr(end));
}

void write_line(const httplib::Request& req, const httplib::Response& res) {
    double milliseconds = 0;
    if (request_started) {
        milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - *request_started).count();
        request_started.reset();
    }
    std::string line = printable(req.method, 16) + " " + printable(without_secrets(req.path), 200);
    char tail[64];
    std::snprintf(tail, sizeof tail, " %d %zu %.1fms\n", res.status, req.method == "HEAD" ? 0 : response_body_size(res),
                  milliseconds);
    line += tail;
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void install_request_log(httplib::Server& server) { server.set_logger(write_line); }

void note_request_start() { request_started = Clock::now(); }

}  // namespace encore::server
