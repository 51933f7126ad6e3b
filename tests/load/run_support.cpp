// Temporary folders, server arguments, customer registration and flag parsing for the load runs.
#include "run_support.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "test_database.hpp"

namespace encore::load {

TempFolder::TempFolder(const std::string& prefix) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + prefix + "-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
    path_ = pattern;
}

TempFolder::~TempFolder() {
    if (std::getenv("ENCORE_KEEP_LOAD_DIR")) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

LoadDatabase::LoadDatabase(const TempFolder& folder, const std::string& postgres_admin_url)
    : admin_url_(postgres_admin_url),
      location_(admin_url_.empty() ? folder.file("encore.db")
                                   : test_database::create_postgres_database(admin_url_, "encore_load")) {}

LoadDatabase::~LoadDatabase() {
    if (admin_url_.empty() || std::getenv("ENCORE_KEEP_LOAD_DIR")) return;
    test_database::drop_postgres_database(admin_url_, location_);
}

std::vector<std::string> load_server_args(const std::string& db, const std::string& catalog, int threads) {
    return {"--port", "0", "--db", db, "--catalog", catalog, "--threads", std::to_string(threads),
            "--fast-password-hashing", "--admin", "admin@test.example:adminpass1",
            "--hold-rate", "1000000", "--order-rate", "1000000", "--login-rate", "1000000"};
}

std::string register_customer(ApiClient& api, const std::string& email, double deadline_seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(deadline_seconds);
    auto retry = [&](auto call, const char* what) {
        for (;;) {
            Reply reply = call();
            // No answer, or 503 server_busy (too many password hashes at once): try again, as a browser would.
            if (reply.status != 0 && reply.status != 503) return reply;
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error(std::string(what) + " got no answer: " +
                                         (reply.status ? reply.code() : reply.transport_error));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    };
    Reply reg = retry([&] { return api.register_account(email, "Load Customer", "load-password-1"); }, "register");
    if (reg.status == 409) reg = retry([&] { return api.login(email, "load-password-1"); }, "login");
    if (api.token().empty())
        throw std::runtime_error("register " + email + " answered " + std::to_string(reg.status) + " " + reg.code());
    Reply card_reply;
    std::string card;
    retry([&] { card = api.add_test_card(&card_reply); return card_reply; }, "add card");
    if (card.empty())
        throw std::runtime_error("POST /api/me/cards answered " + std::to_string(card_reply.status) + " " + card_reply.code());
    return card;
}

std::map<std::string, std::string> parse_flags(int argc, char** argv) {
    std::map<std::string, std::string> flags;
    for (int i = 1; i < argc; ++i) {
        std::string name = argv[i];
        if (name.rfind("--", 0) != 0) throw std::runtime_error("unexpected argument " + name);
        name = name.substr(2);
        if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) flags[name] = argv[++i];
        else flags[name] = "1";
    }
    return flags;
}

int flag_int(const std::map<std::string, std::string>& flags, const std::string& name, int fallback) {
    auto it = flags.find(name);
    return it == flags.end() ? fallback : std::stoi(it->second);
}

std::string flag_text(const std::map<std::string, std::string>& flags, const std::string& name,
                      const std::string& fallback) {
    auto it = flags.find(name);
    return it == flags.end() ? fallback : it->second;
}

}  // namespace encore::load
