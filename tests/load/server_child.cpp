// posix_spawn of encore-server with stdout on a pipe (to learn the port) and stderr appended to a log.
#include "server_child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace encore::load {
namespace {

using Clock = std::chrono::steady_clock;

// Reads one line from fd until the deadline; "" if none came.
std::string read_line(int fd, Clock::time_point deadline) {
    std::string line;
    char c = 0;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return {};
        pollfd ready{fd, POLLIN, 0};
        if (poll(&ready, 1, static_cast<int>(left)) <= 0) return {};
        if (read(fd, &c, 1) != 1) return {};
        if (c == '\n') return line;
        line += c;
    }
}

int wait_exit(pid_t pid, Clock::time_point deadline) {
    for (;;) {
        int status = 0;
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (done < 0 || Clock::now() >= deadline) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

std::string file_tail(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string all = text.str();
    return all.size() > max_bytes ? all.substr(all.size() - max_bytes) : all;
}

ServerChild::ServerChild(std::string binary, std::vector<std::string> args, std::string log_file)
    : binary_(std::move(binary)), args_(std::move(args)), log_file_(std::move(log_file)) {
    start();
}

ServerChild::~ServerChild() {
    if (pid_ > 0) stop();
}

void ServerChild::start() {
    std::vector<std::string> text{binary_};
    text.insert(text.end(), args_.begin(), args_.end());
    std::vector<char*> argv;
    for (auto& arg : text) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    int error = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (error != 0) {
        close(fds[0]);
        pid_ = -1;
        throw std::runtime_error("cannot start " + binary_);
    }
    const std::string prefix = "encore-server listening on http://127.0.0.1:";
    std::string line = read_line(fds[0], Clock::now() + std::chrono::seconds(15));
    close(fds[0]);  // the server writes nothing else to stdout
    int port = line.rfind(prefix, 0) == 0 ? std::atoi(line.c_str() + prefix.size()) : 0;
    if (port <= 0) {
        kill_hard();
        throw std::runtime_error("encore-server did not start (stdout: \"" + line + "\"); stderr ends:\n" +
                                 file_tail(log_file_));
    }
    if (port_ == 0) {
        port_ = port;
        for (std::size_t i = 0; i + 1 < args_.size(); ++i)
            if (args_[i] == "--port") args_[i + 1] = std::to_string(port_);
    }
}

void ServerChild::kill_hard() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

int ServerChild::stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int code = wait_exit(pid_, Clock::now() + std::chrono::seconds(10));
    if (code == -1) {
        kill_hard();
        return -1;
    }
    pid_ = -1;
    return code;
}

void ServerChild::restart() {
    if (pid_ > 0) throw std::logic_error("restart of a running server");
    for (int attempt = 1;; ++attempt) {  // the port may take a moment to be free again after SIGKILL
        try {
            start();
            return;
        } catch (const std::runtime_error&) {
            if (attempt == 5) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

}  // namespace encore::load
