// The writer thread: take everything queued (up to a batch), BEGIN IMMEDIATE, one savepoint per write,
// COMMIT, then wake the callers. Priority writes are taken first, and cut into a batch under way.
#include "store/write_queue.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <string_view>
#include <optional>

namespace encore::server {
namespace {

constexpr int checkpoint_after_pages = 2000;  // ~8 MB of WAL
constexpr int begin_attempts = 12;            // each waits out the busy timeout (5 s): a minute in all

// The same 64-bit key for the same name in every server process (FNV-1a).
std::int64_t advisory_key(std::string_view name) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : name) hash = (hash ^ c) * 0x100000001b3ULL;
    return static_cast<std::int64_t>(hash);
}

}  // namespace

WriteQueue::WriteQueue(ConnectionPool& pool, std::size_t max_batch, std::size_t max_priority_cut)
    : pool_(pool), max_batch_(max_batch), max_priority_cut_(std::max<std::size_t>(1, max_priority_cut)), grouped_(!pool.is_postgresql()) {
    if (!grouped_) return;
    writer_ = std::thread([this] { writer_loop(); });
    checkpointer_ = std::thread([this] { checkpointer_loop(); });
}

WriteQueue::~WriteQueue() {
    if (!grouped_) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_all();
    writer_.join();
    {
        std::lock_guard lock(checkpoint_mutex_);
        checkpoint_due_ = true;
    }
    checkpoint_wanted_.notify_all();
    checkpointer_.join();
}

int WriteQueue::wal_grew(void* self, sqlite3*, const char*, int pages) {
    if (pages < checkpoint_after_pages) return SQLITE_OK;
    auto* queue = static_cast<WriteQueue*>(self);
    {
        std::lock_guard lock(queue->checkpoint_mutex_);
        queue->checkpoint_due_ = true;
    }
    queue->checkpoint_wanted_.notify_one();
    return SQLITE_OK;
}

