// A running server on a fresh database in its own temporary folder, plus JSON helpers for tests.
#pragma once
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server_process.hpp"
#include "test_support.hpp"

namespace encore::test {

struct RunningServer {
    TempDir dir;
    ServerProcess server;
    std::unique_ptr<httplib::Client> client;

    // encore-server --db <the test database> plus `args`.
    explicit RunningServer(const std::vector<std::string>& args = {})
        : server(with_db(dir, args), dir.file("server.log")), client(server.client()) {}

    // Started on the small fixture catalog.
    static std::vector<std::string> small_catalog(bool demo_sales = false) {
        std::vector<std::string> args{"--catalog", fixture("small_catalog.json")};
        if (demo_sales) args.push_back("--demo-sales");
        return args;
    }

    static std::vector<std::string> with_db(const TempDir& dir, std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", dir.database()});
        return args;
    }
};

// GET path, requiring an answer (any status).
inline httplib::Result get(httplib::Client& client, const std::string& path, const httplib::Headers& headers = {}) {
    auto result = client.Get(path.c_str(), headers);
    if (!result) throw std::runtime_error("no answer to GET " + path + ": " + httplib::to_string(result.error()));
    return result;
}

inline nlohmann::json body_json(const httplib::Result& result) { return nlohmann::json::parse(result->body); }

}  // namespace encore::test
