// Group commit. The writes that change seats (holds and orders) run on one writer thread, many to a
// transaction, each in a savepoint of its own; a caller is answered only after the transaction that
// holds its write has committed, so one COMMIT (and, with synchronous=FULL, one fsync) serves a whole
// batch while every write stays all-or-nothing on its own.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "store/connection_pool.hpp"

namespace encore::server {

class WriteQueue {
public:
    explicit WriteQueue(ConnectionPool& pool, std::size_t max_batch = 256);
    ~WriteQueue();  // finishes what is queued, then stops the writer
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    // Runs `write` on the writer's connection inside the current batch's transaction and returns once
    // that transaction has committed. `write` returns true to keep its changes, false to undo them (its
    // savepoint is rolled back); an exception it throws undoes them too and is rethrown here, as is a
    // failed COMMIT to every write of the batch.
    void run(const std::function<bool(sqlite::Connection&)>& write);

private:
    struct Job {
        const std::function<bool(sqlite::Connection&)>* write;
        std::exception_ptr error;
        bool done = false;
    };
    void writer_loop();
    void run_batch(sqlite::Connection& db, std::deque<Job*>& batch);

    ConnectionPool& pool_;
    std::size_t max_batch_;
    std::mutex mutex_;
    std::condition_variable queued_, committed_;
    std::deque<Job*> queue_;
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace encore::server
