// Temporary folders and file helpers for the server tests.
#include "test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "test_database.hpp"

namespace encore::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "encore-server-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    if (!database_.empty() && test_database::on_postgres())
        test_database::drop_postgres_database(test_database::postgres_admin_url(), database_);
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

const std::string& TempDir::database() const {
    if (database_.empty()) database_ = test_database::fresh_location(path_.string());
    return database_;
}

bool on_postgres() { return test_database::on_postgres(); }

std::string fixture(const std::string& name) { return std::string(ENCORE_SERVER_FIXTURES) + "/" + name; }

std::string demo_catalog_path() { return ENCORE_DEMO_CATALOG; }

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace encore::test
