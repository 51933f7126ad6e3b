// encore-webhook-receiver: a small receiver to start by hand next to encore-server; it checks each
// delivery's signature and prints one line per event (or the whole event with --json).
//   encore-webhook-receiver --secret SECRET [--port 9000] [--bind 127.0.0.1] [--json]
#include <httplib.h>
#include <signal.h>
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "signature_check.hpp"

namespace {

constexpr const char* usage = "usage: encore-webhook-receiver --secret SECRET [--port 9000] [--bind 127.0.0.1] [--json]";

httplib::Server* running = nullptr;

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// "SubscriberUpdated  subscriber 42 #3  Lapse -> Lapsed  (customer 7, system, 2027-04-01T00:00:00Z)"
std::string one_line(const nlohmann::json& event) {
    const nlohmann::json& row = event["history"];
    return event.value("type", "?") + "  subscriber " + event.value("subscriber", "?") + " #" +
           std::to_string(event.value("sequence", 0)) + "  " + row.value("action", "?") + " -> " + row.value("status", "?") +
           "  (customer " + event.value("customer", "?") + ", " + row.value("actor", "?") + ", " + row.value("at", "?") + ")";
}

}  // namespace

int main(int argc, char** argv) {
    std::string secret, bind = "127.0.0.1";
    int port = 9000;
    bool whole = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json") {
            whole = true;
        } else if ((arg == "--secret" || arg == "--port" || arg == "--bind") && i + 1 < argc) {
            const std::string value = argv[++i];
            if (arg == "--secret") secret = value;
            else if (arg == "--bind") bind = value;
            else port = std::atoi(value.c_str());
        } else {
            std::cerr << usage << "\n";
            return 2;
        }
    }
    if (secret.empty() || port <= 0 || port > 65535 || sodium_init() < 0) {
        std::cerr << usage << "\n";
        return 2;
    }
    httplib::Server server;
    server.Post(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
        const auto check = encore::webhooks::check_signature(req.get_header_value("Encore-Signature"), req.body, secret, unix_now());
        if (!check.ok) {
            std::cerr << "refused a delivery: " << check.reason << "\n";
            res.status = 401;
            res.set_content(check.reason, "text/plain");
            return;
        }
        const auto event = nlohmann::json::parse(req.body, nullptr, false);
        if (event.is_discarded()) {
            res.status = 400;
            return;
        }
        std::cout << (whole ? event.dump() : one_line(event)) << std::endl;
        res.status = 204;
    });
    running = &server;
    signal(SIGINT, [](int) { running->stop(); });
    signal(SIGTERM, [](int) { running->stop(); });
    std::cerr << "encore-webhook-receiver listening on http://" << bind << ":" << port << " (signatures checked)\n";
    if (!server.listen(bind, port)) {
        std::cerr << "encore-webhook-receiver: cannot listen on " << bind << ":" << port << "\n";
        return 1;
    }
    return 0;
}
