// A small pool of SQLite connections to one file, so each request thread reads on its own connection.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite.hpp"

namespace encore::server {

class ConnectionPool {
public:
    explicit ConnectionPool(std::string path) : path_(std::move(path)) {}

    // A connection borrowed from the pool, given back when the lease ends.
    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<sqlite::Connection> connection)
            : pool_(&pool), connection_(std::move(connection)) {}
        ~Lease() { pool_->give_back(std::move(connection_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        sqlite::Connection& operator*() const { return *connection_; }
        sqlite::Connection* operator->() const { return connection_.get(); }

    private:
        ConnectionPool* pool_;
        std::unique_ptr<sqlite::Connection> connection_;
    };

    // An idle connection, or a newly opened one (throws sqlite::Error if it cannot be opened).
    Lease lease();

private:
    void give_back(std::unique_ptr<sqlite::Connection> connection);

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<sqlite::Connection>> idle_;
};

}  // namespace encore::server
