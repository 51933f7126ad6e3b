// The front end's request reader on its own: framing, limits, content codings and trusted proxies,
// fed byte by byte where it matters.
#include <catch2/catch.hpp>

#include "http/client_address.hpp"
#include "http/content_coding.hpp"
#include "http/request_reader.hpp"

using namespace encore::server;
using State = RequestReader::State;

namespace {

// Feeds `text` one byte at a time; the final state.
State feed_slowly(RequestReader& reader, const std::string& text, std::string& rest) {
    State state = State::head;
    for (char c : text) {
        rest += c;
        state = reader.feed(rest);
        if (state == State::complete || state == State::refused) break;
    }
    return state;
}

}  // namespace

TEST_CASE("a request read byte by byte gives the same head and body", "[request_reader]") {
    RequestReader reader;
    std::string rest;
    const std::string text = "POST /api/holds?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nX-A:  b \r\n\r\nhello";
    REQUIRE(feed_slowly(reader, text, rest) == State::complete);
    CHECK(reader.head().method == "POST");
    CHECK(reader.head().target == "/api/holds?x=1");
    CHECK(reader.head().header("x-a") == "b");
    CHECK(reader.body() == "hello");
    CHECK(reader.canonical_text().ends_with("Content-Length: 5\r\n\r\nhello"));
}

TEST_CASE("pipelined requests are read one at a time", "[request_reader]") {
    RequestReader reader;
    std::string input = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n";
    REQUIRE(reader.feed(input) == State::complete);
    CHECK(reader.head().target == "/a");
    reader.reset();
    REQUIRE(reader.feed(input) == State::complete);
    CHECK(reader.head().target == "/b");
    CHECK(input.empty());
}

TEST_CASE("chunked bodies are decoded, with extensions and trailers", "[request_reader]") {
    RequestReader reader;
    std::string rest;
    const std::string text = "PUT /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\n";
    REQUIRE(feed_slowly(reader, text, rest) == State::complete);
    CHECK(reader.body() == "abc0123456789");
    CHECK(reader.canonical_text().find("Transfer-Encoding") == std::string::npos);
    CHECK(reader.canonical_text().find("Content-Length: 13") != std::string::npos);
}

TEST_CASE("framing that could smuggle a request, or has no length, is refused", "[request_reader]") {
    struct Case {
        std::string text;
        int status;
    };
    const Case cases[] = {
        {"POST /x HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
        {"POST /x HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400},
        {"POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400},
        {"POST /x HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413},
        {"POST /x HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n", 413},
        {"POST /x HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501},
        {"POST /x HTTP/1.1\r\nHost: x\r\n\r\n", 411},
        {"POST /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Encoding: zstd\r\n\r\n", 415},
        {"GET /x HTTP/2.0\r\n\r\n", 505},
        {"GET  /x HTTP/1.1\r\n\r\n", 400},
        {"GET /x HTTP/1.1\r\n folded: no\r\n\r\n", 400},
        {"GET /x HTTP/1.1\r\nBad Name: x\r\n\r\n", 400},
        {"PUT /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
        {"PUT /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 400},
    };
    for (const Case& c : cases) {
        RequestReader reader;
        std::string input = c.text;
        INFO(c.text);
        REQUIRE(reader.feed(input) == State::refused);
        CHECK(reader.refusal().status == c.status);
    }
}

TEST_CASE("heads over the limits are refused as soon as they are too long", "[request_reader]") {
    RequestLimits limits;
    limits.max_request_line = 100;
    limits.max_head = 300;
    limits.max_headers = 3;
    {
        RequestReader reader(limits);
        std::string input = "GET /" + std::string(200, 'a');  // no line end yet
        CHECK(reader.feed(input) == State::refused);
        CHECK(reader.refusal().status == 414);
    }
    {
        RequestReader reader(limits);
        std::string input = "GET / HTTP/1.1\r\nA: " + std::string(400, 'a');
        CHECK(reader.feed(input) == State::refused);
        CHECK(reader.refusal().status == 431);
    }
    {
        RequestReader reader(limits);
        std::string input = "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n";
        CHECK(reader.feed(input) == State::refused);
        CHECK(reader.refusal().status == 431);
    }
}

TEST_CASE("content codings are undone within the cap", "[request_reader][content_coding]") {
    CHECK(content_coding("GZIP") == ContentCoding::gzip);
    CHECK(content_coding(" br ") == ContentCoding::brotli);
    CHECK(content_coding("gzip, br") == ContentCoding::unsupported);
    CHECK(decode_content("not gzip", ContentCoding::gzip, 100).outcome == DecodedContent::Outcome::corrupt);
    CHECK(decode_content("12345", ContentCoding::identity, 4).outcome == DecodedContent::Outcome::too_large);
    // An 11-byte raw deflate stream of 1,000 'a's stops at the cap.
    const std::string deflated("\x4b\x4c\x1c\x05\xa3\x60\x14\x0c\x77\x00\x00", 11);
    const DecodedContent whole = decode_content(deflated, ContentCoding::deflate, 2000);
    REQUIRE(whole.outcome == DecodedContent::Outcome::ok);
    CHECK(whole.data == std::string(1000, 'a'));
    CHECK(decode_content(deflated, ContentCoding::deflate, 999).outcome == DecodedContent::Outcome::too_large);
}

TEST_CASE("X-Forwarded-For is read from the right, only through trusted proxies", "[request_reader][proxy]") {
    REQUIRE(parse_address_range("10.0.0.0/8"));
    REQUIRE(parse_address_range("::1"));
    CHECK_FALSE(parse_address_range("10.0.0.0/33"));
    CHECK_FALSE(parse_address_range("example.org"));
    const TrustedProxies proxies({*parse_address_range("10.0.0.0/8"), *parse_address_range("::1/128")});
    CHECK(proxies.client_address("10.1.2.3", "203.0.113.5") == "203.0.113.5");
    CHECK(proxies.client_address("10.1.2.3", "198.51.100.1, 203.0.113.5, 10.9.9.9") == "203.0.113.5");
    CHECK(proxies.client_address("10.1.2.3", "") == "10.1.2.3");
    CHECK(proxies.client_address("10.1.2.3", "garbage, 10.2.2.2") == "10.2.2.2");
    CHECK(proxies.client_address("192.0.2.1", "203.0.113.5") == "192.0.2.1");
    CHECK(proxies.client_address("::1", "2001:db8::7") == "2001:db8::7");
    CHECK(TrustedProxies().client_address("10.1.2.3", "203.0.113.5") == "10.1.2.3");
}
