// The order tests' shop: HTTP helpers plus the core pricing the browser would do.
#include "order_fixture.hpp"

#include <catch2/catch.hpp>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"
#include "store/database.hpp"

namespace encore::test {
namespace {

std::vector<std::string> shop_args(const std::string& catalog_path, std::vector<std::string> extra) {
    std::vector<std::string> args{"--catalog", catalog_path, "--fast-password-hashing", "--admin", "admin@test.example:adminpass1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

Catalog catalog_at(const std::string& path) {
    auto load = load_catalog(read_text(path));
    REQUIRE(load.problems.empty());
    return *load.catalog;
}

}  // namespace

Shop::Shop(const std::string& catalog_path, std::vector<std::string> extra_args, const std::string& now)
    : running(shop_args(catalog_path, std::move(extra_args))), catalog(catalog_at(catalog_path)) {
    login_admin();
    set_clock(now);
}

httplib::Result Shop::send(const std::string& method, const std::string& path, const std::string& body,
                           const std::string& token, httplib::Headers headers) {
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    httplib::Result result = method == "POST"     ? running.client->Post(path.c_str(), headers, body, "application/json")
                             : method == "PUT"    ? running.client->Put(path.c_str(), headers, body, "application/json")
                             : method == "DELETE" ? running.client->Delete(path.c_str(), headers)
                                                  : running.client->Get(path.c_str(), headers);
    if (!result) throw std::runtime_error("no answer to " + method + " " + path);
    return result;
}

httplib::Result Shop::get_as(const std::string& path, const std::string& token) { return send("GET", path, "", token); }

void Shop::restart() {
    running.server.restart();
    running.client = running.server.client();
    login_admin();
}

void Shop::set_clock(const std::string& now) {
    auto result = send("PUT", "/api/admin/clock", nlohmann::json{{"now", now}}.dump(), admin);
    INFO(result->body);
    REQUIRE(result->status == 200);
    login_admin();  // a session made before a jump of weeks would have expired
}

void Shop::login_admin() {
    auto login = send("POST", "/api/auth/login", R"({"email":"admin@test.example","password":"adminpass1"})");
    REQUIRE(login->status == 200);
    admin = body_json(login)["token"];
}

std::string Shop::register_customer(const std::string& email) {
    auto result = send("POST", "/api/auth/register",
                       nlohmann::json{{"email", email}, {"name", "Customer " + email}, {"password", "password123"}}.dump());
    REQUIRE(result->status == 201);
    return body_json(result)["token"];
}

std::string Shop::login(const std::string& email) {
    auto result = send("POST", "/api/auth/login", nlohmann::json{{"email", email}, {"password", "password123"}}.dump());
    REQUIRE(result->status == 200);
    return body_json(result)["token"];
}

std::string Shop::create_staff(const std::string& email) {
    auto created = send("POST", "/api/admin/accounts",
                        nlohmann::json{{"email", email}, {"name", "Staff"}, {"password", "password123"}, {"role", "staff"}}.dump(),
                        admin);
    REQUIRE(created->status == 201);
    auto login = send("POST", "/api/auth/login", nlohmann::json{{"email", email}, {"password", "password123"}}.dump());
    REQUIRE(login->status == 200);
    return body_json(login)["token"];
}

std::string Shop::hold(const std::string& token, const std::string& instance, const std::vector<std::string>& seats) {
    auto result = send("POST", "/api/holds", nlohmann::json{{"instance", instance}, {"seats", seats}}.dump(), token);
    INFO(result->body);
    REQUIRE(result->status == 201);
    return body_json(result)["hold"]["token"];
}

std::string Shop::store_card(const std::string& token, const std::string& number) {
    auto result = send("POST", "/api/me/cards", nlohmann::json{{"number", number}, {"expiry", "12/29"}, {"cvc", "123"}}.dump(), token);
    INFO(result->body);
    REQUIRE(result->status == 201);
    return body_json(result)["card"]["token"];
}

nlohmann::json Shop::expected_for(const std::string& token, const nlohmann::json& basket_json) {
    auto customer_json = body_json(get_as("/api/me/customer", token));
    Problems problems;
    auto basket = basket_from_json(basket_json, problems);
    auto customer = customer_from_json(customer_json, problems);
    INFO(customer_json.dump() << (problems.empty() ? "" : " " + problems.front().path + ": " + problems.front().message));
    REQUIRE(problems.empty());
    auto clock = body_json(get_as("/api/admin/clock", admin));
    auto now = parse_instant(clock["now"].get<std::string>());
    PricedBasket priced = price_basket(catalog, *basket, *customer, *now);
    nlohmann::json lines = nlohmann::json::array();
    for (const PricedLine& line : priced.lines) lines.push_back(line.total);
    return {{"total", priced.total}, {"lines", lines}};
}

nlohmann::json Shop::order_body(const std::string& token, const nlohmann::json& basket, const nlohmann::json& payment,
                                const std::vector<std::string>& holds) {
    return {{"basket", basket}, {"holds", holds}, {"expected", expected_for(token, basket)}, {"payment", payment}};
}

httplib::Result Shop::post_order(const std::string& token, const nlohmann::json& body, const std::string& key) {
    return send("POST", "/api/orders", body.dump(), token, {{"Idempotency-Key", key}});
}

char Shop::seat_state(const std::string& instance_id, const std::string& seat) {
    const Instance* instance = catalog.find_instance(InstanceId{instance_id});
    REQUIRE(instance);
    auto index = catalog.find_venue(instance->venue)->plan.seat_index(SeatId{seat});
    REQUIRE(index);
    auto availability = body_json(get(*running.client, "/api/instances/" + instance_id + "/availability"));
    return availability["seats"].get<std::string>().at(*index);
}

long long Shop::count(const std::string& table) {
    auto db_connection = server::db::open(running.dir.database());
    auto& db = *db_connection;
    auto select = db.prepare("SELECT COUNT(*) FROM " + table);
    select.step();
    return select.integer(0);
}

nlohmann::json ticket_line(const std::string& instance, const std::string& seat, const std::string& type) {
    return {{"kind", "ticket"}, {"instance", instance}, {"seat", seat}, {"ticket_type", type}};
}

nlohmann::json web_basket(const std::vector<nlohmann::json>& lines) { return {{"channel", "web"}, {"lines", lines}}; }

nlohmann::json card_payment(const std::string& card_token) { return {{"method", "card"}, {"card_token", card_token}}; }

nlohmann::json invoice_payment() { return {{"method", "invoice"}}; }

}  // namespace encore::test
