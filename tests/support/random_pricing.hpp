// Random but reproducible pricing inputs for property, parity and speed tests. Uses its own
// generator (not <random> distributions, which differ between libstdc++ and libc++), so the native
// and wasm builds produce the same baskets from the same seed.
#pragma once
#include <cstdint>

#include "encore/basket.hpp"
#include "encore/catalog.hpp"

namespace encore::testing {

// SplitMix64: tiny, fast, identical everywhere. Draw values in separate statements: g++ and clang
// evaluate function arguments in different orders, so f(rng.below(3), rng.chance(50)) differs by build.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    int below(int n);                  // 0 .. n-1 (n > 0)
    bool chance(int percent);          // true percent% of the time
    template <class T>
    const T& pick(const std::vector<T>& items) { return items[below(static_cast<int>(items.size()))]; }

private:
    std::uint64_t state_;
};

// `count` random offers over the catalog's events, bands and ticket types (some with criteria and limits).
std::vector<Offer> random_offers(const Catalog& catalog, Rng& rng, int count, bool monotone_criteria);
// A few random fees, some waived for holders of a random product.
std::vector<Fee> random_fees(const Catalog& catalog, Rng& rng);
// A customer who may own passes (with codes "P0", "P1" ...), memberships, subscriptions and tags.
Customer random_customer(const Catalog& catalog, Rng& rng, Instant now);
// A basket of up to `max_lines` lines: tickets (some redeeming the customer's passes or a pass in
// the basket), series bookings, passes and memberships. Mostly valid, sometimes not.
Basket random_basket(const Catalog& catalog, const Customer& customer, Rng& rng, int max_lines);

}  // namespace encore::testing
