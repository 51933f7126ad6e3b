// Over loopback: the web client's files and the catalog go gzip-compressed to clients that accept it (fewer bytes
// on the wire that decode to the same content, Vary and Content-Length right), and who may embed the picker
// (--embed-origin) shows in GET /api/embed and in the framing headers.
#include <catch2/catch.hpp>

#include <string>

#include "http/compressed_body.hpp"
#include "http/content_coding.hpp"
#include "server_fixture.hpp"

using namespace encore::test;
using encore::server::ContentCoding;

namespace {

struct WireAnswer {
    std::string head;  // status line and headers
    std::string body;  // the bytes as sent
    std::string header(const std::string& name) const {
        const std::string key = "\r\n" + name + ": ";
        const std::size_t at = head.find(key);
        if (at == std::string::npos) return "";
        const std::size_t start = at + key.size();
        return head.substr(start, head.find("\r\n", start) - start);
    }
};

WireAnswer wire_get(int port, const std::string& path, const std::string& accept_encoding) {
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!accept_encoding.empty()) request += "Accept-Encoding: " + accept_encoding + "\r\n";
    const std::string reply = raw_exchange(port, request + "\r\n");
    const std::size_t end = reply.find("\r\n\r\n");
    REQUIRE(end != std::string::npos);
    return {reply.substr(0, end), reply.substr(end + 4)};
}

std::string gunzip(const std::string& data) {
    auto decoded = encore::server::decode_content(data, ContentCoding::gzip, 64 * 1024 * 1024);
    REQUIRE(decoded.outcome == encore::server::DecodedContent::Outcome::ok);
    return decoded.data;
}

// ~300 KB of JavaScript-like text: compressible, as the real encore.js is.
std::string script_text() {
    std::string text;
    for (int i = 0; i < 6000; ++i)
        text += "function f" + std::to_string(i) + "(a, b) { return Module['_encore_" + std::to_string(i % 97) + "'](a + b); }\n";
    return text;
}

}  // namespace

