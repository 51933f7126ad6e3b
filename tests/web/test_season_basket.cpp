// The season lines of the basket, judged with the customer's holdings plus the basket: a membership added opens
// its priority window and its locked seats and waives its fee, and removing it takes them back; "Use a pass"
// with owned and basket passes and typed codes; the checkout of a basket without seats.
#include <catch2/catch.hpp>

#include "encore/pricing_json.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/checkout_client.hpp"
#include "logic/season_basket.hpp"
#include "web_client_fixture.hpp"

using webtest::demo_catalog;
using webtest::WebClient;

namespace {

// 2026-12-02T12:00:00Z: the Friends' priority booking for The Importance of Being Earnest is open (since
// 1 Dec), its general sale is not (15 Jan); plays are on sale.
constexpr double dec2_ms = 1796212800.0 * 1000;
const std::string earnest = "the-importance-of-being-earnest-2027-03-23-e";
const std::string macbeth = "macbeth-2027-01-12-e";
const std::string cherry = "the-cherry-orchard-2027-01-26-e";

nlohmann::json body_of(const web::HttpRequest& r) { return nlohmann::json::parse(r.body); }

void demo(WebClient& c) {
    c.wall_ms = dec2_ms;
    c.load(demo_catalog(), std::string(1857, 'o'));
}

// Chooses a performance and answers its availability with every seat open.
void go_to(WebClient& c, const std::string& instance) {
    REQUIRE(web::choose_instance(c.app, instance));
    c.tick();
    c.http.answer("GET /api/instances/" + instance + "/availability", 200,
                  nlohmann::json{{"instance", instance}, {"version", 1}, {"seats", std::string(1857, 'o')}});
}

encore::Customer owning_flex(const std::string& code, std::vector<std::string> redeemed = {}) {
    encore::Customer customer;
    encore::OwnedPass pass{encore::ProductId{"flex-4"}, code, *encore::parse_instant("2027-04-30T00:00:00Z"), {}};
    for (const std::string& i : redeemed) pass.redeemed.push_back(encore::InstanceId{i});
    customer.passes.push_back(pass);
    return customer;
}

bool fee_waived(const encore::PricedBasket& priced) {
    for (const encore::PricedLine& line : priced.lines)
        for (const encore::PricedItem& item : line.items)
            for (const encore::AppliedFee& f : item.fees)
                if (!f.waived) return false;
    return true;
}

}  // namespace

TEST_CASE("a membership in the basket opens its priority window and its locked seats, and removing it closes them", "[season][basket]") {
    WebClient c;
    demo(c);
    go_to(c, earnest);
    const encore::Instance& show = *web::current_instance(c.app);
    const std::uint32_t block_seat = c.seat("DC-A-20"), open_seat = c.seat("ST-K-3");

    // Judged as this customer, with nothing: not on sale yet (members book first), and the block is kept.
    CHECK_FALSE(web::web_sale_check(c.app, show).ok);
    CHECK_FALSE(web::can_select(c.app, block_seat));
    CHECK_FALSE(web::can_select(c.app, open_seat));

    REQUIRE(web::add_product(c.app, encore::LineKind::membership, encore::ProductId{"friends"}));
    CHECK(web::web_sale_check(c.app, show).ok);
    CHECK(web::can_select(c.app, block_seat));
    CHECK(web::can_select(c.app, open_seat));
    CHECK(web::selectable_seats_here(c.app)[block_seat]);

    REQUIRE(web::toggle_seat(c.app, block_seat));
    CHECK(web::basket_contents_words(c.app) == "1 ticket and Friends of the Encore");
    c.tick();
    // The hold carries the membership, so the server judges the locked seat as the page did.
    nlohmann::json hold = body_of(c.http.peek("POST /api/holds"));
    CHECK(hold["instance"] == earnest);
    CHECK(hold["seats"] == nlohmann::json{"DC-A-20"});
    CHECK(hold["basket"] == nlohmann::json::parse(R"({"channel":"web","lines":[{"kind":"membership","membership":"friends"}]})"));
    c.http.answer("POST /api/holds", 201, webtest::hold_answer(c.app, "T1", {"DC-A-20"}));

    const encore::PricedBasket& priced = web::priced_basket(c.app);
    REQUIRE(priced.valid);
    CHECK(fee_waived(priced));
    CHECK(priced.lines[0].items[0].offer.value == "friends-10");
    CHECK(priced.lines[1].kind == encore::LineKind::membership);
    CHECK(encore::basket_to_json(web::current_basket(c.app))["lines"].size() == 2);

    web::remove_product(c.app, 0);
    CHECK_FALSE(web::web_sale_check(c.app, show).ok);
    CHECK_FALSE(web::can_select(c.app, open_seat));
    const encore::PricedBasket& without = web::priced_basket(c.app);
    CHECK_FALSE(without.valid);  // the seat kept for members is in the basket without the membership
}

