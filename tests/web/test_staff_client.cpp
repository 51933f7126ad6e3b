// Staff mode's logic behind the fake HTTP client: who gets the counter, finding and creating a customer, a sale
// on the box-office channel (seats by the core's best available, prices by the core, an Idempotency-Key), a new
// card stored for the customer first, marking an invoice paid, renewing for a subscriber, and the campaign.
#include <catch2/catch.hpp>

#include "logic/account_client.hpp"
#include "logic/staff_client.hpp"
#include "logic/staff_words.hpp"
#include "web_client_fixture.hpp"

using nlohmann::json;
using webtest::WebClient;

namespace {

json body_of(const web::HttpRequest& r) { return json::parse(r.body); }

// Macbeth's first performance on sale at the box office too.
json counter_catalog() {
    json c = webtest::small_catalog();
    c["instances"][0]["on_sale"]["box_office"] = "2026-11-01T10:00:00Z";
    return c;
}

void sign_in_as(WebClient& c, const char* role) {
    web::log_in(c.app, c.services, "box@example.org", "correct horse");
    c.http.answer("POST /api/auth/login", 200,
                  json{{"account", {{"email", "box@example.org"}, {"name", "Box"}, {"role", role}}}, {"token", "staff-1"}});
    c.http.answer("GET /api/me/customer", 200, json{{"customer", json::object()}});
}

json ada_detail(json orders = json::array()) {
    return {{"account", {{"id", 7}, {"email", "ada@example.org"}, {"name", "Ada Lovelace"}, {"role", "customer"}}},
            {"customer", json::object()},
            {"orders", orders},
            {"cards", json::array()},
            {"passes", json::array()},
            {"memberships", json::array()},
            {"holds", json::array()},
            {"staff_acts", json::array()},
            {"subscriber_records",
             {{{"id", 12},
               {"status", "Pending"},
               {"package", {{"id", "series-27"}, {"name", "Autumn package"}}},
               {"group", {{"id", "tue"}, {"name", "Tuesdays"}}},
               {"seats", {{{"seat", "ST-A-2"}, {"name", "Stalls, Row A, Seat 2"}, {"status", "RESERVED"}}}},
               {"actions", {{{"action", "renew"}, {"instalments", 1}, {"amount", 9000}, {"amount_text", "£90.00"}}, {{"action", "decline"}}}},
               {"unavailable", json::array()}}}}};
}

// Signed in as staff with Ada's record open.
void serving_ada(WebClient& c) {
    c.load(counter_catalog());
    sign_in_as(c, "staff");
    REQUIRE(web::staff_mode(c.app));
    web::staff_open_customer(c.app, c.services, 7);
    c.http.answer("GET /api/staff/customers/7", 200, ada_detail());
    REQUIRE(c.app.staff.customer);
}

}  // namespace

TEST_CASE("staff and admins get the counter; customers and signed-out visitors do not", "[staff]") {
    WebClient c;
    c.load();
    CHECK_FALSE(web::staff_mode(c.app));
    sign_in_as(c, "customer");
    CHECK_FALSE(web::staff_mode(c.app));
    web::log_out(c.app, c.services);
    sign_in_as(c, "admin");
    CHECK(web::staff_mode(c.app));
    web::log_out(c.app, c.services);
    CHECK_FALSE(web::staff_mode(c.app));
    CHECK(c.app.account.role.empty());
}

TEST_CASE("the staff search asks the server with the typed text and lists who it found", "[staff]") {
    WebClient c;
    c.load(counter_catalog());
    sign_in_as(c, "staff");
    c.app.staff.query = " a ";
    web::staff_search(c.app, c.services);
    CHECK_FALSE(c.http.is_waiting("GET /api/staff/customers"));
    CHECK(c.app.staff.error.find("two letters") != std::string::npos);

    c.app.staff.query = "Ada Love";
    web::staff_search(c.app, c.services);
    web::HttpRequest sent = c.http.answer("GET /api/staff/customers?q=Ada%20Love", 200,
                                          json{{"customers", {{{"id", 7}, {"email", "ada@example.org"}, {"name", "Ada Lovelace"}}}}});
    CHECK(sent.bearer_token == "staff-1");
    REQUIRE(c.app.staff.hits.size() == 1);
    CHECK(c.app.staff.hits[0].id == 7);
    CHECK(c.app.staff.error.empty());
    CHECK(c.app.staff.busy == 0);
}

