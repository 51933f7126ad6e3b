// Group commit. The writes that change seats (holds and orders) run on one writer thread, many to a
// transaction, each in a savepoint of its own; a caller is answered only after the transaction that
// holds its write has committed, so one COMMIT (and, with synchronous=FULL, one fsync) serves a whole
// batch while every write stays all-or-nothing on its own. A second thread checkpoints the WAL into
// the database when it has grown, so the writer never stops for a checkpoint. A write in the priority
// lane (a series booking, docs/on-sale-day.md) is not queued behind the crowd: it runs next and its
// batch commits right after it.
// On PostgreSQL, which has many writers of its own, each write runs at once in its own transaction
// (the lane does not matter there).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "store/connection_pool.hpp"
#include "store/sqlite_connection.hpp"

struct sqlite3;

namespace encore::server {

// ordinary: the crowd's writes, many to a commit. priority: run before them (a series hold). checkout: a
// priority write that completes a purchase (a series order), run before the other priority writes.
enum class WriteLane { ordinary, priority, checkout };

// The names of the write queue's turns (see run): one per performance, and one every order takes.
inline std::string performance_turn(std::string_view instance_id) { return "performance:" + std::string(instance_id); }
inline constexpr std::string_view orders_turn = "orders";

class WriteQueue {
public:
    // A cut of priority writes takes at most `max_priority_cut` of them (checkout writes: all that wait),
    // so a checkout write that arrives meanwhile waits for at most that many.
    explicit WriteQueue(ConnectionPool& pool, std::size_t max_batch = 256, std::size_t max_priority_cut = 2);
    ~WriteQueue();  // finishes what is queued, then stops the writer
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    // Runs `write` on the writer's connection inside the current batch's transaction and returns once
    // that transaction has committed. `write` returns true to keep its changes, false to undo them (its
    // savepoint is rolled back); an exception it throws undoes them too and is rethrown here, as is a
    // failed COMMIT to every write of the batch. A priority write runs before every queued ordinary
    // one, between two writes of the batch under way if there is one, and that batch then commits
    // without running the rest of its writes (they go first into the next batch). Checkout writes do
    // the same, ahead of the priority writes.
    // On PostgreSQL, writes that name the same turn in `turns` ("performance:<id>", "orders") take turns
    // on an advisory lock before their transaction begins, so they queue instead of failing each other's
    // serializable transactions (a turn only spares retries: correctness rests on the transaction).
    // SQLite, with its one writer, ignores them.
    void run(const std::function<bool(db::Connection&)>& write, WriteLane lane = WriteLane::ordinary,
             const std::vector<std::string>& turns = {});

private:
    // A caller's write; `done` wakes that caller alone when its batch has committed (or failed).
    struct Job {
        const std::function<bool(db::Connection&)>* write;
        std::exception_ptr error;
        std::promise<void> done;
    };
    void writer_loop();
    // Runs and commits `batch`, or the part of it before a priority write cut in; returns the writes
    // it left for the next batch.
    std::deque<Job*> run_batch(sqlite::Connection& db, std::deque<Job*>& batch);
    // Moves the waiting checkout writes, or when there are none the first waiting priority writes (up to
    // max_priority_cut_), into `batch` at `at`; how many.
    std::size_t take_priority(std::deque<Job*>& batch, std::size_t at);
    void run_alone(const std::function<bool(db::Connection&)>& write, const std::vector<std::string>& turns);
    void checkpointer_loop();
    static int wal_grew(void* self, sqlite3* db, const char* name, int pages);

    ConnectionPool& pool_;
    std::size_t max_batch_;
    std::size_t max_priority_cut_;
    std::mutex mutex_;
    std::condition_variable queued_;
    std::deque<Job*> queue_, priority_, checkout_;
    const bool grouped_;  // SQLite: one writer thread, many writes per transaction
    bool stopping_ = false;
    std::thread writer_;
    // Checkpoints: requested by the writer's WAL hook, run on their own connection.
    std::mutex checkpoint_mutex_;
    std::condition_variable checkpoint_wanted_;
    bool checkpoint_due_ = false;
    std::thread checkpointer_;
};

}  // namespace encore::server
