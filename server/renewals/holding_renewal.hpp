// The auto-renewal of one membership or pass (002), inside the caller's transaction: the core names the
// product it renews into and prices it at the renewal instant; the card that paid for it (or the
// customer's latest stored card) is charged and the renewal is a paid order, or — declined or no card —
// it is reserved on an invoice and counts only once paid. What was done is marked on the holding.
#pragma once
#include "encore/catalog.hpp"
#include "store/holding_renewals.hpp"
#include "store/database.hpp"

namespace encore::server {

void renew_holding(db::Connection& db, const Catalog& catalog, const DueHolding& holding, int invoice_days);

}  // namespace encore::server
