// The order view: an order document in words (performances with seats, ticket types, prices and fees; passes;
// fees; total; payment; an invoice's number, how to pay and its due time in the venue's local time), opened
// by reference with GET /api/orders/{reference}.
#include <catch2/catch.hpp>

#include "encore/catalog_json.hpp"
#include "logic/order_summary.hpp"
#include "logic/order_view.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

encore::Catalog catalog_with_summer_time() {
    nlohmann::json c = webtest::small_catalog();
    c["instances"].push_back({{"id", "macbeth-9"}, {"event", "macbeth"}, {"starts_at", "2027-04-03T19:30:00+01:00"},
                              {"on_sale", {{"web", "2026-11-01T10:00:00Z"}}}});
    encore::CatalogLoad load = encore::load_catalog(c);
    REQUIRE(load.catalog);
    return *load.catalog;
}

nlohmann::json fee(bool waived = false) {
    nlohmann::json f = {{"fee", "booking-fee"}, {"name", "booking fee"}, {"amount", waived ? 0 : 150}, {"waived", waived}};
    if (waived) f["waived_by"] = "members";
    return f;
}

nlohmann::json ticket_line(int index, const char* instance, const char* seat, const char* type, int price, bool waived = false) {
    nlohmann::json item = {{"instance", instance}, {"seat", seat}, {"ticket_type", type}, {"base", price}, {"price", price},
                           {"fees", {fee(waived)}}};
    return {{"line", index}, {"kind", "ticket"}, {"description", "ticket"}, {"items", {item}},
            {"total", price + (waived ? 0 : 150)}, {"total_text", "£"}};
}

nlohmann::json card_order() {
    return {{"reference", "ord_7064f60ba4f22dbf1b2c873b"}, {"short_reference", "K7QX4M2P"}, {"status", "paid"},
            {"currency", "GBP"}, {"total", 6150}, {"total_text", "£61.50"}, {"created_at", "2026-12-01T12:00:00Z"},
            {"lines", {ticket_line(0, "macbeth-1", "ST-A-1", "adult", 4500), ticket_line(1, "macbeth-1", "ST-A-2", "child", 1500, true)}},
            {"order_fees", nlohmann::json::array()}, {"passes", nlohmann::json::array()},
            {"payment", {{"method", "card"}, {"status", "approved"}, {"card", {{"brand", "visa"}, {"last4", "4242"}}}}}};
}

}  // namespace

TEST_CASE("an order in words: performance, seats, ticket types, prices, fees, total and payment", "[orders]") {
    const encore::Catalog catalog = catalog_with_summer_time();
    web::OrderSummary s = web::summarise_order(catalog, card_order());
    CHECK(s.reference == "K7QX4M2P");
    CHECK(s.status == "Paid");
    CHECK(s.placed == "Ordered Tue 1 Dec 2026, 12:00");
    REQUIRE(s.performances.size() == 1);
    CHECK(s.performances[0].title == "Macbeth");
    CHECK(s.performances[0].when == "Tue 12 Jan 2027, 19:30");
    CHECK(s.performances[0].venue == "Little Hall");
    REQUIRE(s.performances[0].tickets.size() == 2);
    CHECK(s.performances[0].tickets[0].seat == "Stalls, Row A, Seat 1");
    CHECK(s.performances[0].tickets[0].ticket_type == "Adult");
    CHECK(s.performances[0].tickets[0].price == "£45.00");
    CHECK(web::confirmation_headline(s, true) == "Thank you — you have bought 2 tickets");
    CHECK(web::confirmation_headline(s, false) == "Reserved until the invoice is paid: 2 tickets");
    CHECK(s.performances[0].tickets[0].note == "+ £1.50 booking fee");
    CHECK(s.performances[0].tickets[1].ticket_type == "Child");
    CHECK(s.performances[0].tickets[1].note == "booking fee waived (members)");
    REQUIRE(s.fees.size() == 2);
    CHECK(s.fees[0].label == "Booking fee");
    CHECK(s.fees[0].amount == "£1.50");
    CHECK(s.fees[1].label == "Booking fee");
    CHECK(s.fees[1].amount == "waived");
    CHECK(s.total == "£61.50");
    CHECK(s.payment == "Paid by Visa card ending 4242");
    CHECK_FALSE(s.invoice);
    std::vector<std::string> lines = web::order_summary_lines(s);
    CHECK(lines.front() == "Order K7QX4M2P — Paid");
    CHECK(std::find(lines.begin(), lines.end(), "  Stalls, Row A, Seat 1 · Adult · £45.00 · + £1.50 booking fee") != lines.end());
}

