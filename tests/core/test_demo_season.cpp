// The demo season's products priced through the examples in assets/demo/examples (the same files
// the encore-price documentation uses), so the demo and its documented figures stay true.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"

using namespace encore;
using nlohmann::json;

namespace {
json read_json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return json::parse(buffer.str());
}

const Catalog& demo() {
    static const Catalog catalog = *load_catalog(read_json(ENCORE_ASSETS_DIR "/demo/catalog.json")).catalog;
    return catalog;
}

PricedBasket price_example(const char* basket, const char* customer, const char* now) {
    const std::string dir = ENCORE_ASSETS_DIR "/demo/examples/";
    Problems problems;
    auto b = basket_from_json(read_json(dir + basket), problems);
    auto c = customer_from_json(read_json(dir + customer), problems);
    REQUIRE(problems.empty());
    return price_basket(demo(), *b, *c, *parse_instant(now));
}
}  // namespace

TEST_CASE("the demo season has the products the issues ask for", "[demo]") {
    const Catalog& c = demo();
    REQUIRE(c.fixed_series.size() >= 1);
    CHECK(c.fixed_series[0].groups.size() >= 4);
    CHECK(c.flex_passes.size() >= 1);
    CHECK(c.memberships.size() >= 1);
    CHECK(c.priority_windows.size() >= 1);
    CHECK(c.seat_locks.size() >= 1);
    CHECK(c.offers.size() >= 2);
}

TEST_CASE("the demo examples price as documented", "[demo][pricing]") {
    struct Row { const char* basket; const char* customer; const char* now; std::int64_t total; };
    const Row rows[] = {
        {"basket-series-weekday-5.json", "customer-new.json", "2026-11-21T12:00:00Z", 12500},
        {"basket-series-weekend-4.json", "customer-new.json", "2026-11-21T12:00:00Z", 16600},
        {"basket-flex-redeem.json", "customer-flex.json", "2026-11-21T12:00:00Z", 6300},
        {"basket-join-friends.json", "customer-new.json", "2026-12-15T12:00:00Z", 14910},
    };
    for (const Row& r : rows) {
        CAPTURE(r.basket);
        const PricedBasket b = price_example(r.basket, r.customer, r.now);
        for (const auto& p : b.problems) UNSCOPED_INFO(p.line << " " << p.code << " " << p.message);
        REQUIRE(b.valid);
        CHECK(b.total == r.total);
    }
}

TEST_CASE("the invalid demo example is refused line by line", "[demo][pricing]") {
    const PricedBasket b = price_example("basket-invalid.json", "customer-new.json", "2026-12-15T12:00:00Z");
    REQUIRE_FALSE(b.valid);
    auto has = [&](int line, const char* code) {
        for (const auto& p : b.problems) if (p.line == line && p.code == code) return true;
        return false;
    };
    CHECK(has(0, "series_event_count"));
    CHECK(has(1, "locked_seat"));
    CHECK(has(2, "priority_window_closed"));
}
