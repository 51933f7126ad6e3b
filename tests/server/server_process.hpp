// Runs the real encore-server binary as a child process: either serving (port learnt from its
// "listening on" line, stopped and reaped at the end) or run to completion for start-up failures.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace httplib {
class Client;
}

namespace encore::test {

// A running server. Its stderr (the request log) goes to `log_file`.
class ServerProcess {
public:
    // Starts encore-server with `args` (plus "--port 0" unless args name a port) and waits up to
    // 10 s for it to listen; throws std::runtime_error with its stderr if it does not.
    ServerProcess(const std::vector<std::string>& args, std::filesystem::path log_file);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    std::string host() const { return "127.0.0.1"; }
    // A client for this server with short timeouts.
    std::unique_ptr<httplib::Client> client() const;
    // What the server wrote to stderr so far.
    std::string log() const;
    // Sends SIGTERM and waits; the exit code (128+signal if it died of one, -1 on timeout).
    int stop();
    // Stops it if it runs and starts it again with the same arguments (a new port if it was 0).
    void restart();

private:
    void start();
    std::vector<std::string> args_;
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    int port_ = 0;
    std::filesystem::path log_file_;
};

struct ExitResult {
    int exit_code = -1;  // -1 if it had to be killed after the timeout
    std::string out;
    std::string err;
};

// Runs encore-server with `args` to completion (killing it after `timeout`), capturing its output
// into files under `work_dir`.
ExitResult run_server_to_exit(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
                              std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A socket connected to 127.0.0.1:port (throws if it cannot connect); the caller closes it.
int connect_loopback(int port);

// Sends raw bytes to 127.0.0.1:port and returns the first response (headers and Content-Length
// body), or what came before the server closed the connection or `timeout` passed.
std::string raw_exchange(int port, const std::string& request,
                         std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace encore::test
