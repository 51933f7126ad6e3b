// Connection pool: reuse idle connections, open another when all are in use.
#include "store/connection_pool.hpp"

#include <algorithm>
#include <chrono>

namespace encore::server {

ConnectionPool::Lease ConnectionPool::lease() {
    {
        std::unique_lock lock(mutex_);
        if (max_open_ > 0 && idle_.empty() && open_ >= max_open_)
            given_back_.wait_for(lock, std::chrono::seconds(2), [&] { return !idle_.empty(); });
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(connection));
        }
        ++open_;
    }
    try {
        auto connection = db::open(location_);
        if (!on_open_.empty()) connection->execute(on_open_);
        return Lease(*this, std::move(connection));
    } catch (...) {
        std::lock_guard lock(mutex_);
        --open_;
        throw;
    }
}

void ConnectionPool::give_back(std::unique_ptr<db::Connection> connection) {
    {
        std::lock_guard lock(mutex_);
        if (!connection || !connection->usable()) {
            // A broken connection is dropped, and so are the idle ones: a restarted database server broke
            // them all, and each would otherwise fail one request before being found out.
            open_ -= std::min(open_, idle_.size() + (connection ? 1 : 0));
            idle_.clear();
        } else {
            idle_.push_back(std::move(connection));
        }
    }
    given_back_.notify_one();
}

}  // namespace encore::server
