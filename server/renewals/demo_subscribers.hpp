// --demo-sales: a few hundred subscribers of every package that a next season's package renews (the demo's
// spring package), so that moving the admin clock through renewal start, renewal end, the lock date and
// season end shows the campaign: some auto-renew with a card that works, some with one that is declined,
// a few have seats the house holds next season, the rest must act before renewal end. The same catalog
// always gives the same seats, each free at every performance of its group.
#pragma once
#include "context/server_context.hpp"
#include "encore/catalog.hpp"

namespace encore::server {

// The demo subscribers' password ("subscriber1@encore.local" ... sign in with it).
inline constexpr const char* demo_subscriber_password = "encore-demo-subscriber";

// Seeds them on a database without subscriber records; how many were made (0 when there were some).
int seed_demo_subscribers(ServerContext& ctx, const Catalog& catalog);

}  // namespace encore::server
