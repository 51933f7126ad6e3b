// The basket is priced by the core exactly as the server will price the order: the same lines, the same
// customer, the same answer; and the cached price follows every change of picks, customer and minute.
#include <catch2/catch.hpp>

#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "logic/basket_display.hpp"
#include "logic/basket_pricing.hpp"
#include "web_client_fixture.hpp"

using webtest::demo_catalog;
using webtest::WebClient;

namespace {

encore::BasketLine ticket(const std::string& instance, const std::string& seat, const std::string& type) {
    encore::BasketLine line;
    line.kind = encore::LineKind::ticket;
    line.instance = encore::InstanceId{instance};
    line.seat = encore::SeatId{seat};
    line.ticket_type = encore::TicketTypeId{type};
    return line;
}

// The same basket written out by hand, priced by the core directly.
encore::PricedBasket core_price(const web::AppState& app, std::vector<encore::BasketLine> lines) {
    encore::Basket basket;
    basket.channel = encore::Channel::web;
    basket.lines = std::move(lines);
    return encore::price_basket(*app.catalog, basket, app.account.customer, app.now);
}

void set_type(web::AppState& app, std::size_t pick, const std::string& type) {
    app.picks[pick].ticket_type = encore::TicketTypeId{type};
    ++app.picks_revision;
}

}  // namespace

TEST_CASE("the basket's price is the core's price_basket of the picks, fees included", "[pricing]") {
    WebClient c;
    c.load();
    const encore::PricedBasket& empty = web::priced_basket(c.app);
    CHECK(empty.valid);
    CHECK(empty.total == 0);

    REQUIRE(c.toggle("ST-A-1"));
    REQUIRE(c.toggle("CI-A-2"));
    set_type(c.app, 1, "child");
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    REQUIRE(priced.valid);
    CHECK(priced.total == 4500 + 1500 + 2 * 150);
    encore::PricedBasket direct = core_price(c.app, {ticket("macbeth-1", "ST-A-1", "adult"), ticket("macbeth-1", "CI-A-2", "child")});
    CHECK(encore::priced_basket_to_json(priced) == encore::priced_basket_to_json(direct));
    CHECK(web::expected_totals(priced) == nlohmann::json{{"total", 6300}, {"lines", {4650, 1650}}});
    CHECK(encore::basket_to_json(web::current_basket(c.app)) ==
          nlohmann::json::parse(R"({"channel":"web","lines":[
            {"kind":"ticket","instance":"macbeth-1","seat":"ST-A-1","ticket_type":"adult"},
            {"kind":"ticket","instance":"macbeth-1","seat":"CI-A-2","ticket_type":"child"}]})"));

    std::vector<web::FeeRow> fees = web::fee_rows(priced);
    REQUIRE(fees.size() == 1);
    CHECK(fees[0].name == "booking fee");
    CHECK(fees[0].count == 2);
    CHECK(fees[0].amount == 300);
    // The core's explanation as it is: it names the fee itself, once; the page adds no fee lines of its own.
    CHECK(web::line_explanation(priced.lines[0]) == priced.lines[0].items[0].explanation);
    CHECK_THAT(web::line_explanation(priced.lines[0]), Catch::Contains("booking fee"));
    CHECK_THAT(web::line_explanation(priced.lines[0]), !Catch::Contains("Booking fee:"));

    // The standard price of the chosen performance's picks, before fees: what the map's selection shows.
    CHECK(web::selection_total(c.app).minor == 4500 + 3000);
}

TEST_CASE("picks at several performances are one basket, in the order they were picked", "[pricing]") {
    WebClient c;
    c.load();
    REQUIRE(c.toggle("ST-A-2"));
    REQUIRE(web::choose_instance(c.app, "macbeth-2"));
    c.tick();
    c.http.answer("GET /api/instances/macbeth-2/availability", 200,
                  nlohmann::json{{"instance", "macbeth-2"}, {"version", 1}, {"seats", "oooooo"}});
    REQUIRE(c.toggle("ST-A-2"));
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    encore::PricedBasket direct = core_price(c.app, {ticket("macbeth-1", "ST-A-2", "adult"), ticket("macbeth-2", "ST-A-2", "adult")});
    CHECK(encore::priced_basket_to_json(priced) == encore::priced_basket_to_json(direct));
    CHECK(priced.total == 2 * (4500 + 150));
    CHECK(web::selection(c.app) == std::vector<std::uint32_t>{c.seat("ST-A-2")});  // this performance's only
}

TEST_CASE("the cached price follows the picks, the customer's memberships and the clock", "[pricing]") {
    WebClient c;
    c.load(demo_catalog(), std::string(1857, 'o'));
    REQUIRE(c.app.venue.value == "encore-theatre");
    std::string instance = c.app.instance.value;
    REQUIRE(c.toggle("ST-F-10"));
    REQUIRE(c.toggle("ST-F-11"));
    std::vector<encore::BasketLine> lines = {ticket(instance, "ST-F-10", "adult"), ticket(instance, "ST-F-11", "adult")};
    std::int64_t anonymous = web::priced_basket(c.app).total;
    CHECK(encore::priced_basket_to_json(web::priced_basket(c.app)) == encore::priced_basket_to_json(core_price(c.app, lines)));
    CHECK(web::fee_rows(web::priced_basket(c.app)).size() == 1);

    // Signed in as a Friend: no booking fee and the Friends' offer; the cache notices the new customer.
    encore::Customer friend_member;
    friend_member.memberships.push_back({encore::ProductId{"friends"}, encore::Instant{c.app.now.unix_seconds - 86400},
                                         encore::Instant{c.app.now.unix_seconds + 86400 * 300}});
    c.app.account.customer = friend_member;
    ++c.app.account.customer_revision;
    const encore::PricedBasket& member = web::priced_basket(c.app);
    CHECK(encore::priced_basket_to_json(member) == encore::priced_basket_to_json(core_price(c.app, lines)));
    CHECK(member.total < anonymous);
    for (const web::FeeRow& f : web::fee_rows(member)) CHECK((f.waived || f.amount == 0));

    // The membership ends: a minute later the basket is priced again without it.
    c.app.account.customer.memberships[0].ends = encore::Instant{c.app.now.unix_seconds + 30};
    c.tick(60'000);
    CHECK(web::priced_basket(c.app).total == anonymous);
}

TEST_CASE("a pick offers the ticket types priced for its seat", "[pricing]") {
    WebClient c;
    c.load();
    REQUIRE(c.toggle("CI-A-1"));
    std::vector<const encore::TicketType*> types = web::ticket_types_for(c.app, c.app.picks[0]);
    REQUIRE(types.size() == 2);
    CHECK(types[0]->id.value == "adult");
    CHECK(types[1]->id.value == "child");
}
