// A subscriber record as the account page and the box office see it: status, package, seats at each
// performance, the campaign's dates, the payment plan, invoices and payments, and the actions the core
// allows the viewer now, each with what it costs (so a page can show "Renew", "Decline", a payment plan
// and the auto-renew toggle from this answer alone). Customers never see the internal Lapsed status.
#pragma once
#include <nlohmann/json.hpp>

#include "encore/catalog.hpp"
#include "encore/pricing.hpp"
#include "store/database.hpp"
#include "store/subscriber_store.hpp"

namespace encore::server {

enum class Viewer { customer, staff };

// The channel a viewer renews on: web for customers, box_office for staff.
Channel renewal_channel(Viewer viewer);
// Prices the renewal of `state` (the record's, or as it will be) on a channel with what the account
// owns; problems when the core refuses the basket.
PricedBasket renewal_price(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record, const SubscriberState& state,
                           Channel channel, Instant now);

nlohmann::json subscriber_view(db::Connection& db, const Catalog& catalog, const SubscriberRecord& record, Viewer viewer,
                               Instant now);
// {"history": [{"sequence", ...history_row_to_json}]}; a customer's omits Lapse rows and shows Lapsed as Pending.
nlohmann::json history_view(const SubscriberRecord& record, Viewer viewer);
// The status word the viewer may see.
const char* visible_status(SubscriberStatus status, Viewer viewer);

}  // namespace encore::server
