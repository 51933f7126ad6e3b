// The maintenance thread: once a second, release expired holds, lapse unpaid invoices and run the
// renewal campaign's dates.
#include "app/maintenance.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "sales/hold_operations.hpp"
#include "renewals/renewal_scheduler.hpp"
#include "sales/invoices.hpp"

namespace encore::server {

void Maintenance::run_once(ServerContext& ctx) {
    release_expired_holds(ctx);
    lapse_unpaid_invoices(ctx);
    run_renewal_scheduler(ctx);
}

Maintenance::Maintenance(ServerContext& ctx) : ctx_(ctx) {
    thread_ = std::thread([this] {
        // Background work yields the CPU to request threads: a campaign date for 100,000 subscribers
        // keeps this thread busy for seconds, and /api/health must still answer at once.
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
        while (!stop_) {
            try {
                run_once(ctx_);
            } catch (const std::exception& error) {
                std::cerr << "encore-server: maintenance: " << error.what() << "\n";
            }
            for (int i = 0; i < 10 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
}

Maintenance::~Maintenance() {
    stop_ = true;
    thread_.join();
}

}  // namespace encore::server
