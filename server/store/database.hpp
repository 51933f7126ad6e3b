// The database as the store sees it: a connection, a prepared statement, a transaction, whatever the
// engine (SQLite file or PostgreSQL server). SQL is written once, in SQLite's `?` style; each engine
// translates what it must (see postgresql_sql.hpp).
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace encore::server::db {

enum class Engine { sqlite, postgresql };

// Any database failure; the message carries the engine's own explanation.
struct Error : std::runtime_error {
    enum class Kind {
        other,
        conflict,  // a serialization failure or deadlock: the whole transaction may be run again
        busy,      // SQLite: another process holds the write lock
        lost,      // the connection to the server broke: it cannot be used again
    };
    explicit Error(const std::string& what, Kind kind = Kind::other) : std::runtime_error(what), kind(kind) {}
    Kind kind;
    bool retryable() const { return kind == Kind::conflict || kind == Kind::lost; }
};

// What one engine does for a prepared statement; Statement forwards to it.
class StatementBackend {
public:
    virtual ~StatementBackend() = default;
    virtual void bind_text(int index, std::string_view text) = 0;
    virtual void bind_integer(int index, std::int64_t number) = 0;
    virtual void bind_null(int index) = 0;
    virtual bool step() = 0;
    virtual void reset() = 0;
    virtual std::string text(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual bool is_null(int column) const = 0;
};

// A prepared statement; bind parameters (1-based), step through rows, read columns (0-based).
class Statement {
public:
    explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}

    Statement& bind(int index, std::string_view text) { backend_->bind_text(index, text); return *this; }
    Statement& bind(int index, std::int64_t number) { backend_->bind_integer(index, number); return *this; }
    Statement& bind_null(int index) { backend_->bind_null(index); return *this; }
    // Advances to the next row; false when done.
    bool step() { return backend_->step(); }
    // Runs a statement that returns no rows.
    void run() { while (step()) {} }
    // Makes the statement ready to be bound and run again.
    void reset() { backend_->reset(); }

    std::string text(int column) const { return backend_->text(column); }
    std::int64_t integer(int column) const { return backend_->integer(column); }
    bool is_null(int column) const { return backend_->is_null(column); }

private:
    std::unique_ptr<StatementBackend> backend_;
};

// One open connection.
class Connection {
public:
    virtual ~Connection() = default;
    // Runs one or more statements that return no rows.
    virtual void execute(std::string_view sql) = 0;
    virtual Statement prepare(std::string_view sql) = 0;
    // Rows inserted, updated or deleted by the last statement that ran on this connection.
    virtual std::int64_t changes() const = 0;
    virtual Engine engine() const = 0;
    // False once the connection broke (a pool drops it instead of lending it again).
    virtual bool usable() const { return true; }

    enum class TransactionKind { deferred, immediate };
    virtual void begin(TransactionKind kind) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
};

// A PostgreSQL location (postgresql://… or postgres://…) rather than a file path.
bool is_postgresql_location(std::string_view location);
// The location as it may be shown in logs and errors: a URL's password replaced by "***".
std::string printable_location(std::string_view location);
// Opens a connection to a file path (SQLite) or a postgresql:// URL; throws Error naming the problem.
std::unique_ptr<Connection> open(const std::string& location);

// BEGIN on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    using Kind = Connection::TransactionKind;
    Transaction(Connection& connection, Kind kind) : connection_(connection) { connection_.begin(kind); }
    ~Transaction() {
        if (open_) connection_.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    // A failed COMMIT throws and leaves the transaction to be rolled back here.
    void commit() {
        connection_.commit();
        open_ = false;
    }

private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace encore::server::db
