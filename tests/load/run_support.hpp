// Shared by the load executables: a temporary folder, the server's command line for load runs, the
// customers' registration, and simple "--flag value" parsing.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "api_client.hpp"

namespace encore::load {

// mkdtemp under $TMPDIR (or /tmp); removed at the end unless ENCORE_KEEP_LOAD_DIR is set.
class TempFolder {
public:
    explicit TempFolder(const std::string& prefix);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// The run's database: `folder`/encore.db, or with a PostgreSQL admin URL a fresh database on that
// cluster, dropped at the end (unless ENCORE_KEEP_LOAD_DIR is set).
class LoadDatabase {
public:
    LoadDatabase(const TempFolder& folder, const std::string& postgres_admin_url);
    ~LoadDatabase();
    LoadDatabase(const LoadDatabase&) = delete;
    LoadDatabase& operator=(const LoadDatabase&) = delete;
    // A file path or a postgresql:// URL, for --db and the audit.
    const std::string& location() const { return location_; }
    bool on_postgres() const { return !admin_url_.empty(); }

private:
    std::string admin_url_;
    std::string location_;
};

// --port 0 --db DB --catalog CATALOG --threads N, fast password hashing, an admin, and rate limits
// high enough that one loopback address can drive the whole load.
std::vector<std::string> load_server_args(const std::string& db, const std::string& catalog, int threads);

// Registers "<prefix>-<n>@load.example" and stores a test card; returns the card token. Retries an
// unanswered request (a server being restarted) until `deadline_seconds` have passed; throws on a
// refusal or when the time is up.
std::string register_customer(ApiClient& api, const std::string& email, double deadline_seconds = 30);

// "--name value" pairs after argv[0]; a lone "--name" gets "1".
std::map<std::string, std::string> parse_flags(int argc, char** argv);
int flag_int(const std::map<std::string, std::string>& flags, const std::string& name, int fallback);
std::string flag_text(const std::map<std::string, std::string>& flags, const std::string& name,
                      const std::string& fallback);

}  // namespace encore::load