TEST_CASE("an invoice: its number, how to pay, and the due time in the venue's local time", "[orders][invoice]") {
    const encore::Catalog catalog = catalog_with_summer_time();
    nlohmann::json order = card_order();
    order["status"] = "reserved";
    order["lines"] = {ticket_line(0, "macbeth-9", "ST-A-3", "adult", 4500), ticket_line(1, "macbeth-9", "ST-A-4", "adult", 4500)};
    order["payment"] = {{"method", "invoice"}, {"status", "pending"}};
    order["due_at"] = "2027-03-30T09:00:00Z";  // summer time at the hall by then: 10:00 there
    order["invoice"] = {{"number", "INV-K7QX4M2P"}, {"status", "pending"}, {"amount", 9300}, {"due_at", "2027-03-30T09:00:00Z"}};
    web::OrderSummary s = web::summarise_order(catalog, order);
    CHECK(s.status == "Reserved until the invoice is paid");
    REQUIRE(s.invoice);
    CHECK(s.invoice->number == "INV-K7QX4M2P");
    CHECK(s.invoice->status == "To pay");
    CHECK(s.invoice->due == "Tue 30 Mar 2027, 10:00");
    CHECK(s.invoice->how_to_pay ==
          "Pay it at the box office by Tue 30 Mar 2027, 10:00, quoting INV-K7QX4M2P. Your seats are reserved for you until "
          "then; if it is not paid in time, the order lapses and the seats are released.");
    CHECK(s.payment == "By invoice INV-K7QX4M2P");
    CHECK(s.fees.size() == 1);
    CHECK(s.fees[0].label == "Booking fee (2 × £1.50)");
    CHECK(s.fees[0].amount == "£3.00");
    for (const std::string& line : web::order_summary_lines(s)) CHECK(line.find("sent to you") == std::string::npos);

    order["status"] = "paid";
    order["invoice"]["status"] = "paid";
    s = web::summarise_order(catalog, order);
    CHECK(s.invoice->status == "Paid");
    CHECK(s.invoice->how_to_pay.empty());
}

TEST_CASE("products bought: a pass with its code; older orders show their long reference", "[orders]") {
    nlohmann::json c = webtest::small_catalog();
    c["flex_passes"] = nlohmann::json::parse(R"([{"id": "flex-2", "name": "Flex 2 Pass", "price": 6000, "allowance": 2,
        "events": ["macbeth"], "discount": {"kind": "free"}, "window": {"starts": "2026-11-01", "days": 180},
        "on_sale": {"web": "2026-11-01T10:00:00Z"}}])");
    encore::CatalogLoad load = encore::load_catalog(c);
    if (!load.catalog) for (const auto& p : load.problems) WARN(p.path << " " << p.message);
    REQUIRE(load.catalog);
    nlohmann::json order = card_order();
    order.erase("short_reference");
    order["lines"] = {{{"line", 0}, {"kind", "pass"}, {"description", "Flex 2 Pass"},
                       {"items", {{{"product", "flex-2"}, {"base", 6000}, {"price", 6000}}}}, {"total", 6000}, {"total_text", "£60.00"}}};
    order["passes"] = {{{"code", "FLEX-AAAA-BBBB-CCCC-DDDD"}, {"pass", "flex-2"}, {"expires_at", "2027-04-30T00:00:00Z"}}};
    web::OrderSummary s = web::summarise_order(*load.catalog, order);
    CHECK(s.reference == "ord_7064f60ba4f22dbf1b2c873b");
    CHECK(s.performances.empty());
    REQUIRE(s.products.size() == 2);
    CHECK(s.products[0].label == "Flex 2 Pass");
    CHECK(s.products[0].amount == "£60.00");
    CHECK(s.products[1].label == "Flex 2 Pass code");
    CHECK(s.products[1].detail == "Code FLEX-AAAA-BBBB-CCCC-DDDD · 2 tickets · valid until Fri 30 Apr 2027, 00:00");
    // A pass on its own: the confirmation says a pass was bought, not that tickets were booked.
    CHECK(s.contents == "Flex 2 Pass");
    CHECK(web::confirmation_headline(s, true) == "Thank you — you have bought Flex 2 Pass");
}

TEST_CASE("an order opened by reference loads with the session; unknown ones say so", "[orders]") {
    WebClient c;
    c.load();
    c.app.account.token = "s-1";
    web::open_order(c.app, c.services, "k7qx 4m2p");
    CHECK(c.app.page.order.phase == web::OrderViewState::Phase::loading);
    web::HttpRequest get = c.http.answer("GET /api/orders/k7qx%204m2p", 200, nlohmann::json{{"order", card_order()}});
    CHECK(get.bearer_token == "s-1");
    CHECK(c.app.page.order.phase == web::OrderViewState::Phase::shown);
    CHECK(c.app.page.order.order["short_reference"] == "K7QX4M2P");
    CHECK_FALSE(c.app.page.order.just_placed);

    web::open_order(c.app, c.services, "ZZZZ2222");
    web::open_order(c.app, c.services, "YYYY3333");  // the first answer comes too late to matter
    c.http.answer("GET /api/orders/ZZZZ2222", 200, nlohmann::json{{"order", card_order()}});
    CHECK(c.app.page.order.phase == web::OrderViewState::Phase::loading);
    c.http.answer("GET /api/orders/YYYY3333", 404, webtest::problem(404, "order_not_found", "You have no order YYYY3333."));
    CHECK(c.app.page.order.phase == web::OrderViewState::Phase::failed);
    CHECK(c.app.page.order.error ==
          "There is no order YYYY3333 in your account. Check the reference, or log in as the customer who placed it.");
    web::close_order(c.app);
    CHECK(c.app.page.order.phase == web::OrderViewState::Phase::closed);
}
