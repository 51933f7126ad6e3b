// The nesting pre-check on raw JSON text and the limited parse every outside JSON goes through.
#include <catch2/catch.hpp>

#include <string>

#include "encore/catalog_json.hpp"
#include "encore/json_limits.hpp"

using namespace encore;

namespace {

std::string nested(int depth, char open = '[', char close = ']') {
    return std::string(static_cast<std::size_t>(depth), open) + std::string(static_cast<std::size_t>(depth), close);
}

}  // namespace

TEST_CASE("nesting up to the limit passes, one more is reported where it opens", "[json_limits]") {
    CHECK_FALSE(json_too_deep_at(nested(64)).has_value());
    REQUIRE(json_too_deep_at(nested(65)).has_value());
    CHECK(*json_too_deep_at(nested(65)) == 64);
    CHECK(*json_too_deep_at("{\"a\":" + nested(3), 3) == 7);
    CHECK_FALSE(json_too_deep_at("{\"a\":[{\"b\":[]}]}", 4).has_value());
    CHECK(json_too_deep_at("{\"a\":[{\"b\":[]}]}", 3).has_value());
}

TEST_CASE("brackets inside strings and escaped quotes do not count", "[json_limits]") {
    CHECK_FALSE(json_too_deep_at("[\"[[[[[[[[\"]", 2).has_value());
    CHECK_FALSE(json_too_deep_at("[\"\\\"[[[[[[\"]", 2).has_value());
    CHECK(json_too_deep_at("[\"\\\\\",[[[]]]]", 2).has_value());  // the escape ends before the quote
    CHECK_FALSE(json_too_deep_at("", 1).has_value());
    CHECK_FALSE(json_too_deep_at("]]]]{{", 2).has_value());         // closers never go below zero
}

TEST_CASE("parse_json_text refuses deep text before parsing and malformed text with its offset", "[json_limits]") {
    auto deep = parse_json_text(nested(60000));
    CHECK(deep.failure == JsonText::Failure::too_deep);
    CHECK(deep.at == 64);
    CHECK(deep.value.is_discarded());
    auto bad = parse_json_text("{\"a\": tru}");
    CHECK(bad.failure == JsonText::Failure::malformed);
    CHECK(bad.value.is_discarded());
    auto nul = parse_json_text(std::string_view("8888e-888\0[[[", 13));  // nlohmann alone accepts this
    CHECK(nul.failure == JsonText::Failure::malformed);
    CHECK(nul.at == 9);
    CHECK(parse_json_text("{\"a\": 5e747}").failure == JsonText::Failure::malformed);  // a number overflow
    auto good = parse_json_text("{\"a\": [1, {\"b\": null}]}");
    REQUIRE(good.failure == JsonText::Failure::none);
    CHECK(good.value["a"][1].contains("b"));
}

TEST_CASE("a catalog nested too deep is one problem, not a crash", "[json_limits][catalog]") {
    const CatalogLoad load = load_catalog("{\"format\":1,\"x\":" + nested(100000) + "}");
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].code == "json_too_deep");
    CHECK_FALSE(load.catalog.has_value());
}
