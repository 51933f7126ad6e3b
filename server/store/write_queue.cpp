// The writer thread: take everything queued (up to a batch), BEGIN IMMEDIATE, one savepoint per write,
// COMMIT, then wake the callers.
#include "store/write_queue.hpp"

#include <iostream>

namespace encore::server {

WriteQueue::WriteQueue(ConnectionPool& pool, std::size_t max_batch) : pool_(pool), max_batch_(max_batch) {
    writer_ = std::thread([this] { writer_loop(); });
}

WriteQueue::~WriteQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_all();
    writer_.join();
}

void WriteQueue::run(const std::function<bool(sqlite::Connection&)>& write) {
    Job job{&write, nullptr, false};
    {
        std::unique_lock lock(mutex_);
        queue_.push_back(&job);
        queued_.notify_one();
        committed_.wait(lock, [&] { return job.done; });
    }
    if (job.error) std::rethrow_exception(job.error);
}

void WriteQueue::writer_loop() {
    auto db = pool_.lease();
    for (;;) {
        std::deque<Job*> batch;
        {
            std::unique_lock lock(mutex_);
            queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            while (!queue_.empty() && batch.size() < max_batch_) {
                batch.push_back(queue_.front());
                queue_.pop_front();
            }
        }
        run_batch(*db, batch);
        {
            std::lock_guard lock(mutex_);
            for (Job* job : batch) job->done = true;
        }
        committed_.notify_all();
    }
}

void WriteQueue::run_batch(sqlite::Connection& db, std::deque<Job*>& batch) {
    std::size_t ran = 0;
    try {
        sqlite::Transaction transaction(db, sqlite::Transaction::Kind::immediate);
        for (; ran < batch.size(); ++ran) {
            Job& job = *batch[ran];
            db.execute("SAVEPOINT write");
            bool keep = false;
            try {
                keep = (*job.write)(db);
            } catch (...) {
                job.error = std::current_exception();
            }
            if (!keep) db.execute("ROLLBACK TO write");
            db.execute("RELEASE write");
        }
        transaction.commit();
    } catch (...) {
        // The transaction is gone (a failed COMMIT, or SQLite dropped it): nothing of this batch was kept.
        const std::exception_ptr error = std::current_exception();
        for (Job* job : batch)
            if (!job->error) job->error = error;
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            std::cerr << "encore-server: a batch of " << batch.size() << " writes failed: " << e.what() << "\n";
        } catch (...) {
        }
    }
}

}  // namespace encore::server
