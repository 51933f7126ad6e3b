// Child-process control for the server tests: posix_spawn, a stdout pipe, waitpid with a deadline.
#include "server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "test_support.hpp"

extern char** environ;

namespace encore::test {
namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::max<long long>(0, left));
}

// Starts the binary with stdin from /dev/null, stdout to `stdout_fd` (or a file), stderr to a file.
pid_t spawn(const std::vector<std::string>& args, int stdout_fd, const std::string& stdout_file,
            const std::string& stderr_file) {
    // ENCORE_TEST_SERVER_BIN runs the tests against another build (e.g. an older server, to see a test fail).
    const char* other = std::getenv("ENCORE_TEST_SERVER_BIN");
    std::vector<std::string> argv_text{other && *other ? other : ENCORE_SERVER_BIN};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_text) argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (stdout_fd >= 0)
        posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) throw std::runtime_error("cannot start " + argv_text[0]);
    return pid;
}

// waitpid with a deadline; the exit code, 128+signal, or -1 if still running at the deadline.
int wait_for_exit(pid_t pid, Clock::time_point deadline) {
    for (;;) {
        int status = 0;
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (done < 0) return -1;
        if (Clock::now() >= deadline) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

int kill_and_reap(pid_t pid) {
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    return -1;
}

// Reads the first line from fd, waiting until the deadline; empty if none came.
std::string read_line(int fd, Clock::time_point deadline) {
    std::string line;
    char c = 0;
    while (remaining_ms(deadline) > 0) {
        pollfd ready{fd, POLLIN, 0};
        if (poll(&ready, 1, remaining_ms(deadline)) <= 0) break;
        if (read(fd, &c, 1) != 1) break;
        if (c == '\n') return line;
        line += c;
    }
    return {};
}

// True once `text` holds a response's headers and the whole Content-Length body.
bool is_complete_response(const std::string& text) {
    auto header_end = text.find("\r\n\r\n");
    if (header_end == std::string::npos) return false;
    std::size_t length = 0;
    auto at = text.find("Content-Length: ");
    if (at != std::string::npos && at < header_end) length = std::stoul(text.substr(at + 16));
    return text.size() >= header_end + 4 + length;
}

bool names_port(const std::vector<std::string>& args) {
    return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a.rfind("--port", 0) == 0; });
}

}  // namespace

ServerProcess::ServerProcess(const std::vector<std::string>& args, std::filesystem::path log_file)
    : args_(args), log_file_(std::move(log_file)) {
    start();
}

void ServerProcess::restart() {
    stop();
    if (stdout_fd_ >= 0) close(stdout_fd_);
    stdout_fd_ = -1;
    port_ = 0;
    start();
}

void ServerProcess::start() {
    std::vector<std::string> full = args_;
    if (!names_port(args_)) full.insert(full.begin(), {"--port", "0"});
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = spawn(full, pipe_fds[1], "", log_file_.string());
    close(pipe_fds[1]);
    stdout_fd_ = pipe_fds[0];

    const std::string prefix = "encore-server listening on http://127.0.0.1:";
    std::string line = read_line(stdout_fd_, Clock::now() + std::chrono::seconds(10));
    if (line.rfind(prefix, 0) == 0) port_ = std::atoi(line.c_str() + prefix.size());
    if (port_ <= 0) {
        stop();
        close(stdout_fd_);
        throw std::runtime_error("encore-server did not start; stdout: \"" + line + "\"; stderr:\n" + log());
    }
}

ServerProcess::~ServerProcess() {
    stop();
    if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::unique_ptr<httplib::Client> ServerProcess::client() const {
    auto client = std::make_unique<httplib::Client>(host(), port_);
    client->set_connection_timeout(5);
    client->set_read_timeout(5);
    client->set_write_timeout(5);
    return client;
}

std::string ServerProcess::log() const {
    std::error_code error;
    return std::filesystem::exists(log_file_, error) ? read_text(log_file_) : std::string();
}

int ServerProcess::stop() {
    if (pid_ < 0) return -1;
    kill(pid_, SIGTERM);
    int code = wait_for_exit(pid_, Clock::now() + std::chrono::seconds(5));
    if (code == -1) kill_and_reap(pid_);
    pid_ = -1;
    return code;
}

ExitResult run_server_to_exit(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
                              std::chrono::milliseconds timeout) {
    const auto out_file = work_dir / "run.stdout", err_file = work_dir / "run.stderr";
    pid_t pid = spawn(args, -1, out_file.string(), err_file.string());
    ExitResult result;
    result.exit_code = wait_for_exit(pid, Clock::now() + timeout);
    if (result.exit_code == -1) kill_and_reap(pid);
    result.out = read_text(out_file);
    result.err = read_text(err_file);
    return result;
}

int connect_loopback(int port) {
    int sock = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(sock);
        throw std::runtime_error("cannot connect to the server");
    }
    return sock;
}

std::string raw_exchange(int port, const std::string& request, std::chrono::milliseconds timeout) {
    const int sock = connect_loopback(port);
    for (std::size_t sent = 0; sent < request.size();) {
        ssize_t n = send(sock, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    std::string received;
    const auto deadline = Clock::now() + timeout;
    char buffer[4096];
    while (remaining_ms(deadline) > 0) {
        pollfd ready{sock, POLLIN, 0};
        if (poll(&ready, 1, remaining_ms(deadline)) <= 0) break;
        ssize_t n = recv(sock, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
        if (is_complete_response(received)) break;
    }
    close(sock);
    return received;
}

}  // namespace encore::test
