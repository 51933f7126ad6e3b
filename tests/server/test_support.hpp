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

private:
    std::filesystem::path path_;
};

// A file of tests/server/fixtures.
std::string fixture(const std::string& name);
// assets/demo/catalog.json, which may not exist yet.
std::string demo_catalog_path();

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);

}  // namespace encore::test