TEST_CASE("Accept-Encoding allows gzip when it lists gzip (or *) without q=0", "[compression]") {
    using encore::server::accepts_gzip;
    CHECK(accepts_gzip("gzip"));
    CHECK(accepts_gzip("gzip, deflate, br"));
    CHECK(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
    CHECK(accepts_gzip("*"));
    CHECK(accepts_gzip("x-gzip"));
    CHECK_FALSE(accepts_gzip(""));
    CHECK_FALSE(accepts_gzip("br, deflate"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("gzip; q=0.000"));
    CHECK_FALSE(accepts_gzip("gzipped"));
    CHECK(gunzip(encore::server::gzip_compress("hello")) == "hello");
}

TEST_CASE("static files and the catalog go gzip-compressed on the wire to clients that accept it", "[compression][static]") {
    TempDir web;
    const std::string script = script_text();
    write_text(web.path() / "encore.js", script);
    write_text(web.path() / "tiny.js", "var a = 1;\n");
    RunningServer running({"--web-root", web.path().string(), "--catalog", demo_catalog_path()});
    const int port = running.server.port();

    const WireAnswer plain = wire_get(port, "/encore.js", "");
    CHECK(plain.head.starts_with("HTTP/1.1 200"));
    CHECK(plain.header("Content-Encoding").empty());
    CHECK(plain.header("Vary") == "Accept-Encoding");
    CHECK(plain.body == script);

    const WireAnswer zipped = wire_get(port, "/encore.js", "gzip, deflate, br");
    CHECK(zipped.head.starts_with("HTTP/1.1 200"));
    CHECK(zipped.header("Content-Encoding") == "gzip");
    CHECK(zipped.header("Vary") == "Accept-Encoding");
    CHECK(zipped.header("Content-Length") == std::to_string(zipped.body.size()));
    CHECK(zipped.header("Content-Type") == plain.header("Content-Type"));
    CHECK(zipped.body.size() * 5 < script.size());
    CHECK(gunzip(zipped.body) == script);
    CHECK(wire_get(port, "/encore.js", "gzip").body == zipped.body);  // compressed once, served from memory
    CHECK(wire_get(port, "/encore.js", "gzip;q=0").body == script);

    // A file too small to gain is sent as it is.
    CHECK(wire_get(port, "/tiny.js", "gzip").header("Content-Encoding").empty());

    // A changed file is compressed again, not served stale.
    write_text(web.path() / "encore.js", script + "// changed\n");
    CHECK(gunzip(wire_get(port, "/encore.js", "gzip").body) == script + "// changed\n");

    const WireAnswer catalog = wire_get(port, "/api/catalog", "");
    const WireAnswer catalog_zipped = wire_get(port, "/api/catalog", "gzip");
    CHECK(catalog.header("Content-Encoding").empty());
    CHECK(catalog_zipped.header("Content-Encoding") == "gzip");
    CHECK(catalog_zipped.header("Content-Length") == std::to_string(catalog_zipped.body.size()));
    CHECK(catalog_zipped.header("ETag") == catalog.header("ETag"));
    CHECK(catalog_zipped.body.size() * 4 < catalog.body.size());
    CHECK(gunzip(catalog_zipped.body) == catalog.body);
    UNSCOPED_INFO("catalog " << catalog.body.size() << " -> " << catalog_zipped.body.size() << " bytes");
}

TEST_CASE("--embed-origin: GET /api/embed lists the sites, which alone join 'self' in frame-ancestors", "[embed][headers]") {
    {
        RunningServer plain(RunningServer::small_catalog());
        auto result = get(*plain.client, "/api/embed");
        CHECK(result->status == 200);
        CHECK(body_json(result) == nlohmann::json{{"origins", nlohmann::json::array()}});
        CHECK(result->get_header_value("X-Frame-Options") == "SAMEORIGIN");
        const std::string csp = result->get_header_value("Content-Security-Policy");
        CHECK(csp.find("frame-ancestors 'self'") != std::string::npos);
        CHECK(csp.find("'unsafe-inline' 'wasm") == std::string::npos);  // no inline script
        CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval';") != std::string::npos);
    }
    std::vector<std::string> args = RunningServer::small_catalog();
    args.insert(args.end(), {"--embed-origin", "https://www.Venue.example/", "--embed-origin", "http://localhost:8081",
                             "--embed-origin", "https://www.venue.example"});
    RunningServer embedded(args);
    auto result = get(*embedded.client, "/api/embed");
    CHECK(body_json(result) == nlohmann::json{{"origins", {"https://www.venue.example", "http://localhost:8081"}}});
    for (const char* path : {"/api/embed", "/api/nope"}) {
        auto answer = get(*embedded.client, path);
        CHECK(answer->get_header_value("Content-Security-Policy")
                  .ends_with("frame-ancestors 'self' https://www.venue.example http://localhost:8081"));
        CHECK_FALSE(answer->has_header("X-Frame-Options"));  // it cannot name other origins; frame-ancestors decides
    }

    std::vector<std::string> none = RunningServer::small_catalog();
    none.insert(none.end(), {"--frame-ancestors", "'none'", "--embed-origin", "https://venue.example"});
    RunningServer only_embed(none);
    CHECK(get(*only_embed.client, "/api/embed")->get_header_value("Content-Security-Policy").ends_with(
        "frame-ancestors https://venue.example"));
}

TEST_CASE("--embed-origin takes one origin: no path, no wildcard, http or https", "[embed][startup]") {
    for (const char* bad : {"venue.example", "https://venue.example/shop", "https://*.venue.example", "ftp://venue.example",
                            "https://", "https://venue.example:99999", "'self'", "https://venue example"}) {
        TempDir dir;
        CAPTURE(bad);
        auto run = run_server_to_exit({"--port", "0", "--db", dir.database(), "--embed-origin", bad}, dir.path());
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("--embed-origin") != std::string::npos);
    }
}
