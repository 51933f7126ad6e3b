// Offers limited in total across all customers: how many tickets each may still be used on. The server
// publishes that; the page turns it back into the OfferUsage pricing takes, so both price alike.
#pragma once
#include <utility>
#include <vector>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"

namespace encore {

// Tickets each offer with a total limit may still be used on, across all customers.
struct OfferRemaining {
    std::vector<std::pair<OfferId, int>> tickets;
};

// For every offer with a total limit, in catalog order: its limit minus the tickets used (never below 0).
OfferRemaining offers_remaining(const Catalog& catalog, const OfferUsage& usage);
// The usage that leaves those counts: limit minus remaining. An offer missing from `remaining` counts as
// unused; a count above the limit as none used; offers without a total limit are left out.
OfferUsage usage_from_remaining(const Catalog& catalog, const OfferRemaining& remaining);

}  // namespace encore