TEST_CASE("a customer created at the counter is opened at once", "[staff]") {
    WebClient c;
    c.load(counter_catalog());
    sign_in_as(c, "staff");
    c.app.staff.new_name = "Walk In ";
    c.app.staff.new_email = "walk@example.org";
    web::staff_create_customer(c.app, c.services);
    web::HttpRequest sent = c.http.answer("POST /api/staff/customers", 201,
                                          json{{"account", {{"id", 9}, {"email", "walk@example.org"}, {"name", "Walk In"}}}});
    CHECK(body_of(sent) == json{{"email", "walk@example.org"}, {"name", "Walk In"}});
    CHECK(c.http.is_waiting("GET /api/staff/customers/9"));
    CHECK(c.app.staff.step == web::StaffStep::customer);
    CHECK(c.app.staff.new_name.empty());

    c.app.staff.new_email = "walk@example.org";
    web::staff_create_customer(c.app, c.services);
    c.http.answer("POST /api/staff/customers", 409,
                  json{{"type", "/problems/email_taken"}, {"code", "email_taken"}, {"status", 409}, {"detail", "An account with this email exists already."}});
    CHECK_FALSE(c.app.staff.error.empty());
}

TEST_CASE("tickets sold at the counter: best seats together, priced by the core at the box office, by invoice; then marked paid",
          "[staff]") {
    WebClient c;
    serving_ada(c);
    CHECK(c.app.staff.customer->records.at(0).renew_amount == 9000);
    web::staff_start_sale(c.app, web::StaffSaleKind::ticket);
    REQUIRE(c.app.staff.sale.product == "macbeth-1");  // the only performance on sale at the box office
    CHECK(web::staff_products(c.app, web::StaffSaleKind::ticket).size() == 1);
    c.app.staff.sale.seats = 2;
    c.app.staff.sale.payment = web::StaffPayment::invoice;
    REQUIRE(web::staff_sale_blocker(c.app).empty());
    web::staff_sell(c.app, c.services);
    c.http.answer("GET /api/instances/macbeth-1/availability", 200,
                  json{{"instance", "macbeth-1"}, {"version", 3}, {"seat_count", 6}, {"seats", "sooooo"}});
    const web::HttpRequest& order = c.http.peek("POST /api/staff/customers/7/orders");
    const json body = body_of(order);
    CHECK(order.idempotency_key == "key-1");
    CHECK(body["basket"]["channel"] == "box_office");
    REQUIRE(body["basket"]["lines"].size() == 2);
    CHECK(body["basket"]["lines"][0]["kind"] == "ticket");
    CHECK(body["payment"] == json{{"method", "invoice"}});
    CHECK(body["expected"]["total"] == body["expected"]["lines"][0].get<int>() + body["expected"]["lines"][1].get<int>());  // no web fee
    c.http.answer("POST /api/staff/customers/7/orders", 201,
                  json{{"order", {{"reference", "ord_1"}, {"short_reference", "K7QX4M2P"}, {"status", "reserved"}, {"total", 9000},
                                  {"total_text", "£90.00"}, {"payment", {{"method", "invoice"}, {"status", "pending"}}},
                                  {"due_at", "2026-12-08T12:00:00Z"}}}});
    REQUIRE(c.app.staff.last_order);
    CHECK(c.app.staff.message == "Sold: order K7QX4M2P, £90.00, invoice due Tue 8 Dec 2026.");
    CHECK(c.http.is_waiting("GET /api/staff/customers/7"));  // the customer's record is read again

    web::staff_mark_paid(c.app, c.services, "K7QX4M2P");
    c.http.answer("POST /api/orders/K7QX4M2P/mark-paid", 200, json{{"order", {{"status", "paid"}}}});
    CHECK(c.app.staff.last_order->status == "paid");
    CHECK(c.app.staff.message.find("marked paid") != std::string::npos);
}

