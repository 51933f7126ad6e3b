// Links in the address bar: parsing and writing #/kind/id, a link opened fresh shows its performance (or
// order, or series on its composite map, or a view), choosing something adds a history entry, back and forward
// show what the address names.
#include <catch2/catch.hpp>

#include "logic/links.hpp"
#include "logic/order_view.hpp"
#include "logic/series_map.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

// The address changes the page asks for, as "push #…" / "replace #…".
std::vector<std::string> history(WebClient& c) {
    std::vector<std::string> out;
    while (std::optional<web::HistoryChange> h = web::take_history_change(c.app))
        out.push_back((h->replace ? "replace " : "push ") + h->hash);
    return out;
}

}  // namespace

TEST_CASE("addresses name a performance, a series, an order or a view", "[links]") {
    using K = web::LinkKind;
    const std::pair<const char*, web::Link> rows[] = {
        {"#/performance/macbeth-1", {K::performance, "macbeth-1"}},
        {"#/performance/macbeth-1/", {K::performance, "macbeth-1"}},
        {"#/series/mon%20series", {K::series, "mon series"}},
        {"#/order/K7QX4M2P", {K::order, "K7QX4M2P"}},
        {"", {}}, {"#", {}}, {"#/", {}}, {"#/performance/", {}}, {"#/performance/a/b", {}}, {"#/unknown/x", {}},
        {"#/order/%4", {K::order, "%4"}},
        {"#/season", {K::season, ""}}, {"#/account/", {K::account, ""}}, {"#/seasons", {}}, {"#/season/x", {}},
    };
    for (const auto& [hash, link] : rows) {
        CAPTURE(hash);
        CHECK(web::parse_link(hash) == link);
    }
    CHECK(web::link_hash({K::performance, "macbeth-1"}) == "#/performance/macbeth-1");
    CHECK(web::link_hash({K::series, "mon series"}) == "#/series/mon%20series");
    CHECK(web::link_hash({K::season, ""}) == "#/season");
    CHECK(web::link_hash({}) == "");
    for (const web::Link& link : {web::Link{K::order, "A B/C"}, web::Link{K::series, "x"}})
        CHECK(web::parse_link(web::link_hash(link)) == link);
}

TEST_CASE("without an address the default performance is written in place; choices add history", "[links]") {
    WebClient c;
    web::address_arrived(c.app, "");
    c.load();
    CHECK(history(c) == std::vector<std::string>{"replace #/performance/macbeth-1"});
    CHECK(history(c).empty());
    web::show_performance(c.app, "macbeth-2");
    CHECK(history(c) == std::vector<std::string>{"push #/performance/macbeth-2"});
    CHECK_FALSE(c.app.page.links.opened_from_address);
}

TEST_CASE("a link opened fresh shows its performance instead of the default, and back/forward follow", "[links]") {
    WebClient c;
    web::address_arrived(c.app, "#/performance/hamlet-1");
    c.tick();
    c.http.answer("GET /api/catalog", 200, webtest::small_catalog());
    CHECK(c.app.instance.value == "macbeth-1");  // the default, until the address is applied ...
    c.tick();
    CHECK(c.app.instance.value == "hamlet-1");   // ... before any seats are asked for
    CHECK(c.http.is_waiting("GET /api/instances/hamlet-1/availability"));
    CHECK_FALSE(c.http.is_waiting("GET /api/instances/macbeth-1/availability"));
    CHECK(c.app.page.links.opened_from_address);
    CHECK(history(c).empty());  // the address already says so

    web::show_performance(c.app, "macbeth-2");
    CHECK(history(c) == std::vector<std::string>{"push #/performance/macbeth-2"});
    web::address_arrived(c.app, "#/performance/hamlet-1");  // back
    CHECK(history(c).empty());
    c.tick();
    CHECK(c.app.instance.value == "hamlet-1");
    CHECK(history(c).empty());
}

TEST_CASE("a link to something not in the programme says so and shows what is on", "[links]") {
    WebClient c;
    web::address_arrived(c.app, "#/performance/gone-1");
    c.load();
    CHECK(c.app.instance.value == "macbeth-1");
    CHECK(c.app.notice == "This link is to a performance that is not in the programme; here is what is on.");
    CHECK(history(c) == std::vector<std::string>{"replace #/performance/macbeth-1"});
}

TEST_CASE("a series link opens the Season view on its composite map; the views have links; back and forward follow",
          "[links][season]") {
    WebClient c;
    web::address_arrived(c.app, "#/series/five-play-package");
    c.load(webtest::demo_catalog(), std::string(1857, 'o'));
    CHECK(c.app.season.view == web::MainView::season);
    CHECK(c.app.season.shown.value == "five-play-package");
    CHECK(web::series_map_shown(c.app));
    CHECK(c.http.is_waiting("GET /api/series/five-play-package/groups/"));
    CHECK(c.app.page.links.opened_from_address);
    CHECK(history(c).empty());  // the address already says so

    const std::string first = c.app.instance.value;
    c.app.season.view = web::MainView::events;  // the What's on tab
    CHECK(history(c) == std::vector<std::string>{"push #/performance/" + first});
    web::show_product(c.app, encore::ProductId{"flex-4"});  // a pass in the Season view
    CHECK(history(c) == std::vector<std::string>{"push #/season"});
    c.app.season.view = web::MainView::account;
    CHECK(history(c) == std::vector<std::string>{"push #/account"});

    for (const char* back : {"#/season", "#/performance/", "#/series/five-play-package"}) {
        std::string hash = back == std::string("#/performance/") ? back + first : back;
        CAPTURE(hash);
        web::address_arrived(c.app, hash);
        c.tick();
        CHECK(web::link_hash(web::current_link(c.app)) == hash);
        CHECK(history(c).empty());
    }
    CHECK(web::series_map_shown(c.app));
    web::show_performance(c.app, first);  // chosen in What's on: the series gives way
    CHECK(c.app.season.view == web::MainView::events);
    CHECK(history(c) == std::vector<std::string>{"push #/performance/" + first});

    web::address_arrived(c.app, "#/series/no-such-series");
    c.tick();
    CHECK(c.app.notice == "This link is to a series that is not in the programme; here is what is on.");
    CHECK(c.app.season.view == web::MainView::events);
}

TEST_CASE("an order link opens the order view, after a log-in if needed", "[links][orders]") {
    WebClient c;
    web::address_arrived(c.app, "#/order/K7QX4M2P");
    c.load();
    CHECK(c.app.page.order.phase == web::OrderViewState::Phase::needs_sign_in);
    CHECK(c.app.page.order.reference == "K7QX4M2P");
    CHECK(history(c).empty());
    c.app.account.token = "s-1";
    c.tick();
    CHECK(c.http.peek("GET /api/orders/K7QX4M2P").bearer_token == "s-1");
    web::close_order(c.app);
    CHECK(history(c) == std::vector<std::string>{"push #/performance/macbeth-1"});
}