void WriteQueue::checkpointer_loop() {
    auto db = pool_.lease();
    for (;;) {
        {
            std::unique_lock lock(checkpoint_mutex_);
            checkpoint_wanted_.wait(lock, [&] { return checkpoint_due_; });
            checkpoint_due_ = false;
        }
        {
            std::lock_guard lock(mutex_);
            if (stopping_ && queue_.empty() && priority_.empty() && checkout_.empty()) return;
        }
        // PASSIVE: copies what no reader still needs, without waiting for anyone or stopping the writer.
        sqlite3_wal_checkpoint_v2(static_cast<sqlite::Connection&>(*db).handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
}

void WriteQueue::run_alone(const std::function<bool(db::Connection&)>& write, const std::vector<std::string>& turns) {
    auto db = pool_.lease();
    // Taken in one order by every writer (no deadlock), before BEGIN: a serializable transaction's
    // snapshot is taken at its first statement, so a lock taken inside it would come too late.
    std::vector<std::int64_t> keys;
    for (const std::string& turn : turns) keys.push_back(advisory_key(turn));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    struct Release {
        db::Connection& db;
        bool held = false;
        ~Release() {
            // A destructor must not throw (that would end the process): if the connection broke here,
            // the database released the locks with it.
            try {
                if (held && db.usable()) db.execute("SELECT pg_advisory_unlock_all()");
            } catch (const db::Error&) {
            }
        }
    } release{*db};
    for (std::int64_t key : keys) {
        release.held = true;
        db->prepare("SELECT pg_advisory_lock(?)").bind(1, key).run();
    }
    db::Transaction transaction(*db, db::Transaction::Kind::immediate);
    if (write(*db)) transaction.commit();
}

void WriteQueue::run(const std::function<bool(db::Connection&)>& write, WriteLane lane,
                     const std::vector<std::string>& turns) {
    if (!grouped_) return run_alone(write, turns);
    Job job{&write, nullptr, {}};
    std::future<void> committed = job.done.get_future();
    {
        std::lock_guard lock(mutex_);
        (lane == WriteLane::checkout ? checkout_ : lane == WriteLane::priority ? priority_ : queue_).push_back(&job);
    }
    queued_.notify_one();
    committed.get();
}

void WriteQueue::writer_loop() {
    auto lease = pool_.lease();
    auto& db = static_cast<sqlite::Connection&>(*lease);
    // This connection's commits never checkpoint (a checkpoint fsyncs the database file while the
    // batch's callers wait); the checkpointer thread does it when the WAL has grown.
    db.execute("PRAGMA wal_autocheckpoint=0");
    sqlite3_wal_hook(db.handle(), &WriteQueue::wal_grew, this);
    struct Unhook {  // the connection goes back to the pool as any other
        sqlite::Connection& db;
        ~Unhook() {
            sqlite3_wal_hook(db.handle(), nullptr, nullptr);
            db.execute("PRAGMA wal_autocheckpoint=1000");
        }
    } unhook{db};
    for (;;) {
        std::deque<Job*> batch;
        {
            std::unique_lock lock(mutex_);
            queued_.wait(lock, [&] { return stopping_ || !queue_.empty() || !priority_.empty() || !checkout_.empty(); });
            if (queue_.empty() && priority_.empty() && checkout_.empty()) return;
            // Priority and checkout writes make a batch of their own, committed as soon as they have run.
            while (priority_.empty() && checkout_.empty() && !queue_.empty() && batch.size() < max_batch_) {
                batch.push_back(queue_.front());
                queue_.pop_front();
            }
        }
        std::deque<Job*> left = run_batch(db, batch);
        if (!left.empty()) {
            std::lock_guard lock(mutex_);
            queue_.insert(queue_.begin(), left.begin(), left.end());
        }
        // Each caller has its own promise: only this batch's callers wake, not every waiting one.
        for (Job* job : batch) {
            if (job->error) job->done.set_exception(job->error);
            else job->done.set_value();
        }
    }
}

std::size_t WriteQueue::take_priority(std::deque<Job*>& batch, std::size_t at) {
    std::lock_guard lock(mutex_);
    std::deque<Job*>& lane = checkout_.empty() ? priority_ : checkout_;
    const std::size_t taken = &lane == &priority_ ? std::min(lane.size(), max_priority_cut_) : lane.size();
    batch.insert(batch.begin() + static_cast<std::ptrdiff_t>(at), lane.begin(), lane.begin() + static_cast<std::ptrdiff_t>(taken));
    lane.erase(lane.begin(), lane.begin() + static_cast<std::ptrdiff_t>(taken));
    return taken;
}

std::deque<WriteQueue::Job*> WriteQueue::run_batch(sqlite::Connection& db, std::deque<Job*>& batch) {
    std::deque<Job*> left;
    std::size_t ran = 0;
    try {
        // Another process (encore-server import-subscribers) may hold the write lock for longer than the
        // busy timeout: nothing of the batch has run yet, so wait again rather than fail every write.
        std::optional<db::Transaction> transaction;
        for (int attempt = 1; !transaction; ++attempt) {
            try {
                transaction.emplace(db, db::Transaction::Kind::immediate);
            } catch (const db::Error& error) {
                if (error.kind != db::Error::Kind::busy || attempt == begin_attempts) throw;
                std::cerr << "encore-server: the database is locked by another process; " << batch.size()
                          << " writes wait\n";
            }
        }
        std::size_t end = batch.size();
        bool cut = false;
        for (;; ++ran) {
            // A batch of ordinary writes commits at least its first one, so a stream of priority
            // writes never starves the crowd. One cut per batch: the priority writes that arrive while
            // it runs wait for its commit and make the next one, instead of holding back its answers.
            if (!cut && (ran > 0 || end == 0))
                if (const std::size_t cut_in = take_priority(batch, ran)) {
                    end = ran + cut_in;
                    cut = true;
                }
            if (ran == end) break;
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
        left.assign(batch.begin() + static_cast<std::ptrdiff_t>(end), batch.end());
        batch.resize(end);
        transaction->commit();
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
    return left;
}

}  // namespace encore::server