TEST_CASE("a retried sale after no answer reuses its Idempotency-Key; a new card is stored for the customer first", "[staff]") {
    WebClient c;
    serving_ada(c);
    web::staff_start_sale(c.app, web::StaffSaleKind::ticket);
    c.app.staff.sale.seats = 1;
    web::staff_sell(c.app, c.services);
    c.http.answer("GET /api/instances/macbeth-1/availability", 200, json{{"instance", "macbeth-1"}, {"version", 1}, {"seats", "oooooo"}});
    c.http.answer("POST /api/staff/customers/7/orders", 0, std::string());  // the network failed
    web::staff_sell(c.app, c.services);
    c.http.answer("GET /api/instances/macbeth-1/availability", 200, json{{"instance", "macbeth-1"}, {"version", 1}, {"seats", "oooooo"}});
    CHECK(c.http.peek("POST /api/staff/customers/7/orders").idempotency_key == "key-1");
    c.http.answer("POST /api/staff/customers/7/orders", 409, json{{"code", "seats_unavailable"}, {"status", 409}, {"detail", "taken"}});
    CHECK_FALSE(c.app.staff.error.empty());

    c.app.staff.sale.payment = web::StaffPayment::new_card;
    CHECK_FALSE(web::staff_sale_blocker(c.app).empty());
    c.app.staff.sale.card_number = "4242 4242 4242 4242";
    c.app.staff.sale.card_expiry = "12/29";
    c.app.staff.sale.card_cvc = "123";
    REQUIRE(web::staff_sale_blocker(c.app).empty());
    web::staff_sell(c.app, c.services);
    c.http.answer("GET /api/instances/macbeth-1/availability", 200, json{{"instance", "macbeth-1"}, {"version", 2}, {"seats", "oooooo"}});
    web::HttpRequest card = c.http.answer("POST /api/staff/customers/7/cards", 201, json{{"card", {{"token", "tok_1"}, {"last4", "4242"}}}});
    CHECK(body_of(card)["number"] == "4242424242424242");
    const json order = body_of(c.http.peek("POST /api/staff/customers/7/orders"));
    CHECK(order["payment"] == json{{"method", "card"}, {"card_token", "tok_1"}});
    CHECK(c.http.peek("POST /api/staff/customers/7/orders").idempotency_key == "key-2");  // another body: a new attempt
}

TEST_CASE("renewing for a subscriber sends the amount shown and a payment taken at the counter", "[staff]") {
    WebClient c;
    serving_ada(c);
    web::staff_renew(c.app, c.services, 12);
    const web::HttpRequest& sent = c.http.peek("POST /api/staff/subscriber-records/12/actions");
    CHECK(body_of(sent) == json{{"action", "renew"}, {"instalments", 1}, {"expected_amount", 9000},
                                {"payment", {{"method", "recorded"}, {"reference", "paid at the counter"}}}});
    CHECK_FALSE(sent.idempotency_key.empty());
    c.http.answer("POST /api/staff/subscriber-records/12/actions", 200,
                  json{{"subscriber_record", {{"status", "Renewed"}, {"package", {{"name", "Autumn package"}}}}}, {"appended", json::array()}});
    CHECK(c.app.staff.message == "Renewed: Autumn package, now Renewed.");
    web::staff_renew(c.app, c.services, 99);
    CHECK_FALSE(c.app.staff.error.empty());
}

TEST_CASE("the campaign: counts by status per package, then the biggest package's days and key dates", "[staff][campaign]") {
    WebClient c;
    c.load(counter_catalog());
    sign_in_as(c, "admin");
    web::staff_load_campaign(c.app, c.services);
    c.http.answer("GET /api/staff/renewals", 200,
                  json{{"now", "2027-02-02T00:00:00Z"},
                       {"packages", {{{"package", "small"}, {"name", "Small"}, {"subscribers", 3}, {"statuses", {{"New", 3}}}},
                                     {{"package", "big"}, {"name", "Big"}, {"subscribers", 10}, {"statuses", {{"Renewed", 4}, {"Pending", 6}}}}}}});
    const web::CampaignState& camp = c.app.staff.campaign;
    REQUIRE(camp.packages.size() == 2);
    CHECK(camp.packages[1].statuses == std::vector<std::pair<std::string, int>>{{"Pending", 6}, {"Renewed", 4}});  // the core's order
    CHECK(web::staff_funnel_words(camp.packages[1].statuses) == "4 of 10 renewed (40%)");
    c.http.answer("GET /api/staff/renewals/days?package=big", 200,
                  json{{"days", {{{"day", "2027-02-01"}, {"statuses", {{"Pending", 10}}}}, {{"day", "2027-02-02"}, {"statuses", {{"Pending", 6}, {"Renewed", 4}}}}}},
                       {"key_dates", {{{"name", "Renewal opens"}, {"day", "2027-02-01"}, {"at", "2027-02-01T10:00:00Z"}}}}});
    CHECK(camp.loaded);
    REQUIRE(camp.days.size() == 2);
    CHECK(camp.days[1].statuses.size() == 2);
    CHECK(camp.key_dates.at(0).first == "Renewal opens");
}