TEST_CASE("a signed-in member is judged as a member without anything in the basket", "[season][basket]") {
    WebClient c;
    demo(c);
    go_to(c, earnest);
    encore::Customer member;
    member.memberships.push_back({encore::ProductId{"friends"}, c.app.now, encore::Instant{c.app.now.unix_seconds + 300 * 86400}});
    c.sign_in("friend@example.org", member);
    CHECK(web::web_sale_check(c.app, *web::current_instance(c.app)).ok);
    CHECK(web::can_select(c.app, c.seat("DC-A-21")));
}

TEST_CASE("use a pass: listed only when the customer has one the basket can use; it pays for the tickets it covers", "[season][passes]") {
    WebClient c;
    demo(c);
    REQUIRE(c.toggle("ST-K-1"));
    go_to(c, cherry);
    REQUIRE(c.toggle("ST-K-1"));
    CHECK(web::usable_passes_now(c.app).empty());  // nothing to use: no "Use a pass"

    c.sign_in("pat@example.org", owning_flex("FLEX-AAAA-BBBB-CCCC-DDDD", {"twelfth-night-2027-02-09-e"}));
    std::vector<encore::UsablePass> usable = web::usable_passes_now(c.app);
    REQUIRE(usable.size() == 1);
    CHECK(usable[0].redeem.code == "FLEX-AAAA-BBBB-CCCC-DDDD");
    CHECK(usable[0].left == 3);
    CHECK(usable[0].lines == std::vector<int>{0, 1});
    std::int64_t before = web::priced_basket(c.app).total;
    CHECK(before > 0);

    CHECK(web::use_pass(c.app, usable[0].redeem) == 2);
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    REQUIRE(priced.valid);
    CHECK(priced.total == 0);  // plays are free with it, and its holders pay no booking fee
    CHECK(encore::basket_to_json(web::current_basket(c.app))["lines"][1]["redeem"] == nlohmann::json{{"code", "FLEX-AAAA-BBBB-CCCC-DDDD"}});
    std::vector<encore::UsablePass> in_use = web::passes_in_use_now(c.app);
    REQUIRE(in_use.size() == 1);
    CHECK(in_use[0].left == 1);  // 4, less one earlier ticket, less these two
    CHECK(in_use[0].lines == std::vector<int>{0, 1});
    CHECK(web::usable_passes_now(c.app).empty());  // no ticket left for it to pay for

    web::stop_using_pass(c.app, 0);
    CHECK(web::passes_in_use_now(c.app)[0].left == 2);
    CHECK(web::priced_basket(c.app).total > 0);

    SECTION("a code typed in is priced as it is: an unknown one is refused in the core's words") {
        CHECK(web::use_pass_code(c.app, "flex-nope") == 0);
        CHECK_FALSE(c.app.season.pass_message.empty());
        CHECK(web::passes_in_use_now(c.app)[0].lines == std::vector<int>{1});
        CHECK(web::use_pass_code(c.app, " flex-aaaa-bbbb-cccc-dddd ") == 1);
        CHECK(c.app.season.pass_message.empty());
        CHECK(web::priced_basket(c.app).total == 0);
    }
    SECTION("a ticket leaving the basket takes its redemption with it") {
        web::remove_pick(c.app, 1);
        CHECK(web::passes_in_use_now(c.app).empty());
        CHECK(c.app.season.pass_uses.empty());
    }
}

