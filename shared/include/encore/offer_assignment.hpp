// The offer optimiser: gives each ticket at most one offer so that the basket's total discount is
// the largest possible, respecting each offer's capacity. Exact (min-cost flow), not greedy.
#pragma once
#include <cstdint>
#include <vector>

namespace encore {

struct OfferAssignmentProblem {
    int tickets = 0;
    int offers = 0;
    std::vector<std::int64_t> value;  // tickets x offers, row-major: discount if offer o is applied to ticket t; <= 0 = not applicable
    std::vector<int> capacity;        // per offer: how many tickets it may still be applied to
};

struct OfferAssignment {
    std::vector<int> offer_of_ticket;  // per ticket: the offer's index, or -1
    std::int64_t total = 0;            // the sum of the chosen discounts
};

// Largest total discount. Ties: fewer-numbered offers win (the catalog's order), then the algorithm's
// fixed order (tickets in basket order). Cost O(T * E log(T + O)) for T tickets, O offers and E
// ticket-offer pairs.
OfferAssignment assign_offers(const OfferAssignmentProblem& problem);

}  // namespace encore
