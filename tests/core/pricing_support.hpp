// Helpers for the pricing tests: the fixture catalog (tests/core/fixtures/pricing_catalog.json, built
// like the product documents' worked examples), with optional changes, and a one-call pricer.
#pragma once
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "encore/catalog_json.hpp"
#include "encore/pricing.hpp"
#include "encore/pricing_json.hpp"

namespace test {

using nlohmann::json;

// A fixture of tests/core/fixtures/ as JSON.
inline json fixture_json(const std::string& name = "pricing_catalog.json") {
    std::ifstream in(ENCORE_TESTS_DIR "/core/fixtures/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return json::parse(buffer.str());
}

inline encore::Catalog fixture(const std::function<void(json&)>& change = {}, const std::string& name = "pricing_catalog.json") {
    json doc = fixture_json(name);
    if (change) change(doc);
    encore::CatalogLoad load = encore::load_catalog(doc);
    if (!load.catalog) {
        std::string all;
        for (const auto& p : load.problems) all += p.path + ": " + p.message + "\n";
        throw std::runtime_error("fixture does not load:\n" + all);
    }
    return std::move(*load.catalog);
}

inline encore::Instant at(const char* text) { return *encore::parse_instant(text); }

inline encore::PricedBasket price(const encore::Catalog& catalog, const json& basket, const json& customer = json::object(),
                                  const char* now = "2026-11-21T12:00:00Z", const json& usage = json::object()) {
    encore::Problems problems;
    auto b = encore::basket_from_json(basket, problems);
    auto c = encore::customer_from_json(customer, problems);
    auto u = encore::offer_usage_from_json(usage, problems);
    if (!b || !c || !u) throw std::runtime_error("test input does not parse: " + problems.at(0).path + " " + problems.at(0).message);
    return encore::price_basket(catalog, *b, *c, at(now), *u);
}

inline json ticket(const char* instance, const char* seat, const char* type = "adult") {
    return {{"kind", "ticket"}, {"instance", instance}, {"seat", seat}, {"ticket_type", type}};
}

inline json series(const char* id, const char* group, const char* seat, json instances = json::array()) {
    json line = {{"kind", "series"}, {"series", id}, {"group", group}, {"seat", seat}};
    if (!instances.empty()) line["instances"] = instances;
    return line;
}

// Lines as a vector: with clang, `json x = {one_json_value}` copies the value instead of making a
// one-element array (CWG 2137), so braced lists of lines must not become `json` directly.
inline json basket(std::vector<json> lines, const char* channel = "box_office") {
    return {{"channel", channel}, {"lines", json(std::move(lines))}};
}

inline bool has_problem(const encore::PricedBasket& b, int line, const std::string& code) {
    for (const auto& p : b.problems)
        if (p.line == line && p.code == code) return true;
    return false;
}

inline std::string problems_text(const encore::PricedBasket& b) {
    std::string out;
    for (const auto& p : b.problems) out += "line " + std::to_string(p.line) + " " + p.code + ": " + p.message + "\n";
    return out;
}

}  // namespace test
