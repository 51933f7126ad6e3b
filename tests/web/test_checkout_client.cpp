// Checkout: a card is saved first (POST /api/me/cards), then the order is placed with the core's basket and
// totals, the hold and an Idempotency-Key that a retry after no definite answer reuses.
#include <catch2/catch.hpp>

#include "logic/account_client.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/checkout_client.hpp"
#include "logic/display_format.hpp"
#include "web_client_fixture.hpp"

using webtest::hold_answer;
using webtest::WebClient;

namespace {

nlohmann::json body_of(const web::HttpRequest& r) { return nlohmann::json::parse(r.body); }

void sign_in(WebClient& c) {
    web::log_in(c.app, c.services, "ada@example.org", "correct horse");
    c.http.answer("POST /api/auth/login", 200,
                  nlohmann::json{{"account", {{"email", "ada@example.org"}, {"name", "Ada"}}}, {"token", "session-1"}});
    c.http.answer("GET /api/me/customer", 200, nlohmann::json{{"customer", nlohmann::json::object()}});
    REQUIRE(c.app.account.token == "session-1");
}

void hold(WebClient& c, const std::string& seat) {
    REQUIRE(c.toggle(seat));
    c.tick();
    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {seat}));
}

// Signed in, ST-A-1 held under T1.
void ready_to_pay(WebClient& c) {
    c.load();
    sign_in(c);
    hold(c, "ST-A-1");
    REQUIRE(web::checkout_blocker(c.app).empty());
}

void card(web::AppState& app, const char* number, const char* expiry, const char* cvc) {
    app.checkout.method = web::PayMethod::card;
    app.checkout.card_number = number;
    app.checkout.card_expiry = expiry;
    app.checkout.card_cvc = cvc;
}

nlohmann::json order(const std::string& status) {
    return {{"order", {{"reference", "ENC-0001"}, {"status", status}, {"total", 4650}, {"total_text", "£46.50"},
                       {"due_at", "2027-01-15T10:00:00Z"}}}};
}

}  // namespace

TEST_CASE("checkout says why the basket cannot be paid for yet", "[checkout]") {
    WebClient c;
    c.load();
    CHECK(web::checkout_blocker(c.app) == "Choose your seats first.");
    REQUIRE(c.toggle("ST-A-1"));
    CHECK(web::checkout_blocker(c.app) == "Holding your seats…");
    c.tick();
    CHECK(web::checkout_blocker(c.app) == "Holding your seats…");
    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {"ST-A-1"}));
    CHECK(web::checkout_blocker(c.app) == "Log in or create an account to pay.");
    sign_in(c);
    CHECK(web::checkout_blocker(c.app) == "");

    web::place_order(c.app, c.services);  // Pay with the card fields still empty goes to the server, which says why
    CHECK(c.app.checkout.step == web::CheckoutStep::saving_card);
}

TEST_CASE("paying by card saves the card, then orders with its token, the hold and the core's totals", "[checkout]") {
    WebClient c;
    ready_to_pay(c);
    card(c.app, "4242 4242 4242 4242", "12/30", "123");
    web::place_order(c.app, c.services);
    CHECK(c.app.checkout.step == web::CheckoutStep::saving_card);
    const web::HttpRequest& save = c.http.peek("POST /api/me/cards");
    CHECK(save.bearer_token == "session-1");
    CHECK(body_of(save) == nlohmann::json{{"number", "4242424242424242"}, {"expiry", "12/30"}, {"cvc", "123"}});
    CHECK(c.http.waiting() == std::vector<std::string>{"POST /api/me/cards"});

    c.http.answer("POST /api/me/cards", 201, nlohmann::json{{"card", {{"token", "card-7"}, {"last4", "4242"}}}});
    CHECK(c.app.checkout.step == web::CheckoutStep::placing_order);
    const web::HttpRequest& placed = c.http.peek("POST /api/orders");
    CHECK(placed.idempotency_key == "key-1");
    CHECK(placed.bearer_token == "session-1");
    nlohmann::json body = body_of(placed);
    CHECK(body["basket"] == nlohmann::json::parse(
        R"({"channel":"web","lines":[{"kind":"ticket","instance":"macbeth-1","seat":"ST-A-1","ticket_type":"adult"}]})"));
    CHECK(body["holds"] == nlohmann::json{"T1"});
    CHECK(body["expected"] == web::expected_totals(web::priced_basket(c.app)));
    CHECK(body["expected"]["total"] == 4650);
    CHECK(body["payment"] == nlohmann::json{{"method", "card"}, {"card_token", "card-7"}});

    c.http.answer("POST /api/orders", 201, order("paid"));
    const web::CheckoutState& co = c.app.checkout;
    CHECK(co.step == web::CheckoutStep::idle);
    CHECK(co.reference == "ENC-0001");
    CHECK(web::order_status_words(co) == "Paid");
    CHECK(co.error.empty());
    CHECK(co.card_number.empty());
    CHECK_FALSE(co.open);               // the confirmation is the order view, showing the order just placed
    CHECK(c.app.page.order.phase == web::OrderViewState::Phase::shown);
    CHECK(c.app.page.order.just_placed);
    CHECK(c.app.page.order.order["reference"] == "ENC-0001");
    CHECK(c.app.picks.empty());         // the order used the hold
    CHECK(c.app.hold.token.empty());
    CHECK(c.http.is_waiting("GET /api/me/customer"));  // new passes or memberships change later prices
}

