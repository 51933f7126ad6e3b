// Test databases on SQLite or on the PostgreSQL cluster named by ENCORE_TEST_POSTGRES.
#include "test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "store/database.hpp"

namespace encore::test_database {
namespace {

// "postgresql://user@host:port/name?options" -> {"postgresql://user@host:port", "name", "?options"}.
struct UrlParts {
    std::string server, database, options;
};

UrlParts split_url(const std::string& url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) throw std::runtime_error("not a postgresql:// URL: " + url);
    const auto slash = url.find('/', scheme_end + 3);
    if (slash == std::string::npos) return {url, "", ""};
    const auto question = url.find('?', slash);
    if (question == std::string::npos) return {url.substr(0, slash), url.substr(slash + 1), ""};
    return {url.substr(0, slash), url.substr(slash + 1, question - slash - 1), url.substr(question)};
}

}  // namespace

std::string postgres_admin_url() {
    const char* url = std::getenv("ENCORE_TEST_POSTGRES");
    return url ? url : "";
}

bool on_postgres() { return !postgres_admin_url().empty(); }

std::string create_postgres_database(const std::string& admin_url, const std::string& prefix) {
    static std::atomic<int> counter{0};
    const std::string name = prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    auto admin = server::db::open(admin_url);
    admin->execute("DROP DATABASE IF EXISTS " + name);
    admin->execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
    const UrlParts parts = split_url(admin_url);
    return parts.server + "/" + name + parts.options;
}

void drop_postgres_database(const std::string& admin_url, const std::string& database_url) {
    try {
        const std::string name = split_url(database_url).database;
        if (name.empty()) return;
        server::db::open(admin_url)->execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const std::exception&) {
    }
}

std::string fresh_location(const std::string& folder, const std::string& file_name) {
    const std::string admin = postgres_admin_url();
    if (admin.empty()) return folder + "/" + file_name;
    return create_postgres_database(admin, "encore_test");
}

}  // namespace encore::test_database
