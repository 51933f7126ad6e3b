// The PostgreSQL engine behind db::Connection, through libpq: statements prepared once per connection,
// every transaction SERIALIZABLE (so a rule checked in a transaction holds across servers; a conflict
// throws db::Error::Kind::conflict and the caller runs the transaction again).
#pragma once
#include <string>
#include <unordered_map>

#include "store/database.hpp"

struct pg_conn;

namespace encore::server::postgresql {

class Connection final : public db::Connection {
public:
    explicit Connection(const std::string& url);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void execute(std::string_view sql) override;
    db::Statement prepare(std::string_view sql) override;
    std::int64_t changes() const override { return changes_; }
    db::Engine engine() const override { return db::Engine::postgresql; }
    bool usable() const override;
    void begin(TransactionKind kind) override;
    void commit() override;
    void rollback() override;

    pg_conn* handle() const { return conn_; }
    // The name of the server-side prepared statement for `sql` (already translated), preparing it once.
    const std::string& prepared(const std::string& sql);
    void set_changes(std::int64_t changes) { changes_ = changes; }

private:
    pg_conn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;
    std::int64_t changes_ = 0;
};

}  // namespace encore::server::postgresql
