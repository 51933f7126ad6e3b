// A shop for order and payment tests: the demo catalog on a fresh server with an admin, the clock set
// to 1 Dec 2026, and helpers to register customers, hold seats, price baskets with the core and order.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "encore/catalog.hpp"
#include "server_fixture.hpp"

namespace encore::test {

inline constexpr const char* shop_now = "2026-12-01T12:00:00Z";

class Shop {
public:
    // A server on `catalog_path` with the test admin, `extra_args`, the clock at `now`.
    explicit Shop(const std::string& catalog_path = demo_catalog_path(), std::vector<std::string> extra_args = {},
                  const std::string& now = shop_now);

    RunningServer running;
    Catalog catalog;
    std::string admin;  // the admin's session token

    // METHOD path with a JSON body (or raw text) and a bearer token; any answer.
    httplib::Result send(const std::string& method, const std::string& path, const std::string& body,
                         const std::string& token = {}, httplib::Headers headers = {});
    httplib::Result get_as(const std::string& path, const std::string& token);
    // Stops the server and starts it again on the same database (its clock back to the system time).
    void restart();
    // Moves the server clock (and logs the admin in again at the new time).
    void set_clock(const std::string& now);
    void login_admin();

    std::string register_customer(const std::string& email);
    // A new session of a customer registered by register_customer (after a clock jump beyond its hours).
    std::string login(const std::string& email);
    std::string create_staff(const std::string& email);
    // A hold token for seats of one instance, held by the token's account.
    std::string hold(const std::string& token, const std::string& instance, const std::vector<std::string>& seats);
    // A stored test card's token.
    std::string store_card(const std::string& token, const std::string& number);

    // {"total", "lines"} as the core prices `basket` for the caller now (what the browser shows).
    nlohmann::json expected_for(const std::string& token, const nlohmann::json& basket);
    // The whole POST /api/orders body, with the expected prices from the core.
    nlohmann::json order_body(const std::string& token, const nlohmann::json& basket, const nlohmann::json& payment,
                              const std::vector<std::string>& holds = {});
    httplib::Result post_order(const std::string& token, const nlohmann::json& body, const std::string& key);

    // The availability code of a seat: 'o' open, 'h' held, 'r' reserved, 's' sold.
    char seat_state(const std::string& instance, const std::string& seat);
    // Rows in a table of the server's database.
    long long count(const std::string& table);
};

nlohmann::json ticket_line(const std::string& instance, const std::string& seat, const std::string& type = "adult");
nlohmann::json web_basket(const std::vector<nlohmann::json>& lines);
nlohmann::json card_payment(const std::string& card_token);
nlohmann::json invoice_payment();

}  // namespace encore::test
