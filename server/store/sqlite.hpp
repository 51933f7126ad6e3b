// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement, a transaction.
#pragma once
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace encore::server::sqlite {

// Any SQLite failure; the message carries SQLite's own explanation.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Statement;

// One open database connection, configured for WAL, a busy timeout and foreign keys.
class Connection {
public:
    explicit Connection(const std::string& path);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements that return no rows.
    void execute(std::string_view sql);
    Statement prepare(std::string_view sql);
    sqlite3* handle() const { return db_; }

private:
    friend class Statement;
    // Compiled statements kept for reuse by SQL text (compiling was a third of a request's CPU);
    // a statement in use is not handed out twice, a second user gets a fresh one.
    struct Cached {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;
    };
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, Cached> cache_;
};

// A prepared statement; bind parameters (1-based), step through rows, read columns (0-based).
class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t number);
    Statement& bind_null(int index);
    // Advances to the next row; false when done.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    // Makes the statement ready to be bound and run again.
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool is_null(int column) const;

private:
    Connection* connection_;
    sqlite3_stmt* stmt_ = nullptr;
    bool* cached_in_use_ = nullptr;  // set when stmt_ belongs to the connection's cache
};

// BEGIN on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    enum class Kind { deferred, immediate };
    Transaction(Connection& connection, Kind kind);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& connection_;
    bool open_ = true;
    // Immediate transactions of this process take turns on a mutex until COMMIT/ROLLBACK, instead of
    // polling SQLite's write lock with the busy handler's 1-100 ms sleeps (which dominated latency).
    std::unique_lock<std::mutex> writer_;
};

}  // namespace encore::server::sqlite
