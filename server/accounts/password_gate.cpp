// A counting gate with a bounded queue in front of it.
#include "accounts/password_gate.hpp"

namespace encore::server {

PasswordGate::Slot::Slot(PasswordGate& gate) : gate_(gate) {
    std::unique_lock lock(gate_.mutex_);
    if (gate_.slots_ == 0 && gate_.waiting_ >= gate_.max_waiting_) return;
    ++gate_.waiting_;
    gate_.freed_.wait(lock, [&] { return gate_.slots_ > 0; });
    --gate_.waiting_;
    --gate_.slots_;
    admitted_ = true;
}

PasswordGate::Slot::~Slot() {
    if (!admitted_) return;
    {
        std::lock_guard lock(gate_.mutex_);
        ++gate_.slots_;
    }
    gate_.freed_.notify_one();
}

}  // namespace encore::server
