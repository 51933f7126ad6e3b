// A small pool of connections to one database (a SQLite file or a PostgreSQL URL), so each request
// thread works on its own connection.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace encore::server {

class ConnectionPool {
public:
    // `on_open` (SQL) runs once on each new connection.
    explicit ConnectionPool(std::string location, std::string on_open = {})
        : location_(std::move(location)), on_open_(std::move(on_open)) {}

    // A connection borrowed from the pool, given back when the lease ends.
    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<db::Connection> connection)
            : pool_(&pool), connection_(std::move(connection)) {}
        ~Lease() { pool_->give_back(std::move(connection_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        db::Connection& operator*() const { return *connection_; }
        db::Connection* operator->() const { return connection_.get(); }

    private:
        ConnectionPool* pool_;
        std::unique_ptr<db::Connection> connection_;
    };

    // An idle connection, or a newly opened one (throws db::Error if it cannot be opened).
    Lease lease();
    const std::string& location() const { return location_; }
    bool is_postgresql() const { return db::is_postgresql_location(location_); }

private:
    void give_back(std::unique_ptr<db::Connection> connection);

    std::string location_;
    std::string on_open_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<db::Connection>> idle_;
};

}  // namespace encore::server
