// The event loop (accept, read, deadlines, write) and the worker pool behind it.
#include "http/front_end.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "http/problem.hpp"

namespace encore::server {

bool RequestRouter::handle(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed, nullptr);
}

void RequestRouter::mark_listening(bool listening) { svr_sock_ = listening ? 0 : INVALID_SOCKET; }

namespace {

using Clock = std::chrono::steady_clock;

// One request's bytes in, the answer's bytes out.
class MemoryStream final : public httplib::Stream {
public:
    MemoryStream(const std::string& in, std::string& out, const std::string& client, int client_port,
                 const std::string& local, int local_port)
        : in_(in), out_(out), client_(client), client_port_(client_port), local_(local), local_port_(local_port) {}
    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        const size_t n = std::min(size, in_.size() - position_);
        std::memcpy(ptr, in_.data() + position_, n);
        position_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        out_.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = client_;
        port = client_port_;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = local_;
        port = local_port_;
    }
    socket_t socket() const override { return INVALID_SOCKET; }

private:
    const std::string& in_;
    std::size_t position_ = 0;
    std::string& out_;
    const std::string &client_;
    int client_port_;
    const std::string& local_;
    int local_port_;
};

std::pair<std::string, int> address_of(const sockaddr_storage& address) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        return {text, ntohs(v4.sin_port)};
    }
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    std::string shown = text;
    if (shown.starts_with("::ffff:") && shown.find('.') != std::string::npos) shown = shown.substr(7);
    return {shown, ntohs(v6.sin6_port)};
}

void raise_open_file_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

struct Job {
    std::uint64_t id;
    int fd;
    std::string request;
    std::string client, local;
    int client_port, local_port;
    bool close;
};

struct Done {
    std::uint64_t id;
    int fd;
    std::string response;
    bool close;
};

}  // namespace

struct HttpFrontEnd::Loop {
    enum class Phase { reading, working, writing, draining };

    struct Connection {
        std::uint64_t id = 0;
        int fd = -1;
        std::string peer, client, local;
        int peer_port = 0, local_port = 0;
        bool over_cap = false;
        std::string input, output;
        std::size_t sent = 0;
        RequestReader reader;
        Phase phase = Phase::reading;
        bool close_after_write = false;
        bool peer_finished = false;  // the client shut down its side
        bool closed = false;         // closed during this turn of the loop; reaped at its end
        bool head_seen = false, body_started = false;
        std::size_t served = 0;
        Clock::time_point deadline;
    };

    RequestRouter& router;
    FrontEndOptions options;
    int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
    std::string local_address;
    int local_port = 0;
    std::atomic<bool> stopping{false};
    bool accepting = true;
    std::uint64_t next_id = 1;
    std::unordered_map<int, std::unique_ptr<Connection>> connections;
    std::unordered_map<std::string, std::size_t> per_address;
    std::vector<int> doomed;  // connections closed this turn, freed once no handler can still be using them

    std::mutex jobs_mutex;
    std::condition_variable jobs_ready, priority_ready;  // for every worker; for the priority workers
    std::deque<Job> jobs, priority_jobs;
    std::mutex done_mutex;
    std::vector<Done> done;
    std::vector<std::thread> workers;

    Loop(RequestRouter& r, FrontEndOptions o) : router(r), options(std::move(o)) {}

    ~Loop() {
        if (listen_fd >= 0) ::close(listen_fd);
        if (epoll_fd >= 0) ::close(epoll_fd);
        if (wake_fd >= 0) ::close(wake_fd);
    }

    void wake() const {
        const std::uint64_t one = 1;
        if (wake_fd >= 0) [[maybe_unused]] auto written = ::write(wake_fd, &one, sizeof one);
    }