TEST_CASE("use a pass: a pass bought in the same basket pays for its tickets", "[season][passes]") {
    WebClient c;
    demo(c);
    REQUIRE(c.toggle("ST-K-1"));
    REQUIRE(web::add_product(c.app, encore::LineKind::pass, encore::ProductId{"flex-4"}));
    std::vector<encore::UsablePass> usable = web::usable_passes_now(c.app);
    REQUIRE(usable.size() == 1);
    CHECK(usable[0].redeem.basket_line == 1);
    CHECK(web::use_pass(c.app, usable[0].redeem) == 1);
    nlohmann::json lines = encore::basket_to_json(web::current_basket(c.app))["lines"];
    CHECK(lines[0]["redeem"] == nlohmann::json{{"line", 1}});
    CHECK(lines[1] == nlohmann::json{{"kind", "pass"}, {"pass", "flex-4"}});
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    REQUIRE(priced.valid);
    CHECK(priced.total == 14000);  // the pass; the ticket is free and its booking fee waived for the pass's holder
    CHECK(web::passes_in_use_now(c.app)[0].left == 3);

    web::remove_product(c.app, 0);  // the pass goes, and so does what it paid for
    CHECK(c.app.season.pass_uses.empty());
    CHECK(web::priced_basket(c.app).valid);
}

TEST_CASE("a basket of a pass alone is checked out without a hold; the order's pass code is kept for the confirmation", "[season][checkout]") {
    WebClient c;
    demo(c);
    REQUIRE(web::add_product(c.app, encore::LineKind::pass, encore::ProductId{"flex-4"}));
    CHECK(web::checkout_blocker(c.app) == "Log in or create an account to pay.");
    c.sign_in("pat@example.org");
    CHECK(web::checkout_blocker(c.app).empty());
    c.app.checkout.method = web::PayMethod::invoice;
    web::place_order(c.app, c.services);
    nlohmann::json order = body_of(c.http.peek("POST /api/orders"));
    CHECK(order["holds"] == nlohmann::json::array());
    CHECK(order["basket"]["lines"] == nlohmann::json::parse(R"([{"kind":"pass","pass":"flex-4"}])"));
    CHECK(order["expected"] == nlohmann::json{{"total", 14000}, {"lines", {14000}}});
    c.http.answer("POST /api/orders", 201,
                  nlohmann::json{{"order", {{"reference", "ord_1"}, {"status", "reserved"}, {"total", 14000}, {"total_text", "£140.00"},
                                            {"passes", {{{"code", "FLEX-1111-2222-3333-4444"}, {"pass", "flex-4"},
                                                         {"expires_at", "2027-04-30T00:00:00Z"}}}}}}});
    REQUIRE(c.app.season.issued.size() == 1);
    CHECK(c.app.season.issued[0].code == "FLEX-1111-2222-3333-4444");
    CHECK(web::basket_empty(c.app));
    CHECK(c.app.season.records.stale);
    CHECK(c.app.season.offers.refresh_now);
}

TEST_CASE("clearing the basket releases every seat and drops passes and memberships", "[season][basket]") {
    WebClient c;
    demo(c);
    REQUIRE(c.toggle("ST-K-1"));
    c.tick();
    c.http.answer("POST /api/holds", 201, webtest::hold_answer(c.app, "T1", {"ST-K-1"}));
    REQUIRE(web::add_product(c.app, encore::LineKind::membership, encore::ProductId{"friends"}));
    web::clear_basket(c.app);
    CHECK(web::basket_empty(c.app));
    c.tick();
    CHECK(c.http.is_waiting("DELETE /api/holds/T1"));
}
