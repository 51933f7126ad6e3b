// An encore-server child process for the load, crash and negative-control runs: the binary is chosen at
// run time (safe or unsafe build), it can be killed with SIGKILL and restarted on the same database.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace encore::load {

class ServerChild {
public:
    // Starts `binary` with `args` (which must name --port) and waits up to 15 s for its "listening on"
    // line; throws std::runtime_error with the tail of its stderr (written to `log_file`) if it does not.
    ServerChild(std::string binary, std::vector<std::string> args, std::string log_file);
    ~ServerChild();
    ServerChild(const ServerChild&) = delete;
    ServerChild& operator=(const ServerChild&) = delete;

    int port() const { return port_; }
    // SIGKILL, no chance to clean up; reaps the process.
    void kill_hard();
    // SIGTERM and wait (SIGKILL after 10 s); the exit code or 128+signal.
    int stop();
    // Starts the same command again (the port argument replaced by the port first learnt).
    void restart();
    bool running() const { return pid_ > 0; }

private:
    void start();
    std::string binary_;
    std::vector<std::string> args_;
    std::string log_file_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// The last `max_bytes` of a text file ("" if unreadable).
std::string file_tail(const std::string& path, std::size_t max_bytes = 4000);

}  // namespace encore::load