    void watch(int fd, std::uint32_t events, bool add = false) const {
        epoll_event event{};
        event.events = events;
        event.data.fd = fd;
        epoll_ctl(epoll_fd, add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
    }

    // ---- workers

    // A worker takes the priority lane's requests first; a priority worker takes only those.
    void work(bool priority_only) {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(jobs_mutex);
                (priority_only ? priority_ready : jobs_ready).wait(lock, [&] {
                    return stopping || !priority_jobs.empty() || (!priority_only && !jobs.empty());
                });
                std::deque<Job>& lane = !priority_jobs.empty() || priority_only ? priority_jobs : jobs;
                if (lane.empty()) return;
                job = std::move(lane.front());
                lane.pop_front();
            }
            std::string response;
            bool closed = job.close;
            MemoryStream stream(job.request, response, job.client, job.client_port, job.local, job.local_port);
            try {
                router.handle(stream, job.close, closed);
            } catch (const std::exception& error) {
                std::fprintf(stderr, "encore-server: front end: %s\n", error.what());
                closed = true;
            }
            {
                std::lock_guard lock(done_mutex);
                done.push_back({job.id, job.fd, std::move(response), closed || job.close});
            }
            wake();
        }
    }

    // ---- connections

    void close_connection(Connection& connection) {
        if (connection.closed) return;
        connection.closed = true;
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, connection.fd, nullptr);
        doomed.push_back(connection.fd);
    }

    void reap() {
        for (int fd : doomed) {
            auto found = connections.find(fd);
            if (found == connections.end()) continue;
            const std::string& peer = found->second->peer;
            if (auto count = per_address.find(peer); count != per_address.end() && --count->second == 0)
                per_address.erase(count);
            ::close(fd);
            connections.erase(found);
        }
        doomed.clear();
        if (!accepting && !stopping && connections.size() < options.max_connections) {
            accepting = true;
            watch(listen_fd, EPOLLIN, true);
        }
    }

    void accept_all() {
        while (accepting) {
            if (connections.size() >= options.max_connections) {
                accepting = false;  // the rest wait in the listen backlog
                epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
                return;
            }
            sockaddr_storage address{};
            socklen_t length = sizeof address;
            const int fd = accept4(listen_fd, reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED) continue;
                return;  // EAGAIN, or EMFILE: try again on the next wake-up
            }
            const int yes = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
            auto connection = std::make_unique<Connection>();
            connection->id = next_id++;
            connection->fd = fd;
            std::tie(connection->peer, connection->peer_port) = address_of(address);
            connection->local = local_address;
            connection->local_port = local_port;
            connection->reader = RequestReader(options.limits);
            const std::size_t count = ++per_address[connection->peer];
            connection->over_cap =
                count > options.max_connections_per_address && !options.trusted_proxies.trusts(connection->peer);
            connection->deadline = Clock::now() + options.header_timeout;
            watch(fd, EPOLLIN, true);
            connections.emplace(fd, std::move(connection));
        }
    }

    std::string refusal_text(const Connection& connection, int status, ApiProblem code, const std::string& detail,
                             const std::vector<std::pair<std::string, std::string>>& extra = {}) const {
        const nlohmann::json body{{"type", "about:blank"}, {"title", status_text(status)}, {"status", status},
                                  {"code", api_problem_code(code)}, {"detail", detail}};
        const std::string text = body.dump();
        std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(status_text(status)) + "\r\n";
        out += "Content-Type: application/problem+json\r\nContent-Length: " + std::to_string(text.size()) + "\r\n";
        out += "Connection: close\r\n";
        for (const auto& [name, value] : options.refusal_headers) out += name + ": " + value + "\r\n";
        for (const auto& [name, value] : extra) out += name + ": " + value + "\r\n";
        out += "\r\n" + text;
        const RequestHead& head = connection.reader.head();
        std::string line = (head.method.empty() ? std::string("-") : printable(head.method, 16)) + " " +
                           (head.target.empty() ? std::string("-") : printable(head.target.substr(0, head.target.find('?')), 200)) +
                           " " + std::to_string(status) + " " + std::to_string(text.size()) + " front-end\n";
        std::fwrite(line.data(), 1, line.size(), stderr);
        return out;
    }

    void refuse(Connection& connection, int status, ApiProblem code, const std::string& detail,
                const std::vector<std::pair<std::string, std::string>>& extra = {}) {
        start_write(connection, refusal_text(connection, status, code, detail, extra), true);
    }

    void start_write(Connection& connection, std::string text, bool close_after) {
        connection.output = std::move(text);
        connection.sent = 0;
        connection.close_after_write = close_after;
        connection.phase = Phase::writing;
        connection.deadline = Clock::now() + options.write_timeout;
        if (write_some(connection) && !connection.closed) watch(connection.fd, EPOLLOUT);
    }

    // Sends what the socket takes; true while more is left to send. Closes or moves on when done.
    bool write_some(Connection& connection) {
        while (connection.sent < connection.output.size()) {
            const ssize_t n = ::send(connection.fd, connection.output.data() + connection.sent,
                                     connection.output.size() - connection.sent, MSG_NOSIGNAL);
            if (n > 0) {
                connection.sent += static_cast<std::size_t>(n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
            if (n < 0 && errno == EINTR) continue;
            close_connection(connection);
            return false;
        }
        connection.output.clear();
        connection.output.shrink_to_fit();
        if (connection.close_after_write || connection.peer_finished) {
            // Lingering close: stop sending, read and drop whatever the client still sends, so the
            // answer is not lost to a reset; then close.
            ::shutdown(connection.fd, SHUT_WR);
            connection.phase = Phase::draining;
            connection.input.clear();
            connection.deadline = Clock::now() + std::chrono::seconds(2);
            watch(connection.fd, EPOLLIN);
            return false;
        }
        ++connection.served;
        connection.reader.reset();
        connection.head_seen = connection.body_started = false;
        connection.phase = Phase::reading;
        connection.deadline = Clock::now() + options.idle_timeout;
        watch(connection.fd, EPOLLIN);
        if (!connection.input.empty()) read_requests(connection);  // a pipelined request
        return false;
    }

    // Feeds the reader; hands a complete request to the workers, answers a refused one.
    void read_requests(Connection& connection) {
        const RequestReader::State state = connection.reader.feed(connection.input);
        if (connection.reader.started() && !connection.head_seen) {
            connection.head_seen = true;
            connection.deadline = Clock::now() + options.header_timeout;
        }
        switch (state) {
            case RequestReader::State::head: return;
            case RequestReader::State::body:
                if (!connection.body_started) {
                    connection.body_started = true;
                    connection.deadline = Clock::now() + options.body_timeout;
                    if (connection.reader.expects_continue()) {
                        static constexpr char go_on[] = "HTTP/1.1 100 Continue\r\n\r\n";
                        [[maybe_unused]] auto n = ::send(connection.fd, go_on, sizeof go_on - 1, MSG_NOSIGNAL);
                    }
                }
                return;
            case RequestReader::State::refused: {
                const RequestRefusal& refusal = connection.reader.refusal();
                refuse(connection, refusal.status, refusal.code, refusal.detail);
                return;
            }
            case RequestReader::State::complete: break;
        }
        if (connection.over_cap) {
            refuse(connection, 503, ApiProblem::too_many_connections,
                   "This address has too many connections open at once; close some and try again.", {{"Retry-After", "1"}});
            return;
        }
        Job job{connection.id, connection.fd, connection.reader.canonical_text(), {}, connection.local,
                connection.peer_port, connection.local_port, false};
        job.client = options.trusted_proxies.client_address(connection.peer, connection.reader.head().header("X-Forwarded-For"));
        job.close = stopping || connection.served + 1 >= options.keep_alive_max_requests;
        const bool priority = options.priority && options.priority(connection.reader.head(), connection.reader.body());
        bool queued = false;
        {
            std::lock_guard lock(jobs_mutex);
            if (jobs.size() + priority_jobs.size() < options.max_queued_requests) {
                (priority ? priority_jobs : jobs).push_back(std::move(job));
                queued = true;
            }
        }
        if (!queued) {
            refuse(connection, 503, ApiProblem::server_busy, "The server is at capacity; try again in a moment.",
                   {{"Retry-After", "1"}});
            return;
        }
        if (priority) priority_ready.notify_one();
        jobs_ready.notify_one();
        connection.phase = Phase::working;
        watch(connection.fd, 0);
    }

    void on_readable(Connection& connection) {
        char buffer[65536];
        for (int round = 0; round < 4; ++round) {
            const ssize_t n = ::recv(connection.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                if (connection.phase == Phase::draining) continue;
                connection.input.append(buffer, static_cast<std::size_t>(n));
                read_requests(connection);
                if (connection.closed || connection.phase != Phase::reading) return;
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
            if (n < 0 && errno == EINTR) continue;
            // End of stream or an error.
            if (n == 0 && connection.phase == Phase::reading && connection.reader.started()) {
                connection.peer_finished = true;
                read_requests(connection);  // a request cut short is simply dropped
                if (connection.closed || connection.phase != Phase::reading) return;
            }
            close_connection(connection);
            return;
        }
    }

    void on_event(int fd, std::uint32_t events) {
        auto found = connections.find(fd);
        if (found == connections.end()) return;
        Connection& connection = *found->second;
        if (connection.closed) return;
        if (events & (EPOLLERR | EPOLLHUP)) {
            if (connection.phase != Phase::reading || !(events & EPOLLIN)) {
                close_connection(connection);
                return;
            }
        }
        if ((events & EPOLLOUT) && connection.phase == Phase::writing) {
            write_some(connection);
            return;
        }
        if (events & EPOLLIN) on_readable(connection);
    }

    void finish_done() {
        std::vector<Done> ready;
        {
            std::lock_guard lock(done_mutex);
            ready.swap(done);
        }
        for (Done& item : ready) {
            auto found = connections.find(item.fd);
            if (found == connections.end() || found->second->id != item.id || found->second->closed) continue;  // the client left
            start_write(*found->second, std::move(item.response), item.close);
        }
    }

    void expire(Clock::time_point now) {
        std::vector<int> late;
        for (const auto& [fd, connection] : connections)
            if (connection->phase != Phase::working && connection->deadline <= now) late.push_back(fd);
        for (int fd : late) {
            auto found = connections.find(fd);
            if (found == connections.end() || found->second->closed) continue;
            Connection& connection = *found->second;
            if (connection.phase == Phase::reading && connection.reader.started())
                refuse(connection, 408, ApiProblem::request_timeout,
                       "The request did not arrive in time; the connection is closed.");
            else
                close_connection(connection);
        }
    }

    bool run() {
        for (int i = 0; i < std::max(1, options.workers); ++i) workers.emplace_back([this] { work(false); });
        if (options.priority)
            for (int i = 0; i < options.priority_workers; ++i) workers.emplace_back([this] { work(true); });
        router.mark_listening(true);
        auto next_sweep = Clock::now();
        std::vector<epoll_event> events(512);
        bool ok = true;
        while (!stopping) {
            const int n = epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), 100);
            if (n < 0 && errno != EINTR) {
                std::fprintf(stderr, "encore-server: epoll_wait: %s\n", std::strerror(errno));
                ok = false;
                break;
            }
            for (int i = 0; i < n; ++i) {
                const int fd = events[static_cast<std::size_t>(i)].data.fd;
                if (fd == listen_fd) {
                    accept_all();
                } else if (fd == wake_fd) {
                    std::uint64_t count = 0;
                    [[maybe_unused]] auto r = ::read(wake_fd, &count, sizeof count);
                    finish_done();
                } else {
                    on_event(fd, events[static_cast<std::size_t>(i)].events);
                }
            }
            const auto now = Clock::now();
            if (now >= next_sweep) {
                expire(now);
                next_sweep = now + std::chrono::milliseconds(100);
            }
            reap();
        }
        stopping = true;
        jobs_ready.notify_all();
        priority_ready.notify_all();
        for (auto& worker : workers) worker.join();
        workers.clear();
        router.mark_listening(false);
        finish_done();
        for (auto& [fd, connection] : connections) ::close(fd);
        connections.clear();
        return ok;
    }
};

