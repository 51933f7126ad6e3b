// A customer created at the box office's counter over loopback: staff only, a closed schema, the sign-up's
// checks as problem+json, found by the staff search at once, with the pricing document the counter prices with.
#include <catch2/catch.hpp>

#include "account_helpers.hpp"
#include "order_fixture.hpp"

using namespace encore::test;
using nlohmann::json;

TEST_CASE("staff create a customer at the counter; customers cannot; bad bodies are named problems", "[staff][accounts]") {
    Shop shop;
    const std::string staff = shop.create_staff("counter@test.example");
    const std::string alice = shop.register_customer("alice@test.example");

    auto made = shop.send("POST", "/api/staff/customers", R"({"email":"Walk.In@Test.example","name":"Walk In"})", staff);
    INFO(made->body);
    REQUIRE(made->status == 201);
    const json account = body_json(made)["account"];
    CHECK(account["email"] == "Walk.In@Test.example");
    CHECK(account["name"] == "Walk In");
    CHECK(account["role"] == "customer");
    CHECK_FALSE(body_json(made).contains("token"));  // no session is started for anyone

    const json found = body_json(shop.get_as("/api/staff/customers?q=walk%20in", staff))["customers"];
    REQUIRE(found.size() == 1);
    CHECK(found[0]["id"] == account["id"]);
    const json detail = body_json(shop.get_as("/api/staff/customers/" + std::to_string(account["id"].get<long long>()), staff));
    CHECK(detail["customer"].is_object());  // the document the counter prices this customer's basket with
    CHECK(detail["orders"].empty());

    require_problem(shop.send("POST", "/api/staff/customers", R"({"email":"Walk.In@Test.example","name":"Again"})", staff), 409,
                    "email_taken");
    require_problem(shop.send("POST", "/api/staff/customers", R"({"email":"x@test.example","name":"X","password":"chosen-by-staff"})",
                              staff),
                    422, "invalid_request");
    auto bad_email = shop.send("POST", "/api/staff/customers", R"({"email":"not an email","name":"X"})", staff);
    require_problem(bad_email, 422, "invalid_request");
    CHECK(body_json(bad_email)["field"] == "email");
    require_problem(shop.send("POST", "/api/staff/customers", R"({"email":"y@test.example"})", staff), 422, "invalid_request");
    require_problem(shop.send("POST", "/api/staff/customers", "[1]", staff), 422, "invalid_request");
    require_problem(shop.send("POST", "/api/staff/customers", R"({"email":"z@test.example","name":"Z"})", alice), 403, "forbidden");
    CHECK(shop.send("POST", "/api/staff/customers", R"({"email":"z@test.example","name":"Z"})")->status == 401);
    CHECK(body_json(shop.get_as("/api/staff/customers?q=z%40test", staff))["customers"].empty());  // nothing half-written
}
