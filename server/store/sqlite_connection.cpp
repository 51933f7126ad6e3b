// SQLite engine: every failing call throws db::Error with SQLite's message.
#include "store/sqlite_connection.hpp"

#include <sqlite3.h>

namespace encore::server::sqlite {
namespace {

using db::Error;

constexpr int busy_timeout_ms = 5000;

Error::Kind kind_of(sqlite3* db) {
    return db && (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY ? Error::Kind::busy : Error::Kind::other;
}

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw Error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"), kind_of(db));
}

// The writers of this process, in turn (see Connection::writer_).
std::mutex& process_writers() {
    static std::mutex writers;
    return writers;
}

}  // namespace

// A statement of one connection, from its cache when the same SQL is not in use already.
class CachedStatement final : public db::StatementBackend {
public:
    CachedStatement(Connection& connection, std::string_view sql);
    ~CachedStatement() override;
    void bind_text(int index, std::string_view text) override;
    void bind_integer(int index, std::int64_t number) override;
    void bind_null(int index) override;
    bool step() override;
    void reset() override;
    std::string text(int column) const override;
    std::int64_t integer(int column) const override;
    bool is_null(int column) const override;

private:
    Connection* connection_;
    sqlite3_stmt* stmt_ = nullptr;
    bool* cached_in_use_ = nullptr;  // set when stmt_ belongs to the connection's cache
};

Connection::Connection(const std::string& path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(message, Error::Kind::other);
    }
    try {
        sqlite3_busy_timeout(db_, busy_timeout_ms);
        auto mode = prepare("PRAGMA journal_mode=WAL");
        if (!mode.step() || mode.text(0) != "wal") throw Error("cannot switch the database to WAL mode");
        // FULL: every COMMIT reaches the disk before it returns, so an acknowledged order survives a power
        // cut too, not only a crash of the process (group commit in write_queue.cpp pays for it).
        // temp_store=MEMORY: the savepoint journals of the write queue's writes stay in memory instead of
        // spilling into temporary files (an open, write, unlink and close each).
        execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

Connection::~Connection() {
    for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
    sqlite3_close(db_);
}

void Connection::execute(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string error = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw Error(error, kind_of(db_));
    }
}

db::Statement Connection::prepare(std::string_view sql) {
    return db::Statement(std::make_unique<CachedStatement>(*this, sql));
}

std::int64_t Connection::changes() const { return sqlite3_changes(db_); }

CachedStatement::CachedStatement(Connection& connection, std::string_view sql) : connection_(&connection) {
    constexpr std::size_t max_cached = 256;  // SQL texts are fixed in the code; this is only a guard
    if (connection.cache_.size() >= max_cached && !connection.cache_.count(std::string(sql))) {
        if (sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
            fail(connection.handle(), "prepare");
        return;
    }
    auto [entry, added] = connection.cache_.try_emplace(std::string(sql));
    Connection::Cached& cached = entry->second;
    if (!added && !cached.in_use) {
        stmt_ = cached.stmt;
        cached.in_use = true;
        cached_in_use_ = &cached.in_use;
        return;
    }
    if (sqlite3_prepare_v3(connection.handle(), sql.data(), static_cast<int>(sql.size()),
                           added ? SQLITE_PREPARE_PERSISTENT : 0, &stmt_, nullptr) != SQLITE_OK) {
        if (added) connection.cache_.erase(entry);
        fail(connection.handle(), "prepare");
    }
    if (added) {
        cached.stmt = stmt_;
        cached.in_use = true;
        cached_in_use_ = &cached.in_use;
    }
}

CachedStatement::~CachedStatement() {
    if (!cached_in_use_) {
        sqlite3_finalize(stmt_);
        return;
    }
    sqlite3_reset(stmt_);  // back to the cache, ready for the next user
    sqlite3_clear_bindings(stmt_);
    *cached_in_use_ = false;
}

void CachedStatement::bind_text(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(connection_->handle(), "bind");
}

void CachedStatement::bind_integer(int index, std::int64_t number) {
    if (sqlite3_bind_int64(stmt_, index, number) != SQLITE_OK) fail(connection_->handle(), "bind");
}

void CachedStatement::bind_null(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(connection_->handle(), "bind");
}

bool CachedStatement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(connection_->handle(), "step");
}

void CachedStatement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string CachedStatement::text(int column) const {
    auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::int64_t CachedStatement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

bool CachedStatement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

void Connection::begin(TransactionKind kind) {
    if (kind == TransactionKind::immediate) writer_ = std::unique_lock(process_writers());
    try {
        execute(kind == TransactionKind::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    } catch (...) {
        if (writer_.owns_lock()) writer_.unlock();
        throw;
    }
}

void Connection::commit() {
    execute("COMMIT");
    if (writer_.owns_lock()) writer_.unlock();
}

void Connection::rollback() {
    try {
        execute("ROLLBACK");
    } catch (const Error&) {
        // The transaction is already gone (SQLite rolls back on some errors by itself).
    }
    if (writer_.owns_lock()) writer_.unlock();
}

}  // namespace encore::server::sqlite
