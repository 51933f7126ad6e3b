// The customer's renewals in Your account: the records and what the server offers on each, renewing with the
// stored card at the amount shown, declining, and a refusal put in words.
#include <catch2/catch.hpp>

#include "logic/account_client.hpp"
#include "logic/my_renewals.hpp"
#include "web_client_fixture.hpp"

using nlohmann::json;
using webtest::WebClient;

namespace {

json pending_record() {
    return {{"id", 12},
            {"status", "Pending"},
            {"package", {{"id", "autumn"}, {"name", "5 Play Package, Autumn 2027"}}},
            {"group", {{"id", "tue"}, {"name", "Tuesday evenings"}}},
            {"seats", {{{"seat", "ST-J-7"}, {"name", "Stalls, Row J, Seat 7"}}}},
            {"dates", {{"renewal_ends", "2027-03-01T00:00:00Z"}}},
            {"auto_renew", {{"on", false}, {"instalments", 1}}},
            {"actions", {{{"action", "renew"}, {"instalments", 1}, {"amount", 12500}, {"amount_text", "£125.00"}},
                         {{"action", "renew"}, {"instalments", 3}, {"amount", 4167}},
                         {{"action", "decline"}},
                         {{"action", "auto_renew_on"}, {"max_instalments", 12}}}},
            {"unavailable", json::array()}};
}

void signed_in_with_record(WebClient& c) {
    c.load();
    web::log_in(c.app, c.services, "sub@example.org", "pw-pw-pw-pw");
    c.http.answer("POST /api/auth/login", 200, json{{"account", {{"email", "sub@example.org"}, {"role", "customer"}}}, {"token", "s-1"}});
    c.http.answer("GET /api/me/customer", 200, json{{"customer", json::object()}});
    web::load_my_renewals(c.app, c.services);
    c.http.answer("GET /api/me/subscriber-records", 200, json{{"subscriber_records", {pending_record()}}});
    c.http.answer("GET /api/me/cards", 200, json{{"cards", {{{"token", "tok_9"}, {"last4", "4242"}}}}});
}

}  // namespace

TEST_CASE("the customer's records list what the server offers; renewing sends the amount shown and the stored card", "[renewals]") {
    WebClient c;
    signed_in_with_record(c);
    const web::MyRenewalsState& st = c.app.my_renewals;
    REQUIRE(st.records.size() == 1);
    const web::MyRenewal& r = st.records[0];
    CHECK(r.renew_amount == 12500);
    CHECK(r.can_decline);
    CHECK(r.can_auto_renew_on);
    CHECK_FALSE(r.can_auto_renew_off);
    CHECK(r.seats_text == "Stalls, Row J, Seat 7");
    CHECK(web::my_renewal_action_label(r, "renew") == "Renew · £125.00");

    web::load_my_renewals(c.app, c.services);  // read once per session
    CHECK_FALSE(c.http.is_waiting("GET /api/me/subscriber-records"));

    web::act_on_my_renewal(c.app, c.services, 12, "renew");
    const web::HttpRequest& sent = c.http.peek("POST /api/me/subscriber-records/12/actions");
    CHECK(json::parse(sent.body) == json{{"action", "renew"}, {"instalments", 1}, {"expected_amount", 12500},
                                         {"payment", {{"method", "card"}, {"card_token", "tok_9"}}}});
    CHECK_FALSE(sent.idempotency_key.empty());
    c.http.answer("POST /api/me/subscriber-records/12/actions", 200, json{{"subscriber_record", {{"status", "Renewed"}}}});
    CHECK(c.app.my_renewals.message.find("Renewed") == 0);
    CHECK(c.http.is_waiting("GET /api/me/subscriber-records"));  // read again
}

TEST_CASE("declining and a refusal in words", "[renewals]") {
    WebClient c;
    signed_in_with_record(c);
    web::act_on_my_renewal(c.app, c.services, 12, "decline");
    CHECK(json::parse(c.http.peek("POST /api/me/subscriber-records/12/actions").body) == json{{"action", "decline"}});
    c.http.answer("POST /api/me/subscriber-records/12/actions", 422,
                  json{{"code", "renewal_refused"}, {"status", 422}, {"reason", "renewal_closed"}, {"detail", "The renewal window has closed."}});
    CHECK_FALSE(c.app.my_renewals.error.empty());
    CHECK(c.app.my_renewals.busy == 0);
}
