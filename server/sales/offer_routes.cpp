// Offers' remaining counts: every customer's offer uses, read in one snapshot, turned into counts by the core.
#include "sales/offer_routes.hpp"

#include <httplib.h>

#include "catalog/catalog_state.hpp"
#include "encore/offer_limits.hpp"
#include "encore/pricing_json.hpp"
#include "http/json_exchange.hpp"
#include "http/problem.hpp"
#include "store/connection_pool.hpp"
#include "store/customer_record.hpp"

namespace encore::server {

void get_offers_remaining(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
    auto current = ctx.catalog.current();
    if (!current) {
        send_problem(res, 503, ApiProblem::catalog_missing, "No catalog loaded",
                     "The server has no catalog yet; start it with --catalog FILE to import one.");
        return;
    }
    OfferUsage usage;
    {
        auto db = ctx.pool.lease();
        db::Transaction snapshot(*db, db::Transaction::Kind::deferred);
        usage = load_offer_usage(*db);
    }
    send_json(res, 200, {{"offers", offer_remaining_to_json(offers_remaining(current->catalog, usage))}});
}

}  // namespace encore::server
