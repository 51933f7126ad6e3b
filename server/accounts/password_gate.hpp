// Password hashing is the costliest thing a request can ask for (argon2id: ~130 ms of CPU and 64 MiB
// each), so only a few run at once, and only a few requests may wait for one: the rest of the
// workers stay free for everyone else.
#pragma once
#include <condition_variable>
#include <mutex>

namespace encore::server {

class PasswordGate {
public:
    PasswordGate(int slots, int max_waiting) : slots_(slots), max_waiting_(max_waiting) {}

    // A slot held for one hashing; `admitted` is false when too many were waiting already.
    class Slot {
    public:
        explicit Slot(PasswordGate& gate);
        ~Slot();
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        bool admitted() const { return admitted_; }

    private:
        PasswordGate& gate_;
        bool admitted_ = false;
    };

private:
    std::mutex mutex_;
    std::condition_variable freed_;
    int slots_;
    int max_waiting_;
    int waiting_ = 0;
};

}  // namespace encore::server
