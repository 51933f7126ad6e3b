// Small helpers shared by the server tests: temporary folders, fixture paths, files, JSON over HTTP.
#pragma once
#include <filesystem>
#include <string>

namespace encore::test {

// A fresh folder under the system temp dir, removed with everything in it at the end of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // path()/name as a string, for command lines.
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // This test's database, the same at every call (so it survives restarts): file("encore.db") on
    // SQLite, a fresh database on the cluster of ENCORE_TEST_POSTGRES (dropped with the folder).
    const std::string& database() const;

private:
    std::filesystem::path path_;
    mutable std::string database_;
};

// True when the tests run on PostgreSQL (ENCORE_TEST_POSTGRES is set).
bool on_postgres();

// A file of tests/server/fixtures.
std::string fixture(const std::string& name);
// assets/demo/catalog.json, which may not exist yet.
std::string demo_catalog_path();

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);

}  // namespace encore::test