TEST_CASE("a retry after no definite answer reuses the Idempotency-Key; a definite answer retires it", "[checkout]") {
    WebClient c;
    ready_to_pay(c);
    c.app.checkout.method = web::PayMethod::invoice;

    web::place_order(c.app, c.services);
    web::HttpRequest first = c.http.answer("POST /api/orders", 0, std::string("Failed to fetch"));
    CHECK(first.idempotency_key == "key-1");
    CHECK(body_of(first)["payment"] == nlohmann::json{{"method", "invoice"}});
    CHECK(c.app.checkout.error == "Could not reach the box office to place your order. Check your connection and try again.");
    CHECK(c.app.picks.size() == 1);  // nothing is lost

    web::place_order(c.app, c.services);
    web::HttpRequest second = c.http.answer("POST /api/orders", 502, std::string("Bad gateway"));
    CHECK(second.idempotency_key == "key-1");
    CHECK(second.body == first.body);

    web::place_order(c.app, c.services);
    web::HttpRequest third = c.http.answer("POST /api/orders", 402, webtest::problem(402, "payment_declined"));
    CHECK(third.idempotency_key == "key-1");
    CHECK(c.app.checkout.error_code == "payment_declined");

    web::place_order(c.app, c.services);  // a definite "no": the next attempt is a new one
    CHECK(c.http.peek("POST /api/orders").idempotency_key == "key-2");
}

TEST_CASE("a changed basket is a new attempt with a new key, even after no answer", "[checkout]") {
    WebClient c;
    ready_to_pay(c);
    c.app.checkout.method = web::PayMethod::invoice;
    web::place_order(c.app, c.services);
    c.http.answer("POST /api/orders", 0, std::string("network down"));
    REQUIRE(c.toggle("ST-A-2"));
    c.tick();
    c.http.answer("POST /api/holds", 201, hold_answer(c.app, "T1", {"ST-A-1", "ST-A-2"}));
    REQUIRE(web::checkout_blocker(c.app).empty());
    web::place_order(c.app, c.services);
    CHECK(c.http.peek("POST /api/orders").idempotency_key == "key-2");
}

TEST_CASE("a card retry after a network failure does not save the card again", "[checkout]") {
    WebClient c;
    ready_to_pay(c);
    card(c.app, "4242424242424242", "12/30", "123");
    web::place_order(c.app, c.services);
    c.http.answer("POST /api/me/cards", 201, nlohmann::json{{"card", {{"token", "card-7"}}}});
    c.http.answer("POST /api/orders", 0, std::string("Failed to fetch"));
    web::place_order(c.app, c.services);
    CHECK(c.http.waiting() == std::vector<std::string>{"POST /api/orders"});
    CHECK(c.http.peek("POST /api/orders").idempotency_key == "key-1");

    card(c.app, "4000000000000002", "12/30", "123");  // another card: saved first
    c.http.answer("POST /api/orders", 402, webtest::problem(402, "payment_declined"));
    web::place_order(c.app, c.services);
    CHECK(c.http.waiting() == std::vector<std::string>{"POST /api/me/cards"});
}

TEST_CASE("a card the server will not save stops the checkout with the reason", "[checkout]") {
    WebClient c;
    ready_to_pay(c);
    card(c.app, "1234", "13/99", "1");
    web::place_order(c.app, c.services);
    c.http.answer("POST /api/me/cards", 422, webtest::problem(422, "card_number_invalid", "The card number is not valid."));
    CHECK(c.app.checkout.step == web::CheckoutStep::idle);
    CHECK(c.app.checkout.error == "The card number is not valid.");
    CHECK(c.app.checkout.error_code == "card_number_invalid");
    CHECK(c.http.waiting().empty());
}

TEST_CASE("order problems: a lost hold empties the basket, a changed price re-reads the customer", "[checkout]") {
    WebClient c;
    ready_to_pay(c);
    c.app.checkout.method = web::PayMethod::invoice;
    SECTION("hold_not_found") {
        web::place_order(c.app, c.services);
        c.http.answer("POST /api/orders", 404, webtest::problem(404, "hold_not_found", "No such hold."));
        CHECK(c.app.checkout.error == "Your seats were no longer held for you. Choose them again.");
        CHECK(c.app.picks.empty());
        CHECK(c.app.hold.token.empty());
    }
    SECTION("price_changed") {
        web::place_order(c.app, c.services);
        c.http.answer("POST /api/orders", 409, webtest::problem(409, "price_changed", "Line 1 now costs £50.00."));
        CHECK(c.app.checkout.error ==
              "The price of your tickets has changed since you chose them. Check the new total and pay again. (Line 1 now costs £50.00.)");
        CHECK(c.app.picks.size() == 1);
        CHECK(c.http.is_waiting("GET /api/me/customer"));
    }
}

TEST_CASE("an invoice order reads as reserved until its due date", "[checkout]") {
    WebClient c;
    ready_to_pay(c);
    c.app.checkout.method = web::PayMethod::invoice;
    web::place_order(c.app, c.services);
    c.http.answer("POST /api/orders", 201, order("reserved"));
    CHECK(web::order_status_words(c.app.checkout) == "Reserved — pay by Fri 15 Jan 2027, 10:00 UTC");
    web::reset_checkout_result(c.app);
    CHECK(c.app.checkout.reference.empty());
    CHECK(web::order_status_words(c.app.checkout).empty());
}
