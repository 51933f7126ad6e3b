// The embedded picker's conversation with its host page: settings from the address, messages posted only to an
// allowed host (ready, resize, the core's priced basket, the order's reference) and encore:select taken only
// from it.
#include <catch2/catch.hpp>

#include "logic/account_client.hpp"
#include "logic/basket_pricing.hpp"
#include "logic/checkout_client.hpp"
#include "logic/embed.hpp"
#include "logic/links.hpp"
#include "encore/pricing_json.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

constexpr const char* host = "https://venue.example";

std::vector<nlohmann::json> messages(WebClient& c, double width = 1000) {
    web::pump_embed(c.app, c.services, width);
    std::vector<nlohmann::json> out;
    for (const std::string& text : web::take_embed_messages(c.app)) out.push_back(nlohmann::json::parse(text));
    return out;
}

std::vector<std::string> types(const std::vector<nlohmann::json>& sent) {
    std::vector<std::string> out;
    for (const nlohmann::json& m : sent) out.push_back(m["type"]);
    return out;
}

// Embedded for `host`, the server allowing `allowed`, the catalog and first performance loaded.
void embedded(WebClient& c, const nlohmann::json& allowed) {
    web::start_embed(c.app, "?embed=1&host=https%3A%2F%2Fvenue.example&theme=light");
    web::pump_embed(c.app, c.services, 1000);
    c.http.answer("GET /api/embed", 200, nlohmann::json{{"origins", allowed}});
    c.load();
}

}  // namespace

TEST_CASE("the address says whether the picker is embedded, for which host, in which theme", "[embed]") {
    web::EmbedSettings s = web::parse_embed_query("?embed=1&host=https%3A%2F%2Fvenue.example%3A8443&theme=light&x=%zz");
    CHECK(s.embedded);
    CHECK(s.host == "https://venue.example:8443");
    CHECK(s.theme == web::Theme::light);
    s = web::parse_embed_query("?theme=light&host=https%3A%2F%2Fvenue.example");
    CHECK_FALSE(s.embedded);
    CHECK(s.host.empty());  // a host means nothing outside a frame
    CHECK(s.theme == web::Theme::light);
    s = web::parse_embed_query("");
    CHECK_FALSE(s.embedded);
    CHECK(s.theme == web::Theme::dark);
    CHECK(web::parse_embed_query("?embed=0&host=x").host.empty());
}

TEST_CASE("an allowed host hears ready, the picker's height, the core's priced basket and the order", "[embed]") {
    WebClient c;
    embedded(c, {"https://other.example", host});
    CHECK(c.app.page.embed.host_allowed);
    std::vector<nlohmann::json> sent = messages(c);
    REQUIRE(types(sent) == std::vector<std::string>{"encore:ready", "encore:resize", "encore:basketChanged"});
    CHECK(sent[0]["performance"] == c.app.instance.value);
    CHECK(sent[1]["height"] == 620);
    CHECK(sent[2]["basket"]["lines"].empty());
    CHECK(messages(c).empty());  // nothing new, nothing sent

    REQUIRE(c.toggle("ST-A-1"));
    sent = messages(c);
    REQUIRE(types(sent) == std::vector<std::string>{"encore:basketChanged"});
    const encore::PricedBasket& priced = web::priced_basket(c.app);
    CHECK(sent[0]["basket"]["total"] == priced.total);
    CHECK(sent[0]["basket"]["total"] == 4650);  // £45 band A adult + £1.50 web booking fee
    CHECK(sent[0]["basket"]["currency"] == "GBP");
    CHECK(sent[0]["basket"]["lines"] == encore::priced_basket_to_json(priced)["lines"]);
    CHECK(types(messages(c, 500)) == std::vector<std::string>{"encore:resize"});

    c.tick();
    c.http.answer("POST /api/holds", 201, webtest::hold_answer(c.app, "T1", {"ST-A-1"}));
    web::log_in(c.app, c.services, "ada@example.org", "correct horse");
    c.http.answer("POST /api/auth/login", 200, nlohmann::json{{"account", {{"email", "ada@example.org"}}}, {"token", "s-1"}});
    c.http.answer("GET /api/me/customer", 200, nlohmann::json{{"customer", nlohmann::json::object()}});
    messages(c, 500);
    c.app.checkout.method = web::PayMethod::invoice;
    web::place_order(c.app, c.services);
    c.http.answer("POST /api/orders", 201, nlohmann::json{{"order", {{"reference", "ord_5e1f"}, {"short_reference", "K7QX4M2P"},
                                                                     {"status", "reserved"}, {"total", 4650}, {"total_text", "£46.50"}}}});
    sent = messages(c, 500);
    REQUIRE(types(sent) == std::vector<std::string>{"encore:basketChanged", "encore:orderCompleted"});
    CHECK(sent[0]["basket"]["lines"].empty());  // the order used the basket
    CHECK(sent[1]["reference"] == "ord_5e1f");
    CHECK(sent[1]["short_reference"] == "K7QX4M2P");  // as the confirmation shows it
    CHECK(sent[1]["total"] == 4650);
    CHECK(messages(c, 500).empty());
}

TEST_CASE("a host the server does not list hears nothing and cannot select", "[embed]") {
    WebClient c;
    embedded(c, {"https://other.example"});
    CHECK_FALSE(c.app.page.embed.host_allowed);
    CHECK(messages(c).empty());
    CHECK_FALSE(web::accept_embed_message(c.app, host, R"({"type":"encore:select","performance":"macbeth-2"})"));
    CHECK(c.app.page.embed.ignored == 1);
}

TEST_CASE("encore:select is taken from the host's origin only, with exactly one performance or series", "[embed]") {
    WebClient c;
    embedded(c, {host});
    const std::string before = c.app.instance.value;
    const std::pair<const char*, const char*> refused[] = {
        {"https://evil.example", R"({"type":"encore:select","performance":"macbeth-2"})"},
        {"https://venue.example.evil", R"({"type":"encore:select","performance":"macbeth-2"})"},
        {"http://venue.example", R"({"type":"encore:select","performance":"macbeth-2"})"},
        {host, R"({"type":"encore:buy","performance":"macbeth-2"})"},
        {host, R"({"type":"encore:select"})"},
        {host, R"({"type":"encore:select","performance":"macbeth-2","series":"s"})"},
        {host, R"({"type":"encore:select","performance":2})"},
        {host, R"("encore:select")"},
        {host, "not json"},
    };
    for (const auto& [origin, data] : refused) {
        CAPTURE(origin, data);
        CHECK_FALSE(web::accept_embed_message(c.app, origin, data));
    }
    CHECK_FALSE(web::accept_embed_message(c.app, host, R"({"type":"encore:select","performance":"macbeth-2"})", false));
    CHECK(c.app.page.embed.ignored == 10);  // the last: the host's origin, but another frame sent it
    c.tick();
    CHECK(c.app.instance.value == before);

    CHECK(web::accept_embed_message(c.app, host, R"({"type":"encore:select","performance":"macbeth-2"})"));
    c.tick();
    CHECK(c.app.instance.value == "macbeth-2");
}

TEST_CASE("the embedded picker asks for a height that depends on its width only", "[embed]") {
    CHECK(web::embed_content_height(1280) == 760);
    CHECK(web::embed_content_height(1000) == 620);
    CHECK(web::embed_content_height(800) == 600);
    CHECK(web::embed_content_height(375) == 980);
}
