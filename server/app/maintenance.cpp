// The maintenance thread: once a second, release expired holds, lapse unpaid invoices and run the
// renewal campaign's dates; once a minute, prune old idempotency records and availability changes.
#include "app/maintenance.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "catalog/catalog_import.hpp"
#include "context/clock.hpp"
#include "context/options.hpp"
#include "sales/hold_operations.hpp"
#include "renewals/renewal_scheduler.hpp"
#include "sales/invoices.hpp"
#include "store/connection_pool.hpp"
#include "store/database.hpp"
#include "store/housekeeping.hpp"
#include "store/shared_clock.hpp"

namespace encore::server {
namespace {

// Several servers on one database read the same admin clock: one set it, the others follow within a pass.
void follow_shared_clock(ServerContext& ctx) {
    auto db = ctx.pool.lease();
    const std::int64_t offset = saved_clock_offset(*db);
    if (offset != ctx.clock.offset_seconds()) ctx.clock.travel_to(Instant{system_instant().unix_seconds + offset});
}

}  // namespace

void Maintenance::run_once(ServerContext& ctx) {
    if (ctx.pool.is_postgresql()) follow_shared_clock(ctx);
    if (refresh_catalog(ctx.store, ctx.catalog)) std::cerr << "encore-server: the stored catalog changed; now serving it\n";
    release_expired_holds(ctx);
    lapse_unpaid_invoices(ctx);
    run_renewal_scheduler(ctx);
}

void Maintenance::prune(ServerContext& ctx) {
    constexpr std::int64_t seconds_per_day = 24 * 3600;
    constexpr std::int64_t rate_bucket_idle_seconds = 3600;  // longer than any bucket takes to refill
    const Instant keys_before{ctx.clock.now().unix_seconds - ctx.options.idempotency_days * seconds_per_day};
    const std::int64_t changes_before = system_instant().unix_seconds - std::int64_t{ctx.options.seat_change_hours} * 3600;
    auto db = ctx.pool.lease();
    for (bool more = true; more;) {  // a batch per transaction, so orders wait at most one batch
        db::Transaction transaction(*db, db::Transaction::Kind::immediate);
        more = prune_idempotency_keys(*db, keys_before) == prune_batch;
        more = prune_seat_changes(*db, changes_before) == prune_batch || more;
        more = prune_rate_buckets(*db, (system_instant().unix_seconds - rate_bucket_idle_seconds) * 1000) == prune_batch || more;
        transaction.commit();
    }
}

Maintenance::Maintenance(ServerContext& ctx) : ctx_(ctx) {
    thread_ = std::thread([this] {
        // Background work yields the CPU to request threads: a campaign date for 100,000 subscribers
        // keeps this thread busy for seconds, and /api/health must still answer at once.
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
        for (long pass = 0; !stop_; ++pass) {
            try {
                run_once(ctx_);
                if (pass % 60 == 0) prune(ctx_);
            } catch (const db::Error& error) {
                // With several servers on one PostgreSQL database, another server's pass may have changed
                // the same rows first: this pass was rolled back whole and the next one does the work.
                if (!error.retryable()) std::cerr << "encore-server: maintenance: " << error.what() << "\n";
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
