// How things read on screen: performance times split from the core's wording, counts, seat states, a
// performance's web sale status.
#include <catch2/catch.hpp>

#include "logic/display_format.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

TEST_CASE("counts are grouped in thousands", "[format]") {
    const std::pair<std::int64_t, const char*> rows[] = {{0, "0"},         {999, "999"},         {1000, "1,000"},
                                                         {1857, "1,857"},  {1234567, "1,234,567"}, {-1234, "-1,234"}};
    for (const auto& [n, text] : rows) CHECK(web::format_count(n) == text);
}

TEST_CASE("what a basket or an order holds, in words", "[format]") {
    CHECK(web::contents_words(0, {}) == "0 tickets");
    CHECK(web::contents_words(1, {}) == "1 ticket");
    CHECK(web::contents_words(0, {"Flex 4 Pass"}) == "Flex 4 Pass");
    CHECK(web::contents_words(1, {"Friends"}) == "1 ticket and Friends");
    CHECK(web::contents_words(2, {"Flex 4 Pass", "Friends"}) == "2 tickets, Flex 4 Pass and Friends");
}

TEST_CASE("a performance's time is split into day and clock", "[format]") {
    WebClient c;
    c.load();
    const encore::Instance& macbeth = *web::current_instance(c.app);
    CHECK(macbeth.local_start() == "Tue 12 Jan 2027, 19:30");
    CHECK(web::performance_day(macbeth) == "Tue 12 Jan 2027");
    CHECK(web::performance_clock(macbeth) == "19:30");
    CHECK(web::performance_day_short(macbeth) == "Tue 12 Jan");
}

TEST_CASE("a performance is on sale, not on sale yet, or past", "[format]") {
    WebClient c;
    c.load();
    const encore::Catalog& catalog = *c.app.catalog;
    const encore::Instance& macbeth = *catalog.find_instance(encore::InstanceId{"macbeth-1"});
    const encore::Instance& hamlet = *catalog.find_instance(encore::InstanceId{"hamlet-1"});
    CHECK(web::web_sale(c.app, macbeth) == web::WebSale::on_sale);
    CHECK(web::web_sale(c.app, hamlet) == web::WebSale::not_yet);
    CHECK(std::string(web::web_sale_words(web::WebSale::not_yet)) == "Not on sale yet");
    std::string why = web::not_on_sale_text(c.app, hamlet);
    REQUIRE_FALSE(why.empty());
    CHECK(std::isupper(static_cast<unsigned char>(why[0])));
    CHECK_THAT(why, Catch::Contains("1 Feb 2027"));

    c.app.now = encore::Instant{macbeth.starts_at.unix_seconds + 60};
    CHECK(web::web_sale(c.app, macbeth) == web::WebSale::past);
    CHECK(std::string(web::web_sale_words(web::WebSale::past)) == "Past");
}

TEST_CASE("seat states read as words", "[format]") {
    CHECK(std::string(web::seat_state_words(encore::SeatState::open)) == "Available");
    CHECK(std::string(web::seat_state_words(encore::SeatState::held)) == "Held in another basket");
    CHECK(std::string(web::seat_state_words(encore::SeatState::sold)) == "Sold");
    CHECK(std::string(web::seat_state_words(encore::SeatState::blocked)) == "Not for sale");
    CHECK(web::capitalised("booking fee") == "Booking fee");
    CHECK(web::capitalised("") == "");
}
