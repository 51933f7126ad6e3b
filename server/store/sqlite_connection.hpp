// The SQLite engine behind db::Connection: a database file in WAL mode, statements compiled once per
// connection, and the writers of this process taking turns.
#pragma once
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace encore::server::sqlite {

class Connection final : public db::Connection {
public:
    explicit Connection(const std::string& path);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void execute(std::string_view sql) override;
    db::Statement prepare(std::string_view sql) override;
    std::int64_t changes() const override;
    db::Engine engine() const override { return db::Engine::sqlite; }
    void begin(TransactionKind kind) override;
    void commit() override;
    void rollback() override;

    sqlite3* handle() const { return db_; }

private:
    friend class CachedStatement;
    // Compiled statements kept for reuse by SQL text (compiling was a third of a request's CPU);
    // a statement in use is not handed out twice, a second user gets a fresh one.
    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;
    };
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, Cached> cache_;
    // Immediate transactions of this process take turns on a mutex until COMMIT/ROLLBACK, instead of
    // polling SQLite's write lock with the busy handler's 1-100 ms sleeps (which dominated latency).
    std::unique_lock<std::mutex> writer_;
};

}  // namespace encore::server::sqlite
