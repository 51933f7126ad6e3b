// The renewal campaign on the server clock, run by the maintenance thread: rollovers into next season's
// packages, the date transitions (Lapse, RenewalLocked, Deactivate), stored-card auto-renewals of series
// subscribers, and the auto-renewal of memberships and passes. Every instant between the last run and
// now where something can change is visited in order, so moving the clock far ahead runs each step as
// it would have happened. Work is claimed and done in BEGIN IMMEDIATE transactions that re-read what
// they change, so two servers can run it over one database.
#pragma once
#include <cstdint>

#include "context/server_context.hpp"

namespace encore::server {

struct SchedulerRun {
    int rollovers = 0;     // package pairs rolled over
    int transitions = 0;   // subscriber records given date rows or auto-renew rows
    int holdings = 0;      // memberships and passes processed
};

// One pass up to ctx.clock.now().
SchedulerRun run_renewal_scheduler(ServerContext& ctx);

}  // namespace encore::server
