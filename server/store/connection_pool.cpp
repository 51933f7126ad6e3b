// Connection pool: reuse idle connections, open another when all are in use.
#include "store/connection_pool.hpp"

namespace encore::server {

ConnectionPool::Lease ConnectionPool::lease() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(connection));
        }
    }
    auto connection = db::open(location_);
    if (!on_open_.empty()) connection->execute(on_open_);
    return Lease(*this, std::move(connection));
}

void ConnectionPool::give_back(std::unique_ptr<db::Connection> connection) {
    std::lock_guard lock(mutex_);
    if (!connection || !connection->usable()) {
        // A broken connection is dropped, and so are the idle ones: a restarted database server broke
        // them all, and each would otherwise fail one request before being found out.
        idle_.clear();
        return;
    }
    idle_.push_back(std::move(connection));
}

}  // namespace encore::server
