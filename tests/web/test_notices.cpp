// Notices go by themselves after a time that grows with their length, or when dismissed.
#include <catch2/catch.hpp>

#include "logic/notices.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

TEST_CASE("a notice clears after its lifetime; a new one starts its own; dismissing clears it", "[notices]") {
    CHECK(web::notice_lifetime_ms("Taken.") == Approx(6000 + 6 * 60));
    CHECK(web::notice_lifetime_ms(std::string(500, 'x')) == 15000);
    WebClient c;
    c.load();
    c.app.notice = "Stalls, Row A, Seat 1 has just been taken by someone else.";
    const double life = web::notice_lifetime_ms(c.app.notice);
    c.tick();
    c.tick(life - 100);
    CHECK_FALSE(c.app.notice.empty());
    c.app.notice = "Another seat was taken.";  // a new notice: its own time
    c.tick();
    c.tick(web::notice_lifetime_ms(c.app.notice) - 100);
    CHECK(c.app.notice == "Another seat was taken.");
    c.tick(web::notice_lifetime_ms(c.app.notice));
    CHECK(c.app.notice.empty());

    c.app.notice = "Something to read.";
    c.tick();
    web::dismiss_notice(c.app);
    CHECK(c.app.notice.empty());
    c.tick();
    CHECK(c.app.notice.empty());
}
