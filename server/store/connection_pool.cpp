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
    if (!connection || !connection->usable()) return;  // a broken connection is dropped
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
}

}  // namespace encore::server
