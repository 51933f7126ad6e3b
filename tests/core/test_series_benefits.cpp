// A subscription's benefits end with its season: a criterion gated on series_subscriber (an offer, a
// fee waiver) stops applying the moment the package's season closes, through price_basket.
#include <catch2/catch.hpp>

#include "encore/pricing.hpp"
#include "renewals_support.hpp"

using namespace encore;
using rtest::at;
using rtest::json;

namespace {
Catalog benefits_catalog(const char* season_offset) {
    return rtest::catalog([&](json& j) {
        j["seasons"][1]["utc_offset"] = season_offset;
        j["instances"][4]["on_sale"] = {{"web", "2027-05-01T00:00:00Z"}};  // play28a-tue, on sale during 2027
        j["offers"] = json::array({{{"id", "subs-10"}, {"name", "Subscribers save 10%"}, {"kind", "percent_off"}, {"percent", 10},
                                    {"who", {{"series_subscriber", "sub27"}}}}});
        j["fees"] = json::array({{{"id", "fee"}, {"name", "booking fee"}, {"per", "ticket"}, {"kind", "fixed"}, {"amount", 150},
                                  {"channels", json::array({"web"})}, {"waived_for", {{"holds", "sub27"}}}}});
    });
}

Basket one_ticket() {
    BasketLine line;
    line.kind = LineKind::ticket;
    line.instance = InstanceId{"play28a-tue"};
    line.seat = SeatId{"S-B-1"};
    line.ticket_type = TicketTypeId{"adult"};
    return {Channel::web, {line}};
}
}  // namespace

TEST_CASE("series_subscriber and holds stop counting when the package's season ends", "[renewals][benefits][pricing]") {
    struct Row { const char* offset; const char* now; bool subscriber; };
    const Row rows[] = {
        {"+00:00", "2027-06-15T12:00:00Z", true},
        {"+00:00", "2027-06-30T23:59:59Z", true},
        {"+00:00", "2027-07-01T00:00:00Z", false},
        {"+00:00", "2028-01-31T00:00:00Z", false},
        {"+01:00", "2027-06-30T22:59:59Z", true},   // the season's last day ends at local midnight
        {"+01:00", "2027-06-30T23:00:00Z", false},
    };
    Customer who;
    who.subscriptions.push_back({ProductId{"sub27"}, SeriesGroupId{"tue"}});
    for (const Row& r : rows) {
        CAPTURE(r.offset, r.now);
        const Catalog c = benefits_catalog(r.offset);
        const PricedBasket b = price_basket(c, one_ticket(), who, at(r.now));
        REQUIRE(b.valid);
        const PricedItem& item = b.lines[0].items[0];
        CHECK(item.base == 3000);
        CHECK(item.offer.value == (r.subscriber ? "subs-10" : ""));
        CHECK(item.price == (r.subscriber ? 2700 : 3000));
        CHECK(b.fee_total == (r.subscriber ? 0 : 150));
        CHECK(b.total == (r.subscriber ? 2700 : 3150));
    }
}

TEST_CASE("a package with no season of its own ends with its events' season", "[renewals][benefits][pricing]") {
    const Catalog c = rtest::catalog([](json& j) {
        j["fixed_series"][1].erase("season");
        j["instances"][4]["on_sale"] = {{"web", "2027-05-01T00:00:00Z"}};
        j["offers"] = json::array({{{"id", "subs-10"}, {"name", "Subscribers save 10%"}, {"kind", "percent_off"}, {"percent", 10},
                                    {"who", {{"series_subscriber", "sub27"}}}}});
    });
    Customer who;
    who.subscriptions.push_back({ProductId{"sub27"}, SeriesGroupId{"tue"}});
    CHECK(price_basket(c, one_ticket(), who, at("2027-06-30T12:00:00Z")).total == 2700);
    CHECK(price_basket(c, one_ticket(), who, at("2027-07-01T12:00:00Z")).total == 3000);
}
