// Remaining tickets of offers with a total limit, and the usage they stand for.
#include "encore/offer_limits.hpp"

#include <algorithm>

namespace encore {

namespace {
std::optional<int> count_for(const std::vector<std::pair<OfferId, int>>& counts, const OfferId& id) {
    for (const auto& [offer, n] : counts)
        if (offer == id) return n;
    return std::nullopt;
}
}  // namespace

OfferRemaining offers_remaining(const Catalog& catalog, const OfferUsage& usage) {
    OfferRemaining out;
    for (const Offer& o : catalog.offers)
        if (o.limit_total > 0)
            out.tickets.emplace_back(o.id, std::max(0, o.limit_total - count_for(usage.tickets, o.id).value_or(0)));
    return out;
}

OfferUsage usage_from_remaining(const Catalog& catalog, const OfferRemaining& remaining) {
    OfferUsage usage;
    for (const Offer& o : catalog.offers) {
        if (o.limit_total <= 0) continue;
        const int left = std::clamp(count_for(remaining.tickets, o.id).value_or(o.limit_total), 0, o.limit_total);
        if (left < o.limit_total) usage.tickets.emplace_back(o.id, o.limit_total - left);
    }
    return usage;
}

}  // namespace encore
