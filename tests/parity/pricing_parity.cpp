// Differential parity driver: prices `count` reproducible random baskets against a catalog and writes
// one JSON line per priced basket, so the native and wasm builds' outputs can be compared byte for byte.
// usage: pricing_parity <catalog.json> <count> <seed> <out-file> [--perturb=N]
//   --perturb=N is a negative control for compare.sh: it alters basket N's line in this run only.
#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "encore/seasons.hpp"
#include "random_pricing.hpp"

namespace {

using encore::testing::Rng;
using nlohmann::json;

constexpr int baskets_per_offer_set = 100;
constexpr int max_lines = 6;

// A seed for stream `stream` of item `i`, so every basket (and offer set) is reproducible alone.
std::uint64_t derive(std::uint64_t seed, std::uint64_t i, std::uint64_t stream) {
    Rng mix(seed ^ (0xD1B54A32D192ED03ull * (i + 1)) ^ (0x8CB92BA72F3D8DD7ull * stream));
    return mix.next();
}

struct FnvHash {
    std::uint64_t value = 0xcbf29ce484222325ull;
    void add(const std::string& text) {
        for (unsigned char ch : text) value = (value ^ ch) * 0x100000001b3ull;
    }
};

// When baskets are priced: from the earliest on-sale time of any instance to the first performance
// (everything still ahead), and for one basket in four on to the last performance (some started).
struct SalePeriod {
    std::int64_t opens = 1798761600, first_show = opens + 86400, last_show = opens + 86400;  // 2027-01-01
};

SalePeriod sale_period(const encore::Catalog& c) {
    std::optional<std::int64_t> opens, first, last;
    for (const encore::Instance& i : c.instances) {
        for (const auto& at : i.on_sale)
            if (at && (!opens || at->unix_seconds < *opens)) opens = at->unix_seconds;
        if (!first || i.starts_at.unix_seconds < *first) first = i.starts_at.unix_seconds;
        if (!last || i.starts_at.unix_seconds > *last) last = i.starts_at.unix_seconds;
    }
    SalePeriod p;
    if (!opens || *first <= *opens) return p;
    return {*opens, *first, *last};
}

// The part of a catalog baskets are drawn from: the performances of the seasons already open at the first
// performance, and the products on sale before the last of them. A later season, not yet on sale while
// the earlier one plays, would only make baskets invalid; the baskets are still priced against the whole
// catalog.
encore::Catalog drawable(const encore::Catalog& c) {
    std::optional<std::int64_t> first;
    for (const encore::Instance& i : c.instances)
        if (!first || i.starts_at.unix_seconds < *first) first = i.starts_at.unix_seconds;
    if (!first) return c;
    encore::Catalog d = c;
    std::erase_if(d.instances, [&](const encore::Instance& i) {
        const encore::Event* event = c.find_event(i.event);
        const encore::Season* season = event ? c.find_season(event->season) : nullptr;
        return season && encore::season_opens(*season).unix_seconds > *first;
    });
    std::int64_t last = *first;
    for (const encore::Instance& i : d.instances) last = std::max(last, i.starts_at.unix_seconds);
    auto later = [&](const std::array<std::optional<encore::Instant>, 2>& on_sale) {
        return std::none_of(on_sale.begin(), on_sale.end(), [&](const auto& at) { return at && at->unix_seconds < last; });
    };
    std::erase_if(d.fixed_series, [&](const encore::FixedSeries& s) { return later(s.on_sale); });
    std::erase_if(d.flex_passes, [&](const encore::FlexPass& p) { return later(p.on_sale); });
    std::erase_if(d.memberships, [&](const encore::Membership& m) { return later(m.on_sale); });
    d.reindex();
    return d;
}

encore::OfferUsage random_usage(const encore::Catalog& c, Rng& rng) {
    encore::OfferUsage usage;
    for (const encore::Offer& o : c.offers)
        if (rng.chance(15)) usage.tickets.emplace_back(o.id, 1 + rng.below(6));
    return usage;
}

// Sends the basket, the customer and the offer usage through their JSON form, as the browser and the server do.
template <class T, class Write, class Read>
T round_trip(const T& value, Write write, Read read, const char* what, int index) {
    encore::Problems problems;
    auto back = read(json::parse(write(value).dump()), problems);
    if (!back) {
        std::fprintf(stderr, "pricing_parity: the %s of basket %d does not read back from its JSON: %s %s\n", what, index,
                     problems.empty() ? "" : problems[0].path.c_str(), problems.empty() ? "" : problems[0].message.c_str());
        std::exit(1);
    }
    return std::move(*back);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5 || argc > 6) {
        std::fprintf(stderr, "usage: pricing_parity <catalog.json> <count> <seed> <out-file>\n");
        return 2;
    }
    const int count = std::atoi(argv[2]);
    const std::uint64_t seed = std::strtoull(argv[3], nullptr, 10);
    int perturb = -1;
    if (argc == 6 && std::string(argv[5]).rfind("--perturb=", 0) == 0) perturb = std::atoi(argv[5] + 10);
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "pricing_parity: cannot read %s\n", argv[1]);
        return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    encore::CatalogLoad load = encore::load_catalog(std::string_view(text.str()));
    if (!load.catalog) {
        for (const auto& p : load.problems) std::fprintf(stderr, "%s: %s: %s\n", argv[1], p.path.c_str(), p.message.c_str());
        return 2;
    }
    const encore::Catalog& base = *load.catalog;
    const SalePeriod period = sale_period(drawable(base));
    std::ofstream out(argv[4], std::ios::binary);
    if (!out) {
        std::fprintf(stderr, "pricing_parity: cannot write %s\n", argv[4]);
        return 2;
    }

    FnvHash hash;
    int valid = 0, with_offer = 0, with_pass = 0;
    encore::Catalog catalog, drawn;
    for (int i = 0; i < count; ++i) {
        if (i % baskets_per_offer_set == 0) {
            Rng rng(derive(seed, static_cast<std::uint64_t>(i / baskets_per_offer_set), 1));
            catalog = base;
            const int offers = rng.below(13);         // two statements: argument evaluation order
            const bool monotone = rng.chance(50);     // differs between g++ and clang
            for (encore::Offer& o : encore::testing::random_offers(base, rng, offers, monotone))
                catalog.offers.push_back(std::move(o));
            for (encore::Fee& f : encore::testing::random_fees(base, rng)) catalog.fees.push_back(std::move(f));
            drawn = drawable(catalog);
        }
        Rng rng(derive(seed, static_cast<std::uint64_t>(i), 2));
        const std::int64_t closes = i % 4 == 3 ? period.last_show : period.first_show;
        const std::uint64_t offset = rng.next() % static_cast<std::uint64_t>(closes - period.opens);
        const encore::Instant now{period.opens + static_cast<std::int64_t>(offset)};
        const encore::Customer customer = round_trip(encore::testing::random_customer(catalog, rng, now),
                                                     encore::customer_to_json, encore::customer_from_json, "customer", i);
        const encore::Basket basket = round_trip(encore::testing::random_basket(drawn, customer, rng, max_lines),
                                                 encore::basket_to_json, encore::basket_from_json, "basket", i);
        const encore::OfferUsage usage = round_trip(random_usage(catalog, rng), encore::offer_usage_to_json,
                                                    encore::offer_usage_from_json, "offer usage", i);
        const encore::PricedBasket priced = encore::price_basket(catalog, basket, customer, now, usage);
        json j = encore::priced_basket_to_json(priced);
        if (i == perturb) j["perturbed"] = true;  // negative control only
        const std::string line = j.dump() + "\n";
        out << line;
        hash.add(line);
        if (priced.valid) {
            ++valid;
            bool offer = false, pass = false;
            for (const auto& l : priced.lines)
                for (const auto& item : l.items) {
                    offer = offer || !item.offer.empty();
                    pass = pass || !item.pass.empty();
                }
            with_offer += offer;
            with_pass += pass;
        }
    }
    out.close();
    if (!out) {
        std::fprintf(stderr, "pricing_parity: writing %s failed\n", argv[4]);
        return 2;
    }
    std::printf("baskets=%d valid=%d (%.1f%%) with_offer=%d with_pass=%d fnv1a64=%016" PRIx64 "\n", count, valid,
                count ? 100.0 * valid / count : 0.0, with_offer, with_pass, hash.value);
    return 0;
}