HttpFrontEnd::HttpFrontEnd(RequestRouter& router, FrontEndOptions options)
    : loop_(std::make_unique<Loop>(router, std::move(options))) {}

HttpFrontEnd::~HttpFrontEnd() = default;

int HttpFrontEnd::bind(const std::string& host, int port) {
    raise_open_file_limit();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (getaddrinfo(host.c_str(), service.c_str(), &hints, &found) != 0 || !found) {
        errno = EADDRNOTAVAIL;
        return 0;
    }
    int fd = -1;
    for (addrinfo* candidate = found; candidate; candidate = candidate->ai_next) {
        fd = ::socket(candidate->ai_family, candidate->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, candidate->ai_protocol);
        if (fd < 0) continue;
        // SO_REUSEADDR only: with SO_REUSEPORT a second server would share the port instead of failing.
        const int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        // The backlog is what a burst of connections waits in while the loop accepts; the kernel caps
        // it at net.core.somaxconn.
        if (::bind(fd, candidate->ai_addr, candidate->ai_addrlen) == 0 && ::listen(fd, 65535) == 0) break;
        const int saved = errno;
        ::close(fd);
        fd = -1;
        errno = saved;
    }
    freeaddrinfo(found);
    if (fd < 0) return 0;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    Loop& loop = *loop_;
    std::tie(loop.local_address, loop.local_port) = address_of(address);
    loop.listen_fd = fd;
    loop.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    loop.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    loop.watch(loop.listen_fd, EPOLLIN, true);
    loop.watch(loop.wake_fd, EPOLLIN, true);
    return loop.local_port;
}

bool HttpFrontEnd::run() {
    if (loop_->listen_fd < 0) return false;
    return loop_->run();
}

void HttpFrontEnd::stop() {
    loop_->stopping = true;
    loop_->wake();
}

}  // namespace encore::server
